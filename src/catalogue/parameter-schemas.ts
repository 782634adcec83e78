import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { fuelIds, stateCodes } from '../domain/catalogue-types.js';
import { factorIds, gateIds, pillarIds, provenanceStatuses } from '../domain/readiness/scorecard-types.js';
import { confidenceSchema, datedSeriesSchema } from './dated-value-schema.js';
import { decimalSchema, quantitySeriesSchema } from './quantity-schema.js';

// One schema per file under data/parameters/. Objects are strict so a misspelt key fails at start-up
// instead of silently leaving a parameter undefined.

const stateTariffSchema = z
  .object({
    stateName: z.string().min(1),
    allInInrPerKwh: quantitySeriesSchema,
    energyCharge: quantitySeriesSchema.optional(),
    demandChargeInrPerKvaMonth: quantitySeriesSchema.optional(),
  })
  .strict();

export const electricityTariffsFileSchema = z
  .object({ states: z.partialRecord(z.enum(stateCodes), stateTariffSchema) })
  .strict();

export const fuelPricesFileSchema = z
  .object({
    foundryCokeInrPerTonne: quantitySeriesSchema,
    metallurgicalCokeInrPerTonne: quantitySeriesSchema,
    naturalGasInrPerScm: quantitySeriesSchema,
    lpgInrPerKg: quantitySeriesSchema,
    dieselInrPerLitre: quantitySeriesSchema,
    furnaceOilInrPerKilolitre: quantitySeriesSchema,
    newSilicaSandInrPerTonne: quantitySeriesSchema,
    usedSandDisposalInrPerTonne: quantitySeriesSchema,
  })
  .strict();

const fuelFactorsSchema = z
  .object({
    name: z.string().min(1),
    netCalorificValueGjPerTonne: quantitySeriesSchema,
    co2KgPerTj: quantitySeriesSchema,
    co2TonnesPerTonne: quantitySeriesSchema,
  })
  .strict();

export const emissionFactorsFileSchema = z
  .object({
    grid: z
      .object({
        weightedAverage: quantitySeriesSchema,
        buildMargin: quantitySeriesSchema,
        combinedMarginNonSolarWind: quantitySeriesSchema,
        combinedMarginSolarWind: quantitySeriesSchema,
      })
      .strict(),
    fuels: z.record(z.enum(fuelIds), fuelFactorsSchema),
    densities: z
      .object({
        furnaceOilKgPerLitre: quantitySeriesSchema,
        dieselKgPerLitre: quantitySeriesSchema,
        naturalGasKgPerScm: quantitySeriesSchema,
      })
      .strict(),
  })
  .strict();

export const financeFileSchema = z
  .object({
    discountRatePct: quantitySeriesSchema,
    costOfDebtPct: quantitySeriesSchema,
    energyPriceEscalationPct: quantitySeriesSchema,
    walrFreshMsmeLoansPct: quantitySeriesSchema,
    walrOutstandingMsmeLoansPct: quantitySeriesSchema,
    capexScalingExponent: quantitySeriesSchema,
  })
  .strict();

export const taxDepreciationFileSchema = z
  .object({
    plantAndMachineryGeneralPct: quantitySeriesSchema,
    energySavingDevicesPct: quantitySeriesSchema,
    renewableEnergyDevicesPct: quantitySeriesSchema,
    pollutionControlEquipmentPct: quantitySeriesSchema,
    additionalDepreciationNewPlantPct: quantitySeriesSchema,
  })
  .strict();

export const bankNormsFileSchema = z
  .object({
    currentRatioMin: quantitySeriesSchema,
    currentRatioMinFlexibleMethod: quantitySeriesSchema,
    tolTnwMax: quantitySeriesSchema,
    promoterContributionMinPct: quantitySeriesSchema,
    dscrMin: quantitySeriesSchema,
    collateralFreeLimitInr: quantitySeriesSchema,
    workingCapitalShareOfTurnoverPct: quantitySeriesSchema,
  })
  .strict();

const limitsSchema = z.object({ investmentInr: decimalSchema, turnoverInr: decimalSchema }).strict();

const msmeNormsSchema = z
  .object({
    id: z.string().min(1),
    notification: z.string().min(1),
    micro: limitsSchema,
    small: limitsSchema,
    medium: limitsSchema,
  })
  .strict()
  .superRefine((norms, ctx) => {
    // Classification walks micro → small → medium, so each band must contain the one below it.
    const steps = [
      [norms.micro, norms.small],
      [norms.small, norms.medium],
    ] as const;
    for (const [lower, upper] of steps) {
      if (
        !lower.investmentInr.lessThan(upper.investmentInr) ||
        !lower.turnoverInr.lessThan(upper.turnoverInr)
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `limits of ${norms.id} must rise from micro to small to medium`,
        });
      }
    }
  });

export const msmeNormsFileSchema = z.object({ norms: datedSeriesSchema(msmeNormsSchema) }).strict();

// Loan-readiness scorecard (data/parameters/readiness.yaml, design in readiness.md).

const readinessTextSchema = z.object({ en: z.string().min(1), hi: z.string().min(1) }).strict();
const shareSchema = decimalSchema.refine((share) => share.gte(0) && share.lte(1), 'a share between 0 and 1');
const sourcedThresholdSchema = z
  .object({
    value: decimalSchema,
    reference: z.string().min(1),
    confidence: confidenceSchema,
    note: z.string().optional(),
  })
  .strict();
const ruleSourceSchema = { reference: z.string().min(1), confidence: confidenceSchema };

const factorRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.enum(['at-least', 'at-most']),
      full: sourcedThresholdSchema,
      partial: sourcedThresholdSchema,
      partialShare: shareSchema,
    })
    .strict()
    .superRefine((rule, ctx) => {
      // The partial band must lie on the worse side of the full threshold, or "partial" could beat "full".
      const ordered =
        rule.kind === 'at-least'
          ? rule.partial.value.lte(rule.full.value)
          : rule.partial.value.gte(rule.full.value);
      if (!ordered) ctx.addIssue({ code: 'custom', message: 'partial must be on the worse side of full' });
    }),
  z
    .object({ kind: z.literal('levels'), levels: z.record(z.string(), shareSchema), ...ruleSourceSchema })
    .strict(),
  z.object({ kind: z.enum(['proportional', 'yes-no']), ...ruleSourceSchema }).strict(),
  z
    .object({
      kind: z.literal('contribution'),
      partialWithinPoints: decimalSchema,
      partialShare: shareSchema,
      ...ruleSourceSchema,
    })
    .strict(),
]);

const readinessFactorSchema = z
  .object({
    id: z.enum(factorIds),
    label: readinessTextSchema,
    maxPoints: decimalSchema,
    effort: z.int().min(1).max(5),
    rule: factorRuleSchema,
    action: readinessTextSchema,
    unlocksDocuments: z.array(z.string().min(1)).default([]),
  })
  .strict();

const scorecardSchema = z
  .object({
    bands: z.object({ ready: decimalSchema, nearlyReady: decimalSchema }).strict(),
    provenanceWeights: z.record(z.enum(provenanceStatuses), shareSchema),
    newToCreditShare: shareSchema,
    gates: z.array(
      z
        .object({
          id: z.enum(gateIds),
          text: readinessTextSchema,
          failed: readinessTextSchema,
          action: readinessTextSchema,
          reference: z.string().min(1),
          confidence: confidenceSchema,
        })
        .strict(),
    ),
    pillars: z.array(
      z
        .object({
          id: z.enum(pillarIds),
          label: readinessTextSchema,
          factors: z.array(readinessFactorSchema),
        })
        .strict(),
    ),
    documents: z.array(
      z
        .object({
          id: z.string().min(1),
          label: readinessTextSchema,
          onlyWithExistingDebt: z.boolean().default(false),
        })
        .strict(),
    ),
    evidence: z.record(z.string(), z.array(z.string().min(1))),
    sensitivity: z
      .object({
        savingsLowerPct: z.array(decimalSchema),
        tariffChangePct: decimalSchema,
        interestUpPoints: decimalSchema,
        commissioningDelayMonths: z.int().min(0).max(24),
      })
      .strict(),
  })
  .strict()
  .superRefine((card, ctx) => {
    // Every gate and factor the domain computes must be scored exactly once, and the points must add to 100.
    const factors = card.pillars.flatMap((pillar) => pillar.factors.map((factor) => factor.id));
    const missing = factorIds.filter((id) => !factors.includes(id));
    if (missing.length > 0 || factors.length !== factorIds.length)
      ctx.addIssue({ code: 'custom', message: `each factor once; missing: ${missing.join(', ') || 'none'}` });
    if (card.gates.length !== gateIds.length || gateIds.some((id) => !card.gates.some((g) => g.id === id)))
      ctx.addIssue({ code: 'custom', message: `gates must be exactly ${gateIds.join(', ')}` });
    const total = card.pillars
      .flatMap((pillar) => pillar.factors)
      .reduce((sum, factor) => sum.plus(factor.maxPoints), new Decimal(0));
    if (!total.equals(100))
      ctx.addIssue({ code: 'custom', message: `points add to ${total.toString()}, not 100` });
    if (!card.bands.nearlyReady.lessThan(card.bands.ready))
      ctx.addIssue({ code: 'custom', message: 'bands.nearlyReady must be below bands.ready' });
  });

export const readinessFileSchema = z.object({ scorecard: datedSeriesSchema(scorecardSchema) }).strict();
