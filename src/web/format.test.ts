import { describe, expect, it } from 'vitest';
import { todayInIndia } from './format.js';

const byTimeZone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' });

describe('todayInIndia', () => {
  it('turns over at midnight in India, 18:30 UTC the day before', () => {
    expect(todayInIndia(new Date('2026-11-21T18:29:59.999Z'))).toBe('2026-11-21');
    expect(todayInIndia(new Date('2026-11-21T18:30:00.000Z'))).toBe('2026-11-22');
  });

  it('agrees with the Asia/Kolkata time zone every 31 hours 13 minutes from 1950 to 2100', () => {
    const step = (31 * 60 + 13) * 60_000;
    const mismatches: string[] = [];
    for (let t = Date.UTC(1950, 0, 1); t < Date.UTC(2100, 0, 1); t += step) {
      const now = new Date(t);
      if (todayInIndia(now) !== byTimeZone.format(now)) mismatches.push(now.toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});
