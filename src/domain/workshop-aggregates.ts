import { Decimal } from 'decimal.js';
import { categoryIfKnown, type NormsInForce } from './classification.js';
import type { MsmeCategory } from './enterprise-facts.js';

// What a workshop's projector and summary show: counts only, never a unit's name or figures, so a room of
// competitors can watch it.

export interface AttendingUnit {
  investmentInr: Decimal | null;
  turnoverInr: Decimal | null;
  outcome: string;
  interests: readonly string[];
}

export interface WorkshopAggregates {
  units: number;
  byOutcome: Record<string, number>;
  /** By MSME category under the norms in force; `unknown` where investment or turnover is missing. */
  byCategory: Record<MsmeCategory | 'unknown', number>;
  /** How many units asked about each product (scheme id), most asked first. */
  interests: { schemeId: string; units: number }[];
}

export function workshopAggregates(
  units: readonly AttendingUnit[],
  outcomes: readonly string[],
  norms: NormsInForce | undefined,
): WorkshopAggregates {
  const byOutcome = Object.fromEntries(outcomes.map((outcome) => [outcome, 0]));
  const byCategory: WorkshopAggregates['byCategory'] = {
    micro: 0,
    small: 0,
    medium: 0,
    'not-msme': 0,
    unknown: 0,
  };
  const interestCounts = new Map<string, number>();
  for (const unit of units) {
    byOutcome[unit.outcome] = (byOutcome[unit.outcome] ?? 0) + 1;
    const category = categoryIfKnown(unit, norms) ?? 'unknown';
    byCategory[category] += 1;
    for (const schemeId of new Set(unit.interests))
      interestCounts.set(schemeId, (interestCounts.get(schemeId) ?? 0) + 1);
  }
  const interests = [...interestCounts.entries()]
    .map(([schemeId, count]) => ({ schemeId, units: count }))
    .sort((a, b) => b.units - a.units || a.schemeId.localeCompare(b.schemeId));
  return { units: units.length, byOutcome, byCategory, interests };
}
