import { describe, expect, it } from 'vitest';
import { recentFiscalYears } from './enterprise-profile.js';

describe('recentFiscalYears', () => {
  it.each([
    ['2026-11-22', ['2025-26', '2024-25', '2023-24']],
    ['2026-04-01', ['2025-26', '2024-25', '2023-24']],
    ['2026-03-31', ['2024-25', '2023-24', '2022-23']],
    ['2000-01-15', ['1998-99', '1997-98', '1996-97']],
  ])('on %s are %j', (today, years) => {
    expect(recentFiscalYears(today)).toEqual(years);
  });
});
