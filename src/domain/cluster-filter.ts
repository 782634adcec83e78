import type { Sector } from './catalogue-types.js';
import type { Band } from './readiness/scorecard.js';

// The advisor's filters on the cluster picture: which units the counts, shares and sums are drawn from.

/**
 * A unit's readiness band, or `not-assessed` while its band waits on something the profile lacks (a step not
 * saved yet, a project) or no scorecard was in force.
 */
export const UNIT_BANDS = ['ready', 'nearly-ready', 'not-ready', 'not-assessed'] as const;
export type UnitBand = (typeof UNIT_BANDS)[number];

export const unitBandOf = (band: Band | null | undefined): UnitBand => band ?? 'not-assessed';

/** An absent field lets every unit through. */
export interface ClusterFilter {
  sector?: Sector | undefined;
  band?: UnitBand | undefined;
}

export const inSector = (unit: { sector: Sector }, filter: ClusterFilter): boolean =>
  filter.sector === undefined || unit.sector === filter.sector;

export const inBand = (unit: { band: UnitBand }, filter: ClusterFilter): boolean =>
  filter.band === undefined || unit.band === filter.band;

/** How many units are in each band, every band listed (zero included) in the order of UNIT_BANDS. */
export function bandCounts(units: readonly { band: UnitBand }[]): Record<UnitBand, number> {
  const counts = Object.fromEntries(UNIT_BANDS.map((band) => [band, 0])) as Record<UnitBand, number>;
  for (const unit of units) counts[unit.band] += 1;
  return counts;
}
