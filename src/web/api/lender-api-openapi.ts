import { APPLICATION_STATUSES } from '../../domain/application-status.js';

// The lenders' API in the OpenAPI document (issue 7): bearer-token paths, kept here so openapi.ts only adds them.

const security = [{ lenderToken: [] }];
const unauthorized = { description: 'No token, an unknown token or a revoked token' };
const ack = {
  name: 'ack',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^HS-\\d{4}-\\d{6}$' },
};

export function lenderApiPaths(decisionSchema: object, invalidSchema: object): Record<string, object> {
  const invalid = {
    description: 'Every problem with the request, each with a dotted path',
    content: { 'application/json': { schema: invalidSchema } },
  };
  return {
    '/api/v1/applications': {
      get: {
        summary: "The token's lender's applications, oldest waiting first",
        security,
        parameters: [
          {
            name: 'status',
            in: 'query',
            description: 'Comma-separated statuses to include',
            schema: { type: 'string', examples: ['submitted,under-review'] },
            explode: false,
          },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
        ],
        responses: {
          '200': { description: `Applications with their status (${APPLICATION_STATUSES.join(', ')})` },
          '401': unauthorized,
          '422': invalid,
        },
      },
    },
    '/api/v1/applications/{ack}': {
      get: {
        summary: 'One application as submitted: the frozen snapshot with its rules version and date',
        security,
        parameters: [ack],
        responses: {
          '200': { description: 'The application, its version and the snapshot' },
          '401': unauthorized,
          '404': { description: "No such application for the token's lender" },
        },
      },
    },
    '/api/v1/applications/{ack}/decision': {
      post: {
        summary:
          'A decision as the officer the token acts as: the rules of the pages, including maker-checker (above the limit a different officer sanctions what was recommended)',
        security,
        parameters: [ack],
        requestBody: { required: true, content: { 'application/json': { schema: decisionSchema } } },
        responses: {
          '200': { description: 'The new status and version' },
          '401': unauthorized,
          '404': { description: "No such application for the token's lender" },
          '409': {
            description:
              'not_allowed from the current status, conflict (changed since expectedVersion), or maker_checker',
          },
          '415': { description: 'Not JSON' },
          '422': invalid,
        },
      },
    },
  };
}
