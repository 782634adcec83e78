import { Decimal } from 'decimal.js';
import type { Parameters, StateCode } from '../catalogue-types.js';
import type { IsoDate } from '../dated.js';
import '../money.js';
import {
  baselineStreams,
  STREAMS,
  sumKnown,
  valueOfAmount,
  type BaselineStream,
  type EnergyContext,
  type Overrides,
} from './energy-streams.js';
import { FigureLedger, type Figure, type NeedsInput } from './sourced-figure.js';

// An enterprise's annual energy (and new sand) use turned into cost, specific consumption and CO2, with every
// price and factor taken from the catalogue in force on `asOf` unless the user gave their own.

export interface EnterpriseEnergyUse {
  state: StateCode;
  /** Tonnes of good castings (or other product) a year. */
  productionTonnes: Decimal;
  /** Annual amounts in each stream's unit (kWh, t coke, SCM, kg LPG, L diesel, kL furnace oil, t new sand). */
  amounts: Readonly<Partial<Record<BaselineStream, Decimal>>>;
  /** Contract (or maximum) demand, kVA: with kWh it gives the load factor. */
  contractDemandKva?: Decimal | undefined;
}

export interface StreamBaseline {
  stream: BaselineStream;
  unit: string;
  amount: Decimal;
  /** Amount per tonne of product in the catalogue's usual unit (kWh/t, kg coke/t, ...); null without production. */
  perTonneProduct: Decimal | null;
  costInr: Decimal | null;
  co2Tonnes: Decimal | null;
  energyGj: Decimal | null;
}

export interface EnergyBaseline {
  asOf: IsoDate;
  state: StateCode;
  productionTonnes: Decimal;
  /** Streams with a non-zero amount, in the order of `baselineStreams`. */
  streams: StreamBaseline[];
  /** Null while a price needed for some stream is missing. */
  totalCostInr: Decimal | null;
  totalCo2Tonnes: Decimal | null;
  totalEnergyGj: Decimal | null;
  specificEnergyGjPerTonne: Decimal | null;
  specificCo2TonnesPerTonne: Decimal | null;
  /** kWh ÷ (kVA × 8,760 h), percent: how fully the connection is used (power factor taken as 1). */
  loadFactorPct: Decimal | null;
  figures: Figure[];
  needsInput: NeedsInput[];
}

const HOURS_PER_YEAR = new Decimal(8760);

export function perTonne(amount: Decimal | null, productionTonnes: Decimal): Decimal | null {
  return amount === null || productionTonnes.lessThanOrEqualTo(0) ? null : amount.dividedBy(productionTonnes);
}

export function energyContext(
  parameters: Parameters,
  use: Pick<EnterpriseEnergyUse, 'state'>,
  asOf: IsoDate,
  overrides: Overrides,
  ledger = new FigureLedger(),
): EnergyContext {
  return { parameters, state: use.state, asOf, overrides, ledger };
}

/** The baseline, sharing `ctx`'s ledger so that a later savings calculation lists each figure once. */
export function baselineIn(use: EnterpriseEnergyUse, ctx: EnergyContext): EnergyBaseline {
  const streams: StreamBaseline[] = [];
  for (const stream of baselineStreams) {
    const amount = use.amounts[stream] ?? new Decimal(0);
    if (amount.isZero()) continue;
    const value = valueOfAmount(stream, amount, ctx);
    const perTonneUnit = perTonne(amount, use.productionTonnes);
    streams.push({
      stream,
      unit: STREAMS[stream].unit,
      amount,
      perTonneProduct: perTonneUnit && perTonneUnit.dividedBy(STREAMS[stream].perTonneScale),
      ...value,
    });
  }
  const totalCo2Tonnes = sumKnown(streams.map((s) => s.co2Tonnes));
  const totalEnergyGj = sumKnown(streams.map((s) => s.energyGj));
  const kwh = use.amounts.electricity;
  const kva = use.contractDemandKva;
  return {
    asOf: ctx.asOf,
    state: use.state,
    productionTonnes: use.productionTonnes,
    streams,
    totalCostInr: sumKnown(streams.map((s) => s.costInr)),
    totalCo2Tonnes,
    totalEnergyGj,
    specificEnergyGjPerTonne: perTonne(totalEnergyGj, use.productionTonnes),
    specificCo2TonnesPerTonne: perTonne(totalCo2Tonnes, use.productionTonnes),
    loadFactorPct:
      kwh !== undefined && kva?.greaterThan(0) ? kwh.dividedBy(kva.times(HOURS_PER_YEAR)).times(100) : null,
    figures: ctx.ledger.figures,
    needsInput: ctx.ledger.needsInput,
  };
}

/** Energy cost, specific consumption and CO2 of an enterprise on `asOf`, defaults overridden by `overrides`. */
export function computeEnergyBaseline(
  parameters: Parameters,
  use: EnterpriseEnergyUse,
  asOf: IsoDate,
  overrides: Overrides = {},
): EnergyBaseline {
  return baselineIn(use, energyContext(parameters, use, asOf, overrides));
}
