import { Decimal } from 'decimal.js';
import type { DatedSeries } from '../../src/domain/dated.js';
import type { Scheme, SchemeKind, SchemeTerm } from '../../src/domain/scheme-types.js';

// Small made-up schemes for the valuation and package tests: every value in force from 01-04-2025, official
// unless it is null (then unconfirmed), one reference, no conditions unless a test adds them.

const REF = 'https://example.gov.in/scheme';
const text = (en: string) => ({ en, hi: en });

/** A term with one dated value (null: not established). `extra` adds fields such as `ofScheme` or `years`. */
export function testTerm(
  id: string,
  kind: SchemeTerm['kind'],
  basis: SchemeTerm['basis'],
  unit: string,
  value: string | null,
  extra: Partial<Pick<SchemeTerm, 'ofScheme' | 'years' | 'limits'>> = {},
): SchemeTerm {
  const series: DatedSeries<Decimal> = {
    unit,
    values: [
      {
        from: '2025-04-01',
        value: value === null ? null : new Decimal(value),
        reference: REF,
        confidence: value === null ? 'unconfirmed' : 'official',
      },
    ],
  };
  return { id, kind, basis, label: text(id), shape: 'value', series, ...extra };
}

/** An open unit-level scheme with no conditions, giving `kinds` through `terms`. */
export function testScheme(
  kinds: SchemeKind[],
  terms: SchemeTerm[],
  named: {
    id?: string;
    name?: string;
    administrator?: string;
    category?: 'plant-machinery' | 'energy-efficiency';
  } = {},
): Scheme {
  const id = named.id ?? 'test-scheme';
  return {
    id,
    name: text(named.name ?? id),
    administrator: text(named.administrator ?? 'Administrator'),
    kinds,
    level: ['unit'],
    validity: { validFrom: '2025-04-01', validUntil: null, reference: REF, confidence: 'official' },
    eligibility: { kind: 'all', conditions: [] },
    coverage: { categories: [named.category ?? 'plant-machinery'] },
    terms,
    stacking: [],
    documents: [],
    toConfirm: [],
    references: [{ url: REF, title: 'Test', confidence: 'official' }],
  };
}
