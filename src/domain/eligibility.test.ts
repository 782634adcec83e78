import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { evaluateScheme } from './eligibility.js';
import type { Condition, Scheme } from './scheme-types.js';

const ref = 'https://example.gov.in/scheme';
const text = (en: string) => ({ en, hi: en });

function comparison(
  id: string,
  rest: Omit<Extract<Condition, { kind: 'comparison' }>, 'kind' | 'id' | 'text' | 'reference' | 'confidence'>,
): Condition {
  return {
    kind: 'comparison',
    id,
    text: text(`${id} {threshold}`),
    reference: ref,
    confidence: 'official',
    ...rest,
  };
}

function schemeWith(eligibility: Condition, validity: Partial<Scheme['validity']> = {}): Scheme {
  return {
    id: 'test-scheme',
    name: text('Test scheme'),
    administrator: text('SIDBI'),
    kinds: ['loan-line'],
    level: ['unit'],
    validity: {
      validFrom: '2020-01-01',
      validUntil: null,
      reference: ref,
      confidence: 'official',
      ...validity,
    },
    eligibility,
    coverage: { categories: ['energy-efficiency'] },
    terms: [
      {
        id: 'turnover-ceiling',
        kind: 'cap',
        label: text('Turnover ceiling'),
        shape: 'value',
        series: {
          unit: 'inr',
          values: [
            { from: '2020-01-01', value: new Decimal('500000000'), reference: ref, confidence: 'official' },
            { from: '2025-04-01', value: new Decimal('1000000000'), reference: ref, confidence: 'secondary' },
          ],
        },
      },
    ],
    stacking: [],
    documents: [{ id: 'udyam-certificate', label: text('Udyam') }],
    toConfirm: [],
    references: [{ url: ref, title: 'Test', confidence: 'official' }],
  };
}

const turnover = comparison('turnover', {
  fact: 'turnoverInr',
  test: { op: 'at_most', bound: { term: 'turnover-ceiling' } },
});
const udyam = comparison('udyam', { fact: 'udyamRegistered', test: { op: 'equals', value: true } });

describe('evaluateScheme', () => {
  it('is eligible only when every criterion passes', () => {
    const result = evaluateScheme(
      schemeWith({ kind: 'all', conditions: [turnover, udyam] }),
      { turnoverInr: new Decimal('300000000'), udyamRegistered: true },
      '2024-01-01',
    );
    expect(result.eligible).toBe(true);
    expect(result.criteria.map((c) => [c.id, c.result, c.value, c.threshold])).toEqual([
      ['turnover', 'passed', '300000000', '500000000'],
      ['udyam', 'passed', 'yes', 'yes'],
    ]);
  });

  it('never reads a missing fact as a pass', () => {
    const result = evaluateScheme(
      schemeWith({ kind: 'all', conditions: [turnover, udyam] }),
      { turnoverInr: new Decimal('300000000') },
      '2024-01-01',
    );
    expect(result.eligible).toBeNull();
    expect(result.criteria.find((c) => c.id === 'udyam')).toMatchObject({ result: 'unknown', value: null });
  });

  it('a definite failure decides even when another fact is unknown', () => {
    const result = evaluateScheme(
      schemeWith({ kind: 'all', conditions: [turnover, udyam] }),
      { turnoverInr: new Decimal('1120000000') },
      '2026-11-22',
    );
    expect(result.eligible).toBe(false);
  });

  it('applies a dated threshold from its date and says what would make it yes', () => {
    const scheme = schemeWith({ kind: 'all', conditions: [turnover] });
    const facts = { turnoverInr: new Decimal('1120000000') };
    expect(evaluateScheme(scheme, { turnoverInr: new Decimal('700000000') }, '2025-03-31').eligible).toBe(
      false,
    );
    expect(evaluateScheme(scheme, { turnoverInr: new Decimal('700000000') }, '2025-04-01').eligible).toBe(
      true,
    );
    const result = evaluateScheme(scheme, facts, '2025-04-01');
    expect(result.criteria[0]).toMatchObject({
      confidence: 'secondary',
      text: { en: 'turnover ₹100.00 crore' },
    });
    expect(result.toMakeItYes).toEqual([
      {
        criterionId: 'turnover',
        fact: 'turnoverInr',
        alternative: false,
        text: {
          en: 'Turnover must be at most ₹100.00 crore; yours is ₹112.00 crore',
          hi: 'टर्नओवर अधिकतम ₹100.00 करोड़ होना चाहिए; आपका ₹112.00 करोड़ है',
        },
      },
    ]);
  });

  it('a threshold with no value in force is to be confirmed, not passed', () => {
    const result = evaluateScheme(
      schemeWith({ kind: 'all', conditions: [turnover] }),
      { turnoverInr: new Decimal('1') },
      '2019-06-01',
    );
    expect(result.criteria[0]).toMatchObject({ result: 'unknown', threshold: null });
    expect(result.criteria[0]?.text.en).toContain('limit to be confirmed with SIDBI');
  });

  it('a scheme that is not open shows its criteria but is never eligible', () => {
    const result = evaluateScheme(
      schemeWith({ kind: 'all', conditions: [udyam] }, { validUntil: '2026-03-31' }),
      { udyamRegistered: true },
      '2026-11-22',
    );
    expect(result.status.status).toBe('closed');
    expect(result.eligible).toBeNull();
    expect(result.criteria.map((c) => c.result)).toEqual(['passed']);
  });

  it('an any-group passes on one route and offers each failed route as an alternative', () => {
    const women = comparison('women', { fact: 'ownership', test: { op: 'equals', value: 'women' } });
    const cmr = comparison('cmr', {
      fact: 'cmrRank',
      test: { op: 'between', min: { literal: new Decimal(1) }, max: { literal: new Decimal(4) } },
    });
    const scheme = schemeWith({ kind: 'any', conditions: [women, cmr] });
    expect(evaluateScheme(scheme, { ownership: ['women'], cmrRank: 7 }, '2024-01-01')).toMatchObject({
      eligible: true,
      criteria: [{ id: 'women' }],
    });
    const failed = evaluateScheme(scheme, { ownership: [], cmrRank: null }, '2024-01-01');
    expect(failed.eligible).toBe(false);
    expect(failed.toMakeItYes.map((s) => [s.criterionId, s.alternative, s.text.en])).toEqual([
      ['women', true, 'Ownership must be women; yours is none'],
      ['cmr', true, 'CIBIL MSME Rank must be from 1 to 4; yours is none'],
    ]);
  });

  it('a to-confirm requirement is always unknown and names the administrator', () => {
    const listed: Condition = {
      kind: 'to-confirm',
      id: 'on-list',
      text: text('Machinery on the list'),
      reference: ref,
      confidence: 'unconfirmed',
    };
    const result = evaluateScheme(
      schemeWith({ kind: 'all', conditions: [udyam, listed] }),
      { udyamRegistered: true },
      '2024-01-01',
    );
    expect(result.eligible).toBeNull();
    expect(result.criteria[1]).toMatchObject({
      result: 'unknown',
      text: { en: 'Machinery on the list (to be confirmed with SIDBI)' },
    });
  });
});

describe('a condition dated from a day (SCLCSS admitted services on 15-11-2021)', () => {
  const activity = schemeWith({
    kind: 'any',
    conditions: [
      comparison('manufacturing', { fact: 'activity', test: { op: 'equals', value: 'manufacturing' } }),
      comparison('services', {
        fact: 'activity',
        test: { op: 'equals', value: 'services' },
        from: '2021-11-15',
      }),
    ],
  });

  it('fails the day before, whatever the fact, and suggests nothing the enterprise could change', () => {
    const result = evaluateScheme(activity, { activity: 'services' }, '2021-11-14');
    expect(result.eligible).toBe(false);
    expect(result.criteria.map((c) => [c.id, c.result])).toEqual([
      ['manufacturing', 'failed'],
      ['services', 'failed'],
    ]);
    expect(result.criteria[1]?.text.en).toBe('services services (from 15-11-2021)');
    expect(result.toMakeItYes.map((s) => s.criterionId)).toEqual(['manufacturing']);
  });

  it('passes on the day', () => {
    const result = evaluateScheme(activity, { activity: 'services' }, '2021-11-15');
    expect(result.eligible).toBe(true);
    expect(result.criteria.map((c) => [c.id, c.result])).toEqual([['services', 'passed']]);
  });

  it('leaves the other route as it was before the day', () => {
    expect(evaluateScheme(activity, { activity: 'manufacturing' }, '2021-11-14').eligible).toBe(true);
    expect(evaluateScheme(activity, { activity: 'trading' }, '2025-01-01').eligible).toBe(false);
  });

  it('before the day it fails even when the fact is unknown', () => {
    const result = evaluateScheme(activity, {}, '2021-11-14');
    expect(result.criteria.map((c) => [c.id, c.result])).toEqual([
      ['manufacturing', 'unknown'],
      ['services', 'failed'],
    ]);
    expect(result.eligible).toBeNull();
  });
});
