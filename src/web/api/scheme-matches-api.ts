import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { Catalogue, Cluster } from '../../catalogue/load-catalogue.js';
import { isoDateSchema } from '../../catalogue/dated-value-schema.js';
import { classify, normsOn } from '../../domain/classification.js';
import { valueOn } from '../../domain/dated.js';
import { ProjectLoans } from '../../domain/finance/loan.js';
import {
  projectTypes,
  zedLevels,
  type EnterpriseFacts,
  type MsmeCategory,
} from '../../domain/enterprise-facts.js';
import { clusterFacts, matchSchemes, rankedPackages } from '../../domain/scheme-matching.js';
import { enterpriseFigureFields } from './enterprise-fields.js';
import { matchesJson, type MatchesOutcome } from './matches-json.js';
import {
  exportsWithinTurnover,
  countField,
  invalidRequestBody,
  moneyField,
  percentField,
  whenFieldsValid,
  type InvalidRequestBody,
} from './api-validation.js';

// POST /api/v1/matches (design/api-v1.md): every scheme for one enterprise and project — status, eligibility with
// its criteria, benefit in rupees — and the ranked financing packages. Unknown facts may be left out: a condition
// that needs one is then "unknown", never passed.

const enterpriseSchema = z
  .strictObject({
    state: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: 'enterprise.state must be a two-letter state code such as "PB"' })
      .optional(),
    district: z.string().min(1).max(100).optional(),
    clusterId: z.string().min(1).max(100).optional(),
    sector: z.string().min(1).max(50).optional(),
    ...enterpriseFigureFields,
    // An addition to the contract: ZED certification's 5-point top-up is for SFURTI or MSE-CDP cluster members.
    sfurtiOrMseCdpMember: z
      .boolean()
      .optional()
      .meta({ description: 'Member of an SFURTI or MSE-CDP cluster (ZED certification subsidy top-up)' }),
  })
  .superRefine(exportsWithinTurnover('enterprise.'), whenFieldsValid('turnoverInr', 'exportTurnoverInr'));

const projectSchema = z
  .strictObject({
    technologyId: z.string().min(1).max(100),
    capexInr: moneyField('project.capexInr', { positive: true }),
    loanInr: moneyField('project.loanInr'),
    energySavingPct: percentField('project.energySavingPct').optional(),
    viaEsco: z.boolean().optional(),
    clusterSpv: z.boolean().optional(),
    // Additions to the contract: the loan terms and savings the packages are costed with.
    annualRatePct: percentField('project.annualRatePct').optional(),
    tenureMonths: countField('project.tenureMonths', 1, 360).optional(),
    moratoriumMonths: countField('project.moratoriumMonths', 0, 359).optional(),
    annualEnergySavingsInr: moneyField('project.annualEnergySavingsInr').optional(),
    // Also an addition: state policies and MSE-CDP infrastructure treat a new unit, an expansion and a
    // modernisation differently; without it their eligibility stays unknown.
    projectType: z.enum(projectTypes).optional(),
    // Additions too: the costs some schemes pay a share of. Without them those shares have no rupee figure and
    // their benefit says what to enter.
    energyAuditCostInr: moneyField('project.energyAuditCostInr', { positive: true }).optional().meta({
      description:
        'The energy audit’s cost in rupees, for the schemes that pay back a share of it (e.g. Haryana 75 %, up to ₹2 lakh)',
    }),
    zedTargetLevel: z.enum(zedLevels).optional().meta({
      description:
        'The ZED level sought; the ZED certification subsidy is valued on the catalogue’s (reported) cost of that level',
    }),
    certificationCostInr: moneyField('project.certificationCostInr', { positive: true }).optional().meta({
      description:
        'The ZED certification’s quoted cost in rupees, valued instead of the cost of zedTargetLevel',
    }),
  })
  .superRefine(
    (project, ctx) => {
      if (project.loanInr.greaterThan(project.capexInr)) {
        ctx.addIssue({
          code: 'custom',
          path: ['loanInr'],
          message: 'project.loanInr cannot be more than project.capexInr',
        });
      }
      if ((project.moratoriumMonths ?? 0) >= (project.tenureMonths ?? 60)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tenureMonths'],
          message: 'project.tenureMonths must be more than project.moratoriumMonths',
        });
      }
    },
    whenFieldsValid('loanInr', 'capexInr', 'tenureMonths', 'moratoriumMonths'),
  );

export const matchesRequestSchema = z
  .strictObject({
    asOf: isoDateSchema.optional(),
    lang: z.enum(['en', 'hi']).optional(),
    enterprise: enterpriseSchema,
    project: projectSchema,
  })
  .superRefine(
    ({ enterprise, project }, ctx) => {
      const held = enterprise.zedLevel;
      const sought = project.zedTargetLevel;
      if (held && sought && zedLevels.indexOf(sought) < zedLevels.indexOf(held)) {
        ctx.addIssue({
          code: 'custom',
          path: ['project', 'zedTargetLevel'],
          message: `project.zedTargetLevel cannot be below the level the enterprise holds (enterprise.zedLevel "${held}")`,
        });
      }
    },
    whenFieldsValid('enterprise', 'project', 'enterprise.zedLevel', 'project.zedTargetLevel'),
  );

export type MatchesRequest = z.output<typeof matchesRequestSchema>;

const DEFAULT_TENURE_MONTHS = 60;

/** A cluster or technology id the catalogue does not have, read from the raw body. */
function unknownIds(body: unknown, catalogue: Catalogue): { path: string; message: string }[] {
  const record = (value: unknown) =>
    value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const clusterId = record(record(body).enterprise).clusterId;
  const technologyId = record(record(body).project).technologyId;
  const issues: { path: string; message: string }[] = [];
  if (typeof clusterId === 'string' && !catalogue.clusterById(clusterId)) {
    issues.push({
      path: 'enterprise.clusterId',
      message: `enterprise.clusterId "${clusterId}" is not a known cluster`,
    });
  }
  if (typeof technologyId === 'string' && !catalogue.technologyById(technologyId)) {
    issues.push({
      path: 'project.technologyId',
      message: `project.technologyId "${technologyId}" is not in the technology catalogue`,
    });
  }
  return issues;
}

/**
 * The facts the schemes' conditions read: the cluster's flags, then the enterprise as given (a fact left out stays
 * unknown), its category, and the project. Assigned one by one: spreading the parsed request cost a match more
 * than all its criteria.
 */
function factsOf(
  cluster: Cluster | undefined,
  enterprise: MatchesRequest['enterprise'],
  category: MsmeCategory | undefined,
  project: MatchesRequest['project'],
): EnterpriseFacts {
  const facts: Record<string, unknown> = clusterFacts(cluster);
  for (const [key, value] of Object.entries(enterprise)) if (value !== undefined) facts[key] = value;
  if (category) facts.category = category;
  facts.technologyId = project.technologyId;
  facts.capexInr = project.capexInr;
  facts.loanInr = project.loanInr;
  if (project.energySavingPct) facts.energySavingPct = project.energySavingPct;
  if (project.viaEsco !== undefined) facts.viaEsco = project.viaEsco;
  if (project.clusterSpv !== undefined) facts.clusterSpv = project.clusterSpv;
  if (project.projectType !== undefined) facts.projectType = project.projectType;
  if (project.energyAuditCostInr) facts.energyAuditCostInr = project.energyAuditCostInr;
  if (project.zedTargetLevel) facts.zedTargetLevel = project.zedTargetLevel;
  if (project.certificationCostInr) facts.certificationCostInr = project.certificationCostInr;
  return facts;
}

type Invalid = { status: 422; body: InvalidRequestBody };

/** The answer to a matches request: its JSON text, or the issues that make it invalid. */
export function matchesResponse(
  body: unknown,
  ctx: { catalogue: Catalogue; asOf: string },
): { status: 200; json: string } | Invalid {
  const result = matchesOutcome(body, ctx);
  return result.status === 200 ? { status: 200, json: matchesJson(result.outcome) } : result;
}

/** The request's match, before it is written. */
export function matchesOutcome(
  body: unknown,
  ctx: { catalogue: Catalogue; asOf: string },
): { status: 200; outcome: MatchesOutcome } | Invalid {
  const { catalogue } = ctx;
  const parsed = matchesRequestSchema.safeParse(body);
  // Ids the catalogue does not know are reported with the schema's own issues, all in one answer.
  const unknown = unknownIds(body, catalogue);
  if (!parsed.success || unknown.length > 0) {
    const issues = parsed.success ? [] : invalidRequestBody(parsed.error).issues;
    return { status: 422, body: { error: 'invalid_request', issues: [...issues, ...unknown] } };
  }
  const { enterprise, project } = parsed.data;
  const asOf = parsed.data.asOf ?? ctx.asOf;
  const lang = parsed.data.lang ?? 'en';
  const cluster = enterprise.clusterId ? catalogue.clusterById(enterprise.clusterId) : undefined;
  const norms = normsOn(catalogue, asOf);
  const classification =
    norms && enterprise.investmentInr && enterprise.turnoverInr
      ? classify(
          {
            investment: enterprise.investmentInr,
            turnover: enterprise.turnoverInr,
            exportTurnover: enterprise.exportTurnoverInr ?? new Decimal(0),
          },
          norms,
        )
      : null;
  const facts = factsOf(cluster, enterprise, classification?.category, project);
  // Without the borrower's rate, the catalogue's cost of debt in force (a sourced default) costs the packages.
  const annualRatePct =
    project.annualRatePct ?? valueOn(catalogue.parameters.finance.costOfDebtPct, asOf)?.default;
  if (!annualRatePct) {
    return {
      status: 422,
      body: {
        error: 'invalid_request',
        issues: [
          {
            path: 'project.annualRatePct',
            message: 'project.annualRatePct is required: no default cost of debt is in force on asOf',
          },
        ],
      },
    };
  }
  const terms = {
    capexInr: project.capexInr,
    loanInr: project.loanInr,
    annualRatePct,
    tenureMonths: project.tenureMonths ?? DEFAULT_TENURE_MONTHS,
    moratoriumMonths: project.moratoriumMonths ?? 0,
  };
  // The schemes' valuations and the packages work on the same loan: they share its maths.
  const loans = new ProjectLoans();
  const matches = matchSchemes(catalogue.schemes, facts, terms, asOf, loans);
  return {
    status: 200,
    outcome: {
      lang,
      classification,
      matches,
      packages: rankedPackages(matches, terms, project.annualEnergySavingsInr ?? null, loans),
      rulesVersion: catalogue.version,
      asOf,
    },
  };
}

/** The response's shape for the OpenAPI document (the fields api-v1.md names; additions are listed too). */
export const matchesResponseSchema = z.object({
  classification: z
    .object({
      category: z.string(),
      norms: z.object({ id: z.string(), effectiveFrom: z.string(), reference: z.string() }),
    })
    .nullable(),
  schemes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      administrator: z.string(),
      kind: z.array(z.string()),
      status: z.enum(['open', 'closed', 'not-yet-open', 'unconfirmed']),
      validUntil: z.string().nullable(),
      statusNote: z.string().nullable(),
      eligible: z.boolean().nullable(),
      criteria: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          result: z.enum(['passed', 'failed', 'unknown']),
          value: z.string().nullable(),
          threshold: z.string().nullable(),
          reference: z.string(),
        }),
      ),
      toMakeItYes: z.array(z.string()),
      benefit: z.object({
        summary: z.string(),
        amountInr: z.string().nullable(),
        details: z.record(z.string(), z.unknown()).meta({
          description:
            'kind, feesInr, subventionPct, subventionMonths, terms (term ids), components ([{ kind, amountInr, ' +
            'needs: request fields any one of which would value it, or null; costShare: { sharePct, costInr, ' +
            'capInr, rewardInr, zedLevel } for a share of the energy audit’s or certification’s cost, or null }]) ' +
            'and caveats (sentences on what a figure rests on that is still to be confirmed)',
        }),
        confidence: z.enum(['official', 'secondary', 'unconfirmed']),
      }),
      references: z.array(z.string()),
    }),
  ),
  packages: z.array(
    z
      .object({
        schemeIds: z.array(z.string()),
        netCostInr: z.string(),
        emiInr: z.string(),
        explanation: z.string(),
      })
      .loose(),
  ),
  rulesVersion: z.string(),
  asOf: z.string(),
});
