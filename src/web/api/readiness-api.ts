import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { isoDateSchema } from '../../catalogue/dated-value-schema.js';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { classify, normsOn } from '../../domain/classification.js';
import { valueOn } from '../../domain/dated.js';
import { type EnterpriseFacts } from '../../domain/enterprise-facts.js';
import { moneyString } from '../../domain/money.js';
import {
  assessReadiness,
  savingsBases,
  smaStatuses,
  type ReadinessAssessment,
  type ReadinessInput,
} from '../../domain/readiness/assess-readiness.js';
import type { Provenance } from '../../domain/readiness/document-provenance.js';
import { fiscalYearEnd, fiscalYearStart, type Derived } from '../../domain/readiness/financial-statements.js';
import { readinessSensitivity, type Sensitivity } from '../../domain/readiness/readiness-sensitivity.js';
import { provenanceStatuses } from '../../domain/readiness/scorecard-types.js';
import { enterpriseFigureFields } from './enterprise-fields.js';
import { moneyOut, percentOut, ratioOut, yearsOut } from './api-format.js';
import {
  exportsWithinTurnover,
  countField,
  decimalField,
  invalidRequestBody,
  MAX_AMOUNT_INR,
  moneyField,
  whenFieldsValid,
  type InvalidRequestBody,
} from './api-validation.js';
import { economicsInputFrom, economicsRequestSchema } from './economics-api.js';

// POST /api/v1/readiness (design/api-v1.md): how a bank is likely to see the file, explained factor by factor,
// with what to fix first and the sensitivity table. Statements that cannot be true together are a 422 naming
// each problem; a missing fiscal year is allowed and only lowers confidence.

/** Rupees that may be negative (a loss, a negative net worth). */
const signedMoney = (name: string) =>
  decimalField(name, {
    min: { value: MAX_AMOUNT_INR.negated(), inclusive: true },
    max: { value: MAX_AMOUNT_INR, text: '100000000000 (₹10,000 crore)' },
    description: 'Rupees as a decimal string; may be negative',
  });

const fiscalYearSchema = z
  .strictObject({
    fiscalYear: z
      .string({ error: 'fiscalYear must be written like "2024-25"' })
      .refine(
        (text) => fiscalYearStart(text) !== null,
        'fiscalYear must be written like "2024-25" (April to March)',
      ),
    revenueInr: moneyField('revenueInr').optional(),
    profitAfterTaxInr: signedMoney('profitAfterTaxInr').optional(),
    depreciationInr: moneyField('depreciationInr').optional(),
    interestInr: moneyField('interestInr').optional(),
    termLoanRepaymentInr: moneyField('termLoanRepaymentInr').optional(),
    currentAssetsInr: moneyField('currentAssetsInr').optional(),
    currentLiabilitiesInr: moneyField('currentLiabilitiesInr').optional(),
    totalOutsideLiabilitiesInr: moneyField('totalOutsideLiabilitiesInr').optional(),
    netWorthInr: signedMoney('netWorthInr').optional(),
    intangibleAssetsInr: moneyField('intangibleAssetsInr').optional(),
  })
  .superRefine(
    (year, ctx) => {
      const intangibles = year.intangibleAssetsInr ?? new Decimal(0);
      if (year.netWorthInr?.lessThan(intangibles)) {
        ctx.addIssue({
          code: 'custom',
          path: ['netWorthInr'],
          message: `net worth (${moneyString(year.netWorthInr)}) is below intangible assets (${moneyString(intangibles)}): tangible net worth is negative`,
        });
      }
      const noLoan =
        (year.interestInr ?? new Decimal(0)).isZero() &&
        (year.totalOutsideLiabilitiesInr ?? new Decimal(0)).isZero();
      if (year.termLoanRepaymentInr?.greaterThan(0) && noLoan) {
        ctx.addIssue({
          code: 'custom',
          path: ['termLoanRepaymentInr'],
          message:
            'a term-loan repayment is given but the year shows no loan: no interest and no outside liabilities',
        });
      }
    },
    whenFieldsValid(
      'netWorthInr',
      'intangibleAssetsInr',
      'termLoanRepaymentInr',
      'interestInr',
      'totalOutsideLiabilitiesInr',
    ),
  );

const cmrRank = (name: string) => countField(name, 1, 10).nullable().optional();

const enterpriseSchema = z
  .strictObject({
    state: z.string().optional(),
    district: z.string().optional(),
    clusterId: z.string().optional(),
    sector: z.string().optional(),
    ...enterpriseFigureFields,
    // The enterprise is "as above" (api-v1.md): the matches request's addition is accepted here too, unused.
    sfurtiOrMseCdpMember: z.boolean().optional(),
  })
  .superRefine(exportsWithinTurnover('enterprise.'), whenFieldsValid('turnoverInr', 'exportTurnoverInr'));

const provenanceSchema = z.union([
  z.enum(provenanceStatuses),
  z.strictObject({
    status: z.enum(provenanceStatuses),
    by: z.string().max(200).optional(),
    on: isoDateSchema.optional(),
  }),
]);

const projectSchema = economicsRequestSchema.safeExtend({
  technologyId: z.string().optional(),
  promoterContributionInr: moneyField('project.promoterContributionInr').optional(),
  savingsBasis: z.enum(savingsBases).optional(),
  collateralOffered: z.boolean().optional(),
});

export const readinessRequestSchema = z
  .strictObject({
    asOf: isoDateSchema.optional(),
    lang: z.enum(['en', 'hi']).optional(),
    enterprise: enterpriseSchema.optional(),
    financials: z
      .array(fiscalYearSchema)
      .max(3, { error: 'financials: at most three fiscal years' })
      .optional(),
    credit: z
      .strictObject({
        cmrRank: cmrRank('credit.cmrRank'),
        inDefault: z.boolean().optional(),
        smaStatus: z.enum(smaStatuses).nullable().optional(),
      })
      .optional(),
    compliance: z
      .strictObject({
        consentToOperateValidUntil: isoDateSchema.optional(),
        gstRegistered: z.boolean().optional(),
        udyamRegistered: z.boolean().optional(),
      })
      .optional(),
    documents: z.record(z.string().regex(/^[a-z0-9-]+$/), provenanceSchema).optional(),
    /** Provenance of single figures, by path: `financials.2024-25.netWorthInr`, `project.capexInr`. */
    figures: z.record(z.string().max(100), provenanceSchema).optional(),
    project: projectSchema,
  })
  .superRefine(
    (request, ctx) => {
      const seen = new Set<string>();
      request.financials?.forEach((year, index) => {
        if (seen.has(year.fiscalYear)) {
          ctx.addIssue({
            code: 'custom',
            path: ['financials', index, 'fiscalYear'],
            message: `fiscal year ${year.fiscalYear} is given twice`,
          });
        }
        seen.add(year.fiscalYear);
      });
      const { enterprise, credit } = request;
      if (
        enterprise?.cmrRank !== undefined &&
        credit?.cmrRank !== undefined &&
        enterprise.cmrRank !== credit.cmrRank
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['credit', 'cmrRank'],
          message: 'credit.cmrRank differs from enterprise.cmrRank; give one rank',
        });
      }
    },
    whenFieldsValid('financials', 'enterprise', 'credit'),
  );

export type ReadinessRequest = z.output<typeof readinessRequestSchema>;

/**
 * Problems that need the date the rules apply on, which defaults to today when the body gives none: statements
 * for a fiscal year not over by then, and documents the checklist does not know. Read from the raw body so they
 * are listed together with the schema's own problems.
 */
function datedIssues(
  body: unknown,
  asOf: string,
  knownDocuments: ReadonlySet<string>,
): InvalidRequestBody['issues'] {
  if (typeof body !== 'object' || body === null) return [];
  const raw = body as { financials?: unknown; documents?: unknown };
  const issues: InvalidRequestBody['issues'] = [];
  if (Array.isArray(raw.financials)) {
    raw.financials.forEach((year: unknown, index) => {
      const text = (year as { fiscalYear?: unknown } | null)?.fiscalYear;
      const start = typeof text === 'string' ? fiscalYearStart(text) : null;
      if (start !== null && fiscalYearEnd(start) > asOf) {
        issues.push({
          path: `financials.${index}.fiscalYear`,
          message: `fiscal year ${String(text)} ends on ${fiscalYearEnd(start)}, after asOf ${asOf}: its statements cannot exist yet`,
        });
      }
    });
  }
  if (typeof raw.documents === 'object' && raw.documents !== null) {
    for (const id of Object.keys(raw.documents)) {
      if (!knownDocuments.has(id))
        issues.push({
          path: `documents.${id}`,
          message: `${id} is not a document of the checklist or of any scheme`,
        });
    }
  }
  return issues;
}

const provenanceOf = (given: z.output<typeof provenanceSchema>): Provenance =>
  typeof given === 'string' ? { status: given } : given;

function factsFrom(request: ReadinessRequest, catalogue: Catalogue, asOf: string): EnterpriseFacts {
  const enterprise = request.enterprise ?? {};
  const norms = normsOn(catalogue, asOf);
  const { investmentInr, turnoverInr } = enterprise;
  const exportTurnover = enterprise.exportTurnoverInr ?? new Decimal(0);
  const category =
    norms && investmentInr && turnoverInr && !exportTurnover.greaterThan(turnoverInr)
      ? classify({ investment: investmentInr, turnover: turnoverInr, exportTurnover }, norms).category
      : undefined;
  const facts: Record<string, unknown> = {
    ...enterprise,
    category,
    cmrRank: request.credit?.cmrRank !== undefined ? request.credit.cmrRank : enterprise.cmrRank,
    inDefault: request.credit?.inDefault ?? enterprise.inDefault,
    udyamRegistered: request.compliance?.udyamRegistered ?? enterprise.udyamRegistered,
    gstRegistered: request.compliance?.gstRegistered ?? enterprise.gstRegistered,
    technologyId: request.project.technologyId,
    capexInr: request.project.capexInr,
    loanInr: request.project.loan?.principalInr,
  };
  // An absent fact is unknown; an explicit undefined would read as a value to some checks.
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}

export function readinessInputFrom(
  request: ReadinessRequest,
  catalogue: Catalogue,
  asOf: string,
): ReadinessInput {
  const provenances = (record: Record<string, z.output<typeof provenanceSchema>> | undefined) =>
    Object.fromEntries(Object.entries(record ?? {}).map(([key, value]) => [key, provenanceOf(value)]));
  return {
    asOf,
    facts: factsFrom(request, catalogue, asOf),
    financials: request.financials ?? [],
    credit: request.credit ?? {},
    compliance: request.compliance ?? {},
    documents: provenances(request.documents),
    figures: provenances(request.figures),
    project: {
      economics: economicsInputFrom(request.project),
      promoterContributionInr: request.project.promoterContributionInr,
      savingsBasis: request.project.savingsBasis ?? 'estimate',
      collateralOffered: request.project.collateralOffered ?? false,
    },
  };
}

const pointsOut = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);

export function readinessResponseBody(
  assessment: ReadinessAssessment,
  sensitivity: Sensitivity,
  meta: { rulesVersion: string; lang: 'en' | 'hi' },
) {
  const { lang } = meta;
  const ratio = (derived: Derived) => ratioOut(derived.value);
  const why = (derived: Derived) => (derived.value === null ? derived.reason[lang] : null);
  const { ratios } = assessment;
  return {
    score: pointsOut(assessment.score),
    band: assessment.band,
    gates: assessment.gates.map((gate) => ({
      id: gate.id,
      text: gate.text[lang],
      passed: gate.passed,
      reason: gate.reason?.[lang] ?? null,
    })),
    factors: assessment.factors.map((factor) => ({
      id: factor.id,
      pillar: factor.pillar,
      label: factor.label[lang],
      points: pointsOut(factor.points),
      maxPoints: pointsOut(factor.maxPoints),
      value: factor.value?.[lang] ?? null,
      outcome: factor.outcome,
      threshold: factor.threshold,
      explanation: factor.explanation[lang],
      reference: factor.reference,
      confidence: factor.confidence,
    })),
    pillars: assessment.pillars.map((pillar) => ({
      id: pillar.id,
      label: pillar.label[lang],
      points: pointsOut(pillar.points),
      maxPoints: pointsOut(pillar.maxPoints),
    })),
    ratios: {
      currentRatio: ratio(ratios.currentRatio),
      tolTnw: ratio(ratios.tolTnw),
      dscr: ratio(ratios.dscr),
      projectDscrYear1: ratio(ratios.projectDscrYear1),
      savingsDscrYear1: ratio(ratios.savingsDscrYear1),
    },
    ratioReasons: Object.fromEntries(
      Object.entries(ratios).flatMap(([name, derived]) => {
        const reason = why(derived);
        return reason === null ? [] : [[name, reason]];
      }),
    ),
    statements: assessment.statements.map((year) => ({
      fiscalYear: year.fiscalYear,
      currentRatio: ratio(year.currentRatio),
      tolTnw: ratio(year.tolTnw),
      dscr: ratio(year.dscr),
      patMarginPct: percentOut(year.patMarginPct.value),
      revenueGrowthPct: percentOut(year.revenueGrowthPct.value),
      cashProfitInr: moneyOut(year.cashProfitInr.value),
      reasons: Object.fromEntries(
        (
          ['currentRatio', 'tolTnw', 'dscr', 'patMarginPct', 'revenueGrowthPct', 'cashProfitInr'] as const
        ).flatMap((name) => {
          const reason = why(year[name]);
          return reason === null ? [] : [[name, reason]];
        }),
      ),
    })),
    actions: assessment.actions.map((action) => ({
      id: action.id,
      text: action.text[lang],
      pointsGain: action.pointsGain === null ? null : pointsOut(action.pointsGain),
      mustFix: action.mustFix,
      unlocksSchemes: action.unlocksSchemes,
    })),
    documents: assessment.checklist.items.map((item) => ({
      id: item.id,
      label: item.label[lang],
      status: item.provenance.status,
      by: item.provenance.by ?? null,
      on: item.provenance.on ?? null,
      effectiveStatus: item.effectiveStatus,
      cappedBy: item.cappedBy,
      askedBySchemes: item.askedBySchemes,
    })),
    confidence: assessment.confidence,
    sensitivity: {
      cases: sensitivity.cases.map((row) => ({
        id: row.id,
        label: row.label[lang],
        minDscr: ratioOut(row.minDscr),
        year1Dscr: ratioOut(row.year1Dscr),
        simplePaybackYears: yearsOut(row.simplePaybackYears),
      })),
      breakEven: {
        annualEnergySavingsInr: moneyOut(sensitivity.breakEven.annualEnergySavingsInr),
        headroomPct: percentOut(sensitivity.breakEven.headroomPct),
        reason: sensitivity.breakEven.reason?.[lang] ?? null,
      },
      notes: [sensitivity.tariffNote[lang], sensitivity.delayNote[lang]],
    },
    rulesVersion: meta.rulesVersion,
    asOf: assessment.asOf,
  };
}

export type ReadinessResponseBody = ReturnType<typeof readinessResponseBody>;

const statusOnly = z.object({}).passthrough();
/** The response, loosely, for the OpenAPI document: the field list is in api-v1.md. */
export const readinessResponseSchema = z.object({
  score: z.string().meta({ description: '0–100, 2 decimals' }),
  band: z.enum(['ready', 'nearly-ready', 'not-ready']),
  gates: z.array(
    z.object({ id: z.string(), text: z.string(), passed: z.boolean(), reason: z.string().nullable() }),
  ),
  factors: z.array(statusOnly),
  ratios: z.object({
    currentRatio: z.string().nullable(),
    tolTnw: z.string().nullable(),
    dscr: z.string().nullable(),
    projectDscrYear1: z.string().nullable(),
  }),
  actions: z.array(z.object({ id: z.string(), text: z.string(), pointsGain: z.string().nullable() })),
  rulesVersion: z.string(),
  asOf: isoDateSchema,
});

/** Every document id an enterprise may hold: the general checklist and each scheme's own. */
export function knownDocumentIds(catalogue: Catalogue): Set<string> {
  const ids = new Set<string>();
  for (const entry of catalogue.parameters.readiness?.values ?? [])
    for (const document of entry.value?.documents ?? []) ids.add(document.id);
  for (const scheme of catalogue.schemes) for (const document of scheme.documents) ids.add(document.id);
  return ids;
}

export function readinessResponse(
  body: unknown,
  ctx: { catalogue: Catalogue; asOf: string; knownDocuments: ReadonlySet<string> },
): { status: 200; body: ReadinessResponseBody } | { status: 422; body: InvalidRequestBody } {
  const parsed = readinessRequestSchema.safeParse(body);
  const givenAsOf = parsed.success ? parsed.data.asOf : undefined;
  const rawAsOf = (body as { asOf?: unknown } | null)?.asOf;
  const asOf =
    givenAsOf ??
    (typeof rawAsOf === 'string' && isoDateSchema.safeParse(rawAsOf).success ? rawAsOf : ctx.asOf);
  const extra = datedIssues(body, asOf, ctx.knownDocuments);
  const scorecard = ctx.catalogue.parameters.readiness && valueOn(ctx.catalogue.parameters.readiness, asOf);
  if (!scorecard) extra.push({ path: 'asOf', message: `no readiness scorecard was in force on ${asOf}` });
  const requiredContributionPct = valueOn(
    ctx.catalogue.parameters.bankNorms.promoterContributionMinPct,
    asOf,
  )?.default;
  if (!requiredContributionPct)
    extra.push({ path: 'asOf', message: `no bank norm for own contribution was in force on ${asOf}` });
  if (!parsed.success || extra.length > 0 || !scorecard || !requiredContributionPct) {
    const issues = parsed.success ? [] : invalidRequestBody(parsed.error).issues;
    return { status: 422, body: { error: 'invalid_request', issues: [...issues, ...extra] } };
  }
  const request = parsed.data;
  const input = readinessInputFrom(request, ctx.catalogue, asOf);
  const assessment = assessReadiness(input, {
    scorecard,
    schemes: ctx.catalogue.schemes,
    requiredContributionPct,
  });
  const sensitivity = readinessSensitivity(input.project.economics, scorecard.sensitivity);
  return {
    status: 200,
    body: readinessResponseBody(assessment, sensitivity, {
      rulesVersion: ctx.catalogue.version,
      lang: request.lang ?? 'en',
    }),
  };
}
