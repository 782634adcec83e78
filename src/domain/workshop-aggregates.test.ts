import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { NormsInForce } from './classification.js';
import { workshopAggregates } from './workshop-aggregates.js';

const limits = (investment: string, turnover: string) => ({
  investmentInr: new Decimal(investment),
  turnoverInr: new Decimal(turnover),
});
const NORMS: NormsInForce = {
  from: '2025-04-01',
  reference: 'test',
  confidence: 'secondary',
  value: {
    id: 'test-norms',
    notification: 'test',
    micro: limits('25000000', '100000000'),
    small: limits('250000000', '1000000000'),
    medium: limits('1250000000', '5000000000'),
  },
};
const OUTCOMES = ['pending', 'validated', 'needs-documents', 'not-interested'];
const unit = (
  investment: string | null,
  turnover: string | null,
  outcome: string,
  interests: string[] = [],
) => ({
  investmentInr: investment === null ? null : new Decimal(investment),
  turnoverInr: turnover === null ? null : new Decimal(turnover),
  outcome,
  interests,
});

describe('workshop aggregates', () => {
  it('counts by outcome, category and interest, hand-checked', () => {
    const result = workshopAggregates(
      [
        unit('8000000', '30000000', 'validated', ['adeetie', 'cgtmse']),
        unit('40000000', '300000000', 'validated', ['adeetie']),
        unit('8000000', null, 'pending', ['adeetie', 'adeetie']),
        unit(null, null, 'not-interested'),
      ],
      OUTCOMES,
      NORMS,
    );
    expect(result.units).toBe(4);
    expect(result.byOutcome).toEqual({ pending: 1, validated: 2, 'needs-documents': 0, 'not-interested': 1 });
    expect(result.byCategory).toEqual({ micro: 1, small: 1, medium: 0, 'not-msme': 0, unknown: 2 });
    expect(result.interests).toEqual([
      { schemeId: 'adeetie', units: 3 },
      { schemeId: 'cgtmse', units: 1 },
    ]);
  });

  it('is all zeros for an empty room', () => {
    const result = workshopAggregates([], OUTCOMES, NORMS);
    expect(result.units).toBe(0);
    expect(Object.values(result.byOutcome).every((count) => count === 0)).toBe(true);
    expect(result.interests).toEqual([]);
  });
});
