import { z } from 'zod';
import { fuelIds, stateCodes } from '../domain/catalogue-types.js';
import { datedSeriesSchema } from './dated-value-schema.js';
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
