import { Decimal } from 'decimal.js';
import type {
  CapexModel,
  OmModel,
  Parameters,
  QuantitySeries,
  Sector,
  SavingModel,
  Technology,
} from '../catalogue-types.js';
import { entryOn, type IsoDate } from '../dated.js';
import { computeEconomics, type EconomicsResult } from '../economics.js';
import type { LoanTerms } from '../finance/loan.js';
import '../money.js';
import {
  baselineIn,
  energyContext,
  type EnergyBaseline,
  type EnterpriseEnergyUse,
} from './energy-baseline.js';
import {
  isBaselineStream,
  STREAMS,
  sumKnown,
  valueOfAmount,
  type BaselineStream,
  type EnergyContext,
  type Overrides,
} from './energy-streams.js';
import { resolveFigure, type Figure, type NeedsInput } from './sourced-figure.js';

// What one technology saves an enterprise a year, stream by stream, what it costs (capex with its range, O&M,
// lifetime), and its economics by computeEconomics. Keys the user may override, besides the baseline's prices
// and factors: savingPct, endUseAmount, moltenMetalTonnes, fromPerTonne, toPerTonne, capacity, yield,
// degradationPct, powerFactorBefore, powerFactorAfter, energyCharge, motorEfficiencyPct, efficiencyGainPoints,
// newSandPerTonne, replacedPct, addedElectricityKwh, usedSandDisposal, capexInr, subsidyInr, annualOmInr,
// lifetimeYears, discountRatePct, escalationPct.

export interface StreamSaving {
  stream: BaselineStream;
  unit: string;
  /** The enterprise's use of the stream the measure acts on (0 where the measure adds a new load). */
  baselineAmount: Decimal;
  /** Amount saved a year; negative where the measure adds use (a fuel switch's electricity, a scrubber's fan). */
  savedAmount: Decimal;
  savedInr: Decimal | null;
  co2AvoidedTonnes: Decimal | null;
  energySavedGj: Decimal | null;
}

export interface CapexEstimate {
  /** The catalogue's range for the enterprise's size (scaled by the six-tenths rule when outside it). */
  low: Decimal | null;
  high: Decimal | null;
  unit: string;
  scaledFromSize: boolean;
}

export type AssessmentStatus = 'complete' | 'needs-input' | 'not-applicable' | 'not-modelled';

export interface TechnologyAssessment {
  technologyId: string;
  status: AssessmentStatus;
  streams: StreamSaving[];
  annualSavingInr: Decimal | null;
  annualCo2AvoidedTonnes: Decimal | null;
  annualEnergySavedGj: Decimal | null;
  /** Melted metal a year, given or derived from coke use and coke rate; null where the model needs none. */
  moltenMetalTonnes: Decimal | null;
  /** True when rooftop generation was more than the site uses: only the part used is valued. */
  generationCappedAtUse: boolean;
  capexEstimate: CapexEstimate | null;
  capex: Figure | null;
  annualOm: Figure | null;
  lifetime: Figure | null;
  economics: EconomicsResult | null;
  /** Figures the whole calculation used (baseline and technology), each with its provenance. */
  figures: Figure[];
  needsInput: NeedsInput[];
  /** An end-use amount larger than the stream it is part of: the saving would exceed the baseline. */
  exceedsBaseline: string[];
}

export interface TechnologyRequest {
  use: EnterpriseEnergyUse;
  sector: Sector;
  asOf: IsoDate;
  overrides?: Overrides;
  loan?: LoanTerms | undefined;
}

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);
const KWH_IN_GJ = new Decimal('0.0036');

interface Run {
  ctx: EnergyContext;
  use: EnterpriseEnergyUse;
  technology: Technology;
  exceedsBaseline: string[];
  moltenMetalTonnes: Decimal | null;
  generationCappedAtUse: boolean;
}

function figureOf(run: Run, key: string): Figure | null {
  return run.ctx.ledger.figures.find((figure) => figure.key === key) ?? null;
}

function resolve(
  run: Run,
  key: string,
  series: QuantitySeries | undefined,
  unit?: string,
): Decimal | undefined {
  return run.ctx.ledger.use(resolveFigure(key, run.ctx.overrides[key], series, run.ctx.asOf, unit));
}

/** A figure only the user can give (no catalogue series at all). */
function ask(run: Run, key: string, unit: string, note?: string): Decimal | undefined {
  const given = run.ctx.overrides[key];
  if (given !== undefined)
    return run.ctx.ledger.use(resolveFigure(key, given, undefined, run.ctx.asOf, unit));
  return run.ctx.ledger.ask({ key, unit, low: null, high: null, reference: null, confidence: null, note });
}

function streamAmount(run: Run, stream: BaselineStream): Decimal {
  return run.use.amounts[stream] ?? ZERO;
}

/** A stream's baseline amount, which the measure needs to be more than zero. */
function requiredStreamAmount(run: Run, stream: BaselineStream): Decimal | undefined {
  const amount = streamAmount(run, stream);
  if (amount.greaterThan(0)) return amount;
  return run.ctx.ledger.ask({
    key: `${STREAMS[stream].key}Amount`,
    unit: `${STREAMS[stream].unit} a year`,
    low: null,
    high: null,
    reference: null,
    confidence: null,
  });
}

/**
 * The part of a stream a measure acts on. Fuels are burnt where the measure works (coke in the cupola), so the
 * whole stream counts; a share of the site's electricity (furnace, blower, motors) must be given.
 */
function endUseAmount(run: Run, stream: BaselineStream, endUse: string): Decimal | undefined {
  const total = requiredStreamAmount(run, stream);
  if (total === undefined) return undefined;
  const given = run.ctx.overrides.endUseAmount;
  if (stream !== 'electricity' || endUse === 'site') {
    if (given === undefined) return total;
  }
  const amount = ask(run, 'endUseAmount', `${STREAMS[stream].unit} a year (${endUse})`);
  if (amount?.greaterThan(total)) {
    run.exceedsBaseline.push('endUseAmount');
    return undefined;
  }
  return amount;
}

function saving(
  run: Run,
  stream: BaselineStream,
  baselineAmount: Decimal,
  savedAmount: Decimal,
): StreamSaving {
  const value = valueOfAmount(stream, savedAmount, run.ctx);
  return {
    stream,
    unit: STREAMS[stream].unit,
    baselineAmount,
    savedAmount,
    savedInr: value.costInr,
    co2AvoidedTonnes: value.co2Tonnes,
    energySavedGj: value.energyGj,
  };
}

function capitalised(stream: string): string {
  return stream.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}

/** "15–45 kW fan power" for a note: what the catalogue says when it gives no default. */
function rangeText(series: QuantitySeries, asOf: IsoDate): string {
  const value = entryOn(series, asOf)?.value;
  const bounds = [value?.low, value?.high].filter((bound) => bound != null).map((bound) => bound.toString());
  return `${bounds.join('–')} ${series.unit}`;
}

function percentOf(amount: Decimal, pct: Decimal): Decimal {
  return amount.times(pct).dividedBy(HUNDRED);
}

/** Stream savings of the measure; undefined while a figure is missing. */
function streamSavings(run: Run, model: SavingModel): StreamSaving[] | undefined {
  switch (model.kind) {
    case 'percent-of-stream': {
      const { stream, endUse } = model.stream;
      if (!isBaselineStream(stream)) return undefined;
      const amount = endUseAmount(run, stream, endUse);
      const pct = resolve(run, 'savingPct', model.percent);
      if (amount === undefined || pct === undefined) return undefined;
      return [saving(run, stream, streamAmount(run, stream), percentOf(amount, pct))];
    }
    case 'fuel-switch': {
      const from = model.from.stream;
      const to = model.to.stream;
      if (!isBaselineStream(from) || !isBaselineStream(to)) return undefined;
      const fromAmount = requiredStreamAmount(run, from);
      const fromPerTonne = resolve(run, 'fromPerTonne', model.from.amount);
      const toPerTonne = resolve(run, 'toPerTonne', model.to.amount);
      // Melted metal: the user's figure, else the coke burnt divided by the coke rate per tonne melted.
      const molten =
        run.ctx.overrides.moltenMetalTonnes ??
        (fromAmount && fromPerTonne?.greaterThan(0)
          ? fromAmount.dividedBy(fromPerTonne.times(STREAMS[from].perTonneScale))
          : undefined);
      if (fromAmount === undefined || molten === undefined || toPerTonne === undefined) return undefined;
      run.moltenMetalTonnes = molten;
      const added = molten.times(toPerTonne).times(STREAMS[to].perTonneScale);
      return [
        saving(run, from, fromAmount, fromAmount),
        saving(run, to, streamAmount(run, to), added.negated()),
      ];
    }
    case 'generation': {
      const siteKwh = requiredStreamAmount(run, 'electricity');
      const capacity = ask(run, 'capacity', 'kWp');
      const specificYield = resolve(run, 'yield', model.yieldKwhPerKwpYear[run.ctx.state]);
      if (siteKwh === undefined || capacity === undefined || specificYield === undefined) return undefined;
      const generated = capacity.times(specificYield);
      run.generationCappedAtUse = generated.greaterThan(siteKwh);
      return [saving(run, 'electricity', siteKwh, Decimal.min(generated, siteKwh))];
    }
    case 'material-substitution': {
      const material = model.material.stream;
      if (!isBaselineStream(material)) return undefined;
      // No sand figure given: the sourced rule of thumb, about 1 t of new sand per t of castings.
      const perTonne = streamAmount(run, material).isZero()
        ? resolve(run, 'newSandPerTonne', model.baselinePerTonneProduct)
        : undefined;
      const baseline = perTonne ? run.use.productionTonnes.times(perTonne) : streamAmount(run, material);
      const replacedPct = resolve(run, 'replacedPct', model.replacedPct);
      const added = model.addedPerTonneReplaced.map((load) => ({
        stream: load.stream,
        perTonne: resolve(run, `added${capitalised(load.stream)}PerTonne`, load.amount),
      }));
      const disposal = resolve(
        run,
        'usedSandDisposal',
        run.ctx.parameters.fuelPrices.usedSandDisposalInrPerTonne,
      );
      if (replacedPct === undefined || disposal === undefined) return undefined;
      const replaced = percentOf(baseline, replacedPct);
      const materialSaving = saving(run, material, baseline, replaced);
      // Reclaimed sand is also sand not dumped: the disposal charge is saved on every tonne reclaimed.
      materialSaving.savedInr = materialSaving.savedInr?.plus(replaced.times(disposal)) ?? null;
      const savings = [materialSaving];
      for (const load of added) {
        if (!isBaselineStream(load.stream) || load.perTonne === undefined) return undefined;
        const extra = replaced.times(load.perTonne).times(STREAMS[load.stream].perTonneScale);
        savings.push(saving(run, load.stream, streamAmount(run, load.stream), extra.negated()));
      }
      return savings;
    }
    case 'kvah-billing': {
      const kwh = requiredStreamAmount(run, 'electricity');
      const before = ask(run, 'powerFactorBefore', 'power factor');
      const after = ask(run, 'powerFactorAfter', 'power factor');
      const tariff = run.ctx.parameters.electricityTariffs[run.ctx.state]?.energyCharge;
      // Only a per-kVAh charge is saved by a better power factor; a per-kWh tariff has no default here.
      const perKvah = tariff?.unit.includes('kVAh') ? tariff : undefined;
      const charge = resolve(run, 'energyCharge', perKvah, 'INR/kVAh');
      if (kwh === undefined || before === undefined || after === undefined || charge === undefined)
        return undefined;
      if (before.lessThanOrEqualTo(0) || after.lessThanOrEqualTo(0)) return undefined;
      // kVAh billed = kWh ÷ power factor (technologies.md § 2 power-factor-correction).
      const kvahSaved = kwh.dividedBy(before).minus(kwh.dividedBy(after));
      return [
        {
          stream: 'electricity',
          unit: 'kWh',
          baselineAmount: kwh,
          savedAmount: ZERO,
          savedInr: kvahSaved.times(charge),
          co2AvoidedTonnes: ZERO,
          energySavedGj: ZERO,
        },
      ];
    }
    case 'efficiency-gain': {
      const { stream, endUse } = model.stream;
      if (!isBaselineStream(stream)) return undefined;
      const amount = endUseAmount(run, stream, endUse);
      const efficiency = ask(run, 'motorEfficiencyPct', 'percent, present motors');
      const gain = resolve(run, 'efficiencyGainPoints', model.percentagePoints);
      if (amount === undefined || efficiency === undefined || gain === undefined) return undefined;
      // Same shaft work at a higher efficiency: E_new = E_old × η_old / (η_old + Δ).
      const saved = amount.times(new Decimal(1).minus(efficiency.dividedBy(efficiency.plus(gain))));
      return [saving(run, stream, streamAmount(run, stream), saved)];
    }
    case 'none': {
      const loads = model.addedLoads.map((load) => rangeText(load.amount, run.ctx.asOf)).join('; ');
      const kwh = ask(run, 'addedElectricityKwh', 'kWh a year', `fan power × running hours; ${loads}`);
      if (kwh === undefined) return undefined;
      return [saving(run, 'electricity', streamAmount(run, 'electricity'), kwh.negated())];
    }
  }
}

/** The cost range at the enterprise's capacity: the size that holds it, else the nearest scaled by cap^n. */
function capexRange(
  run: Run,
  model: CapexModel,
): { series: QuantitySeries; estimate: CapexEstimate } | undefined {
  const rangeOf = (series: QuantitySeries, scale: (value: Decimal) => [Decimal, Decimal] = (v) => [v, v]) => {
    const entry = entryOn(series, run.ctx.asOf);
    const low = entry?.value.low ?? entry?.value.default ?? null;
    const high = entry?.value.high ?? entry?.value.default ?? null;
    return {
      low: low && scale(low)[0],
      high: high && scale(high)[1],
      unit: series.unit,
    };
  };
  switch (model.kind) {
    case 'fixed':
      return { series: model.cost, estimate: { ...rangeOf(model.cost), scaledFromSize: false } };
    case 'recurring':
      return {
        series: model.costPerYear,
        estimate: { ...rangeOf(model.costPerYear), scaledFromSize: false },
      };
    case 'per-capacity': {
      const capacity = ask(run, 'capacity', model.capacityUnit);
      if (capacity === undefined) return undefined;
      const range = rangeOf(model.costPerUnit, (value) => [value.times(capacity), value.times(capacity)]);
      const scaled: QuantitySeries = {
        unit: 'INR',
        values: model.costPerUnit.values.map((entry) => ({
          ...entry,
          value: entry.value && {
            default: entry.value.default?.times(capacity) ?? null,
            low: entry.value.low?.times(capacity) ?? null,
            high: entry.value.high?.times(capacity) ?? null,
          },
        })),
      };
      return { series: scaled, estimate: { ...range, unit: 'INR', scaledFromSize: false } };
    }
    case 'range-at-size': {
      const first = model.sizes[0];
      if (first === undefined) return undefined;
      const capacity = run.ctx.overrides.capacity;
      if (capacity === undefined || capacity.lessThanOrEqualTo(0)) {
        return { series: first.cost, estimate: { ...rangeOf(first.cost), scaledFromSize: false } };
      }
      const holding = model.sizes.find(
        (size) =>
          capacity.greaterThanOrEqualTo(size.capacity.low) && capacity.lessThanOrEqualTo(size.capacity.high),
      );
      if (holding)
        return { series: holding.cost, estimate: { ...rangeOf(holding.cost), scaledFromSize: false } };
      const distance = (size: (typeof model.sizes)[number]) =>
        Decimal.min(capacity.minus(size.capacity.low).abs(), capacity.minus(size.capacity.high).abs());
      const nearest = model.sizes.reduce((best, size) =>
        distance(size).lessThan(distance(best)) ? size : best,
      );
      const reference = capacity.lessThan(nearest.capacity.low)
        ? nearest.capacity.low
        : nearest.capacity.high;
      const exponents = entryOn(run.ctx.parameters.finance.capexScalingExponent, run.ctx.asOf)?.value;
      const ratio = capacity.dividedBy(reference);
      // cost₂ = cost₁ × (cap₂/cap₁)^n with n over its range: the extremes bound the estimate.
      const factors = [exponents?.low, exponents?.high].flatMap((n) => (n ? [ratio.pow(n)] : []));
      if (factors.length === 0) return undefined;
      const scale = (value: Decimal): [Decimal, Decimal] => [
        Decimal.min(...factors.map((f) => value.times(f))),
        Decimal.max(...factors.map((f) => value.times(f))),
      ];
      // A scaled figure is a range by construction: there is no default to offer.
      const series: QuantitySeries = { unit: nearest.cost.unit, values: [] };
      return { series, estimate: { ...rangeOf(nearest.cost, scale), scaledFromSize: true } };
    }
    case 'premium-over-baseline':
      return undefined;
  }
}

function capexFigure(
  run: Run,
  model: CapexModel,
): { capex: Decimal | undefined; estimate: CapexEstimate | null } {
  const range = capexRange(run, model);
  const given = run.ctx.overrides.capexInr;
  if (given !== undefined || range === undefined) {
    const note =
      model.kind === 'premium-over-baseline'
        ? `premium of ${rangeText(model.premiumPct, run.ctx.asOf)}`
        : undefined;
    return { capex: ask(run, 'capexInr', 'INR', note), estimate: range?.estimate ?? null };
  }
  const resolved = resolveFigure('capexInr', undefined, range.series, run.ctx.asOf, 'INR');
  if (!resolved.ok) {
    // Ask with the range for this size, not the raw series (it may have been scaled).
    return {
      capex: run.ctx.ledger.ask({ ...resolved.needs, low: range.estimate.low, high: range.estimate.high }),
      estimate: range.estimate,
    };
  }
  return { capex: run.ctx.ledger.use(resolved), estimate: range.estimate };
}

function omFigure(run: Run, model: OmModel, capex: Decimal | undefined): Decimal | undefined {
  const given = run.ctx.overrides.annualOmInr;
  if (given !== undefined) return ask(run, 'annualOmInr', 'INR a year');
  const scaledBy = (series: QuantitySeries, factor: Decimal | undefined | null, unit: string) => {
    if (factor === undefined || factor === null) {
      return ask(run, 'annualOmInr', unit, rangeText(series, run.ctx.asOf));
    }
    const entry = entryOn(series, run.ctx.asOf);
    const scaled = (value: Decimal | null | undefined) => (value == null ? null : value.times(factor));
    const resolved = resolveFigure('annualOmInr', undefined, series, run.ctx.asOf, unit);
    if (resolved.ok) {
      return run.ctx.ledger.use({
        ok: true,
        figure: { ...resolved.figure, value: resolved.figure.value.times(factor) },
      });
    }
    return run.ctx.ledger.ask({
      ...resolved.needs,
      low: scaled(entry?.value.low),
      high: scaled(entry?.value.high),
    });
  };
  switch (model.kind) {
    case 'not-quantified':
      // The sources give no figure: O&M is left out, and said to be (never silently a made-up number).
      return run.ctx.ledger.use({
        ok: true,
        figure: {
          key: 'annualOmInr',
          value: ZERO,
          unit: 'INR a year',
          provenance: { kind: 'assumed', note: model.note },
        },
      });
    case 'percent-of-capex':
      return scaledBy(model.pctPerYear, capex?.dividedBy(HUNDRED), 'INR a year');
    case 'per-tonne':
      return scaledBy(model.inrPerTonne, run.moltenMetalTonnes ?? run.use.productionTonnes, 'INR a year');
    case 'per-capacity-year':
      return scaledBy(model.inrPerUnitYear, run.ctx.overrides.capacity, 'INR a year');
  }
}

function wholeYears(value: Decimal | undefined): number | undefined {
  return value?.isInteger() && value.greaterThanOrEqualTo(1) ? value.toNumber() : undefined;
}

/** The yearly growth of a saving in percent: output lost to degradation compounds with the price escalation. */
export function savingsGrowthPct(escalationPct: Decimal, degradationPct: Decimal): Decimal {
  // (1 + g)(1 − d) − 1
  return new Decimal(1)
    .plus(escalationPct.dividedBy(HUNDRED))
    .times(new Decimal(1).minus(degradationPct.dividedBy(HUNDRED)))
    .minus(1)
    .times(HUNDRED);
}

/** Savings, costs and economics of `technology` for the enterprise in `request`. */
export function assessTechnology(
  parameters: Parameters,
  technology: Technology,
  request: TechnologyRequest,
): TechnologyAssessment & { baseline: EnergyBaseline } {
  const overrides = request.overrides ?? {};
  const ctx = energyContext(parameters, request.use, request.asOf, overrides);
  const baseline = baselineIn(request.use, ctx);
  const run: Run = {
    ctx,
    use: request.use,
    technology,
    exceedsBaseline: [],
    moltenMetalTonnes: null,
    generationCappedAtUse: false,
  };
  const empty = (status: AssessmentStatus) => ({
    technologyId: technology.id,
    status,
    streams: [],
    annualSavingInr: null,
    annualCo2AvoidedTonnes: null,
    annualEnergySavedGj: null,
    moltenMetalTonnes: null,
    generationCappedAtUse: false,
    capexEstimate: null,
    capex: null,
    annualOm: null,
    lifetime: null,
    economics: null,
    figures: ctx.ledger.figures,
    needsInput: ctx.ledger.needsInput,
    exceedsBaseline: [],
    baseline,
  });
  if (!technology.applicability.sectors.includes(request.sector)) return empty('not-applicable');
  if (!technology.streams.every((ref) => isBaselineStream(ref.stream))) return empty('not-modelled');

  const streams = streamSavings(run, technology.savingModel);
  const { capex, estimate } = capexFigure(run, technology.capexModel);
  const annualOm = omFigure(run, technology.om, capex);
  const lifetimeValue = resolve(run, 'lifetimeYears', technology.lifeYears);
  const lifetimeYears = wholeYears(lifetimeValue);
  if (lifetimeValue !== undefined && lifetimeYears === undefined) run.exceedsBaseline.push('lifetimeYears');
  const discountRatePct = resolve(run, 'discountRatePct', parameters.finance.discountRatePct);
  const escalationPct =
    overrides.escalationPct !== undefined
      ? ask(run, 'escalationPct', 'percent a year')
      : run.ctx.ledger.use({
          ok: true,
          figure: {
            key: 'escalationPct',
            value: ZERO,
            unit: 'percent a year',
            provenance: { kind: 'assumed', note: 'No escalation unless given (api-v1 default).' },
          },
        });
  const degradationPct =
    technology.savingModel.kind === 'generation'
      ? resolve(run, 'degradationPct', technology.savingModel.degradationPctPerYear)
      : ZERO;
  const subsidyInr = overrides.subsidyInr === undefined ? ZERO : ask(run, 'subsidyInr', 'INR');

  // An energy audit's own figure for the yearly saving in rupees replaces the model's sum; the streams (and so
  // the CO₂ avoided) stay as the model estimates them, and the figure is recorded as the user's.
  const modelledSavingInr = streams ? sumKnown(streams.map((s) => s.savedInr)) : null;
  const annualSavingInr =
    overrides.annualSavingInr === undefined
      ? modelledSavingInr
      : (ask(run, 'annualSavingInr', 'INR a year') ?? modelledSavingInr);
  const annualCo2AvoidedTonnes = streams ? sumKnown(streams.map((s) => s.co2AvoidedTonnes)) : null;
  const annualEnergySavedGj = streams ? sumKnown(streams.map((s) => s.energySavedGj)) : null;

  let economics: EconomicsResult | null = null;
  if (
    annualSavingInr !== null &&
    capex !== undefined &&
    annualOm !== undefined &&
    lifetimeYears !== undefined &&
    discountRatePct !== undefined &&
    escalationPct !== undefined &&
    degradationPct !== undefined &&
    subsidyInr !== undefined &&
    run.exceedsBaseline.length === 0
  ) {
    const growth = savingsGrowthPct(escalationPct, degradationPct);
    // A measure that costs more to run than it saves (a scrubber's fan): the net cost is O&M, not a saving.
    const shortfall = Decimal.max(annualSavingInr.negated(), ZERO);
    economics = computeEconomics({
      capexInr: capex,
      subsidyInr,
      annualEnergySavingsInr: Decimal.max(annualSavingInr, ZERO),
      annualOmCostInr: annualOm.plus(shortfall),
      lifetimeYears,
      discountRatePct,
      savingsEscalationPct: growth,
      loan: request.loan,
      annualEnergySavedKwh: annualEnergySavedGj?.greaterThan(0)
        ? annualEnergySavedGj.dividedBy(KWH_IN_GJ)
        : undefined,
      annualCo2AvoidedTonnes: annualCo2AvoidedTonnes ?? undefined,
    });
  }

  return {
    ...empty(economics === null ? 'needs-input' : 'complete'),
    streams: streams ?? [],
    annualSavingInr,
    annualCo2AvoidedTonnes,
    annualEnergySavedGj,
    moltenMetalTonnes: run.moltenMetalTonnes,
    generationCappedAtUse: run.generationCappedAtUse,
    capexEstimate: estimate,
    capex: figureOf(run, 'capexInr'),
    annualOm: figureOf(run, 'annualOmInr'),
    lifetime: figureOf(run, 'lifetimeYears'),
    economics,
    exceedsBaseline: run.exceedsBaseline,
  };
}

/** Every technology for the enterprise's sector, each assessed on its own (savings do not stack). */
export function assessTechnologies(
  parameters: Parameters,
  technologies: readonly Technology[],
  request: TechnologyRequest,
): TechnologyAssessment[] {
  return technologies
    .filter((technology) => technology.applicability.sectors.includes(request.sector))
    .map((technology) => assessTechnology(parameters, technology, request));
}
