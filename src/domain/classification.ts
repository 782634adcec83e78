// MSME category by the composite investment-and-turnover test (schemes.md § MSME classification;
// api-v1.md POST /api/v1/classification).
import { Decimal } from 'decimal.js';
import type { MsmeLimits, MsmeNorms } from './catalogue-types.js';
import { entryOn, type DatedSeries, type DatedValue, type IsoDate } from './dated.js';
import type { MsmeCategory } from './enterprise-facts.js';

export interface ClassificationInput {
  /** Investment in plant & machinery or equipment, rupees. */
  investment: Decimal;
  /** Total turnover, rupees, exports included; the exports are taken out here. */
  turnover: Decimal;
  exportTurnover: Decimal;
}

/** The norms in force on a date, with the source they come from. */
export type NormsInForce = DatedValue<MsmeNorms> & { value: MsmeNorms };

export type LimitKind = 'investment' | 'turnover';

export interface Classification {
  category: MsmeCategory;
  norms: NormsInForce;
  /** Turnover that counts for classification: total turnover less exports. */
  countedTurnover: Decimal;
  /**
   * Which limits of the next smaller category the enterprise exceeds: why it is not one size smaller.
   * Empty for micro.
   */
  exceeded: readonly LimitKind[];
}

type NormsSource = DatedSeries<MsmeNorms> | { parameters: { msmeNorms: DatedSeries<MsmeNorms> } };

/** The norms in force on `asOf` (2020 norms from 2020-07-01, revised norms from 2025-04-01); undefined before any. */
export function normsOn(source: NormsSource, asOf: IsoDate): NormsInForce | undefined {
  return entryOn('parameters' in source ? source.parameters.msmeNorms : source, asOf);
}

function exceededLimits(investment: Decimal, turnover: Decimal, limits: MsmeLimits): LimitKind[] {
  const exceeded: LimitKind[] = [];
  if (investment.greaterThan(limits.investmentInr)) exceeded.push('investment');
  if (turnover.greaterThan(limits.turnoverInr)) exceeded.push('turnover');
  return exceeded;
}

/**
 * Micro only if both investment and counted turnover are within the micro limits (limits inclusive), and so on
 * upward; beyond the medium limits the enterprise is not an MSME. Exceeding either limit is enough to move up.
 */
export function classify(input: ClassificationInput, norms: NormsInForce): Classification {
  const { investment, turnover, exportTurnover } = input;
  if (investment.isNegative() || turnover.isNegative() || exportTurnover.isNegative()) {
    throw new RangeError('investment, turnover and export turnover must not be negative');
  }
  if (exportTurnover.greaterThan(turnover)) {
    throw new RangeError('export turnover cannot exceed total turnover');
  }
  const countedTurnover = turnover.minus(exportTurnover);
  const bands: readonly [MsmeCategory, MsmeLimits][] = [
    ['micro', norms.value.micro],
    ['small', norms.value.small],
    ['medium', norms.value.medium],
  ];
  let exceeded: LimitKind[] = [];
  for (const [category, limits] of bands) {
    const over = exceededLimits(investment, countedTurnover, limits);
    if (over.length === 0) return { category, norms, countedTurnover, exceeded };
    exceeded = over;
  }
  return { category: 'not-msme', norms, countedTurnover, exceeded };
}

/**
 * The category of a unit whose investment and turnover may be unknown (no exports recorded, so turnover counts
 * whole): null when either figure or the norms are missing.
 */
export function categoryIfKnown(
  figures: { investmentInr: Decimal | null | undefined; turnoverInr: Decimal | null | undefined },
  norms: NormsInForce | undefined,
): Classification['category'] | null {
  if (!norms || !figures.investmentInr || !figures.turnoverInr) return null;
  return classify(
    { investment: figures.investmentInr, turnover: figures.turnoverInr, exportTurnover: new Decimal(0) },
    norms,
  ).category;
}
