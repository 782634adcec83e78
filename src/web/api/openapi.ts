import { z } from 'zod';
import { classificationRequestSchema, classificationResponseSchema } from './classification-api.js';
import { economicsRequestSchema, economicsResponseSchema } from './economics-api.js';
import { decisionRequestSchema } from './lender-api.js';
import { lenderApiPaths } from './lender-api-openapi.js';
import { readinessRequestSchema, readinessResponseSchema } from './readiness-api.js';
import { matchesRequestSchema, matchesResponseSchema } from './scheme-matches-api.js';

// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests (api-v1.md).

const invalidRequest = z.object({
  error: z.literal('invalid_request'),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });

function calculation(summary: string, request: z.ZodType, response: z.ZodType) {
  return {
    post: {
      summary,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: jsonSchema(request, 'input') } },
      },
      responses: {
        '200': {
          description: 'The result',
          content: { 'application/json': { schema: jsonSchema(response, 'output') } },
        },
        '400': { description: 'Malformed JSON' },
        '422': {
          description: 'Every problem with the request, each with a dotted path',
          content: { 'application/json': { schema: jsonSchema(invalidRequest, 'output') } },
        },
        '429': { description: 'Too many requests from this address; see Retry-After' },
      },
    },
  };
}

export function openApiDocument(rulesVersion: string): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'HaritSetu API',
      version: '1',
      description:
        'Stateless calculations for MSME cleaner-technology finance. Money is rupees as decimal strings; rates are percent as decimal strings. ' +
        'A JSON number is accepted too; either way a value has at most 40 characters written out in full, without an exponent. ' +
        `Rules version ${rulesVersion}.`,
    },
    paths: {
      '/api/v1/economics': calculation(
        'Project economics: savings, payback, NPV, IRR, loan EMI and DSCR',
        economicsRequestSchema,
        economicsResponseSchema,
      ),
      '/api/v1/classification': calculation(
        'MSME category under the norms in force on asOf',
        classificationRequestSchema,
        classificationResponseSchema,
      ),
      '/api/v1/matches': calculation(
        'Every scheme for an enterprise and a project: status, eligibility explained, benefit in rupees, ranked financing packages',
        matchesRequestSchema,
        matchesResponseSchema,
      ),
      '/api/v1/schemes': {
        get: {
          summary: 'The scheme catalogue: terms with dated values, references, confidence, status today',
          responses: { '200': { description: 'The catalogue' } },
        },
      },
      '/api/v1/schemes/{id}': {
        get: {
          summary: 'One scheme of the catalogue',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The scheme' }, '404': { description: 'No such scheme' } },
        },
      },
      '/api/v1/readiness': calculation(
        'Loan readiness: gates, explained score and band, ratios, improvement actions, documents, sensitivity',
        readinessRequestSchema,
        readinessResponseSchema,
      ),
      '/api/v1/technologies': {
        get: {
          summary: 'The technology catalogue with references and confidence',
          responses: { '200': { description: 'The catalogue' } },
        },
      },
      ...lenderApiPaths(jsonSchema(decisionRequestSchema, 'input'), jsonSchema(invalidRequest, 'output')),
    },
    components: {
      securitySchemes: {
        lenderToken: { type: 'http', scheme: 'bearer', description: "A lender's API token" },
      },
    },
  };
}
