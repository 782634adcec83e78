import { describe, expect, it } from 'vitest';
import { bandCounts, inBand, inSector, unitBandOf } from './cluster-filter.js';

describe('the cluster filter', () => {
  it('counts every band, the empty ones included, and reads an undecided band as not yet assessed', () => {
    const units = [unitBandOf('ready'), unitBandOf(null), unitBandOf(undefined), unitBandOf('not-ready')].map(
      (band) => ({ band }),
    );
    expect(bandCounts(units)).toEqual({ ready: 1, 'nearly-ready': 0, 'not-ready': 1, 'not-assessed': 2 });
  });

  it('lets every unit through a field left out, and only matching units through one given', () => {
    const unit = { sector: 'foundry' as const, band: 'nearly-ready' as const };
    expect(inSector(unit, {}) && inBand(unit, {})).toBe(true);
    expect(inSector(unit, { sector: 'foundry' })).toBe(true);
    expect(inSector(unit, { sector: 'textile' })).toBe(false);
    expect(inBand(unit, { band: 'ready' })).toBe(false);
  });
});
