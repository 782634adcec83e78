import { Decimal } from 'decimal.js';
import type { FuelId, Parameters, QuantitySeries, StateCode, StreamId } from '../catalogue-types.js';
import type { IsoDate } from '../dated.js';
import '../money.js';
import { resolveFigure, type FigureLedger } from './sourced-figure.js';

// The streams an enterprise reports, and how a quantity of each is priced, turned into energy (GJ, via the net
// calorific value) and into CO2 (grid factor for electricity, IPCC factors per tonne of fuel for the rest).

export const baselineStreams = [
  'electricity',
  'coke',
  'natural-gas',
  'lpg',
  'diesel',
  'furnace-oil',
  'new-sand',
] as const;
export type BaselineStream = (typeof baselineStreams)[number];

export function isBaselineStream(stream: StreamId): stream is BaselineStream {
  return (baselineStreams as readonly string[]).includes(stream);
}

/** Any figure the user may give in place of a default; rupees and rates are Decimals, as everywhere. */
export type Overrides = Readonly<Partial<Record<string, Decimal>>>;

export interface EnergyContext {
  parameters: Parameters;
  state: StateCode;
  asOf: IsoDate;
  overrides: Overrides;
  ledger: FigureLedger;
}

const KWH_IN_GJ = new Decimal('0.0036'); // 1 kWh = 3.6 MJ
const KG_PER_TONNE = new Decimal(1000);

interface StreamSpec {
  /** Prefix of this stream's override keys: `${key}Price`, `${key}Co2Factor`, `${key}Density`, `${key}Ncv`. */
  key: string;
  unit: string;
  priceUnit: string;
  price: (parameters: Parameters, state: StateCode) => QuantitySeries | undefined;
  /** Quantities per tonne of product in the catalogue are in this unit's multiple (kg of coke, not t). */
  perTonneScale: Decimal;
  fuel?: FuelId;
  /** Tonnes of fuel in one unit of the stream: fixed, or a density (kg per litre or per SCM) to look up. */
  massTonnesPerUnit?:
    Decimal | { densityKey: string; series: (parameters: Parameters) => QuantitySeries; perUnit: Decimal };
}

export const STREAMS: Readonly<Record<BaselineStream, StreamSpec>> = {
  electricity: {
    key: 'electricity',
    unit: 'kWh',
    priceUnit: 'INR/kWh',
    price: (parameters, state) => parameters.electricityTariffs[state]?.allInInrPerKwh,
    perTonneScale: new Decimal(1),
  },
  coke: {
    key: 'coke',
    unit: 't',
    priceUnit: 'INR/t',
    price: (parameters) => parameters.fuelPrices.foundryCokeInrPerTonne,
    perTonneScale: new Decimal('0.001'), // kg of coke per t of metal
    fuel: 'coke-oven-coke',
    massTonnesPerUnit: new Decimal(1),
  },
  'natural-gas': {
    key: 'naturalGas',
    unit: 'SCM',
    priceUnit: 'INR/SCM',
    price: (parameters) => parameters.fuelPrices.naturalGasInrPerScm,
    perTonneScale: new Decimal(1),
    fuel: 'natural-gas',
    massTonnesPerUnit: {
      densityKey: 'naturalGasDensity',
      series: (parameters) => parameters.fuelDensities.naturalGasKgPerScm,
      perUnit: new Decimal(1).dividedBy(KG_PER_TONNE),
    },
  },
  lpg: {
    key: 'lpg',
    unit: 'kg',
    priceUnit: 'INR/kg',
    price: (parameters) => parameters.fuelPrices.lpgInrPerKg,
    perTonneScale: new Decimal(1),
    fuel: 'lpg',
    massTonnesPerUnit: new Decimal(1).dividedBy(KG_PER_TONNE),
  },
  diesel: {
    key: 'diesel',
    unit: 'L',
    priceUnit: 'INR/L',
    price: (parameters) => parameters.fuelPrices.dieselInrPerLitre,
    perTonneScale: new Decimal(1),
    fuel: 'gas-diesel-oil',
    massTonnesPerUnit: {
      densityKey: 'dieselDensity',
      series: (parameters) => parameters.fuelDensities.dieselKgPerLitre,
      perUnit: new Decimal(1).dividedBy(KG_PER_TONNE),
    },
  },
  'furnace-oil': {
    key: 'furnaceOil',
    unit: 'kL',
    priceUnit: 'INR/kL',
    price: (parameters) => parameters.fuelPrices.furnaceOilInrPerKilolitre,
    perTonneScale: new Decimal(1),
    fuel: 'residual-fuel-oil',
    // kg per litre × 1,000 litres per kL ÷ 1,000 kg per t: the density itself is tonnes per kL.
    massTonnesPerUnit: {
      densityKey: 'furnaceOilDensity',
      series: (parameters) => parameters.fuelDensities.furnaceOilKgPerLitre,
      perUnit: new Decimal(1),
    },
  },
  'new-sand': {
    key: 'newSand',
    unit: 't',
    priceUnit: 'INR/t',
    price: (parameters) => parameters.fuelPrices.newSilicaSandInrPerTonne,
    perTonneScale: new Decimal(1),
  },
};

/** The rates of one stream; a rate is undefined when a figure it needs has no default and was not given. */
export interface StreamRates {
  priceInrPerUnit: Decimal | undefined;
  co2TonnesPerUnit: Decimal | undefined;
  energyGjPerUnit: Decimal | undefined;
}

function resolve(ctx: EnergyContext, key: string, series: QuantitySeries | undefined, unit?: string) {
  return ctx.ledger.use(resolveFigure(key, ctx.overrides[key], series, ctx.asOf, unit));
}

function fuelMassPerUnit(spec: StreamSpec, ctx: EnergyContext): Decimal | undefined {
  const mass = spec.massTonnesPerUnit;
  if (mass === undefined || Decimal.isDecimal(mass)) return mass;
  const density = resolve(ctx, mass.densityKey, mass.series(ctx.parameters));
  return density?.times(mass.perUnit);
}

/** Price, CO2 and energy per unit of `stream`, recording in the ledger each figure used or missing. */
export function streamRates(stream: BaselineStream, ctx: EnergyContext): StreamRates {
  const spec = STREAMS[stream];
  const priceInrPerUnit = resolve(
    ctx,
    `${spec.key}Price`,
    spec.price(ctx.parameters, ctx.state),
    spec.priceUnit,
  );
  if (stream === 'electricity') {
    // CEA factors are t CO2 per MWh, i.e. kg per kWh.
    const factor = resolve(ctx, 'electricityCo2Factor', ctx.parameters.gridEmissionFactors.weightedAverage);
    return {
      priceInrPerUnit,
      co2TonnesPerUnit: factor?.dividedBy(KG_PER_TONNE),
      energyGjPerUnit: KWH_IN_GJ,
    };
  }
  if (spec.fuel === undefined)
    return { priceInrPerUnit, co2TonnesPerUnit: new Decimal(0), energyGjPerUnit: new Decimal(0) };
  const factors = ctx.parameters.fuelEmissionFactors[spec.fuel];
  const mass = fuelMassPerUnit(spec, ctx);
  const co2PerTonne = resolve(ctx, `${spec.key}Co2Factor`, factors.co2TonnesPerTonne);
  const ncv = resolve(ctx, `${spec.key}Ncv`, factors.netCalorificValueGjPerTonne);
  return {
    priceInrPerUnit,
    co2TonnesPerUnit: mass && co2PerTonne?.times(mass),
    energyGjPerUnit: mass && ncv?.times(mass),
  };
}

export interface StreamValue {
  costInr: Decimal | null;
  co2Tonnes: Decimal | null;
  energyGj: Decimal | null;
}

const times = (amount: Decimal, rate: Decimal | undefined): Decimal | null =>
  rate === undefined ? null : amount.times(rate);

/** Cost, CO2 and energy of `amount` units of `stream`. A zero amount needs no rates (nothing is asked for). */
export function valueOfAmount(stream: BaselineStream, amount: Decimal, ctx: EnergyContext): StreamValue {
  if (amount.isZero())
    return { costInr: new Decimal(0), co2Tonnes: new Decimal(0), energyGj: new Decimal(0) };
  const rates = streamRates(stream, ctx);
  return {
    costInr: times(amount, rates.priceInrPerUnit),
    co2Tonnes: times(amount, rates.co2TonnesPerUnit),
    energyGj: times(amount, rates.energyGjPerUnit),
  };
}

/** Σ of values that may be unknown: unknown if any one is. */
export function sumKnown(values: readonly (Decimal | null)[]): Decimal | null {
  let total = new Decimal(0);
  for (const value of values) {
    if (value === null) return null;
    total = total.plus(value);
  }
  return total;
}
