import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemes } from '../../src/catalogue/load-schemes.js';
import { evaluateScheme, meetsConditions } from '../../src/domain/eligibility.js';
import type { EnterpriseFacts } from '../../src/domain/enterprise-facts.js';

// A project of several measures (decision 0008): a scheme condition on the technology holds only when every
// measure meets it, since a scheme tied to a technology would be valued on the project's whole cost.

const schemes = loadSchemes(path.resolve(import.meta.dirname, '../../data'));
const star = schemes.find((scheme) => scheme.id === 'sidbi-star-solar')!;
const asOf = '2026-11-22';
const msme: EnterpriseFacts = { category: 'small' };

const criterion = (facts: EnterpriseFacts) =>
  evaluateScheme(star, { ...msme, ...facts }, asOf).criteria.find((c) => c.id === 'sidbi-star-rooftop-solar');

describe("SIDBI STAR's rooftop-solar condition on a project of several measures", () => {
  it('holds for rooftop solar on its own', () => {
    expect(criterion({ technologyId: 'rooftop-solar-pv' })?.result).toBe('passed');
  });

  it('fails for rooftop solar with a cupola upgrade in the same project, naming both measures', () => {
    const facts = { technologyId: 'rooftop-solar-pv', otherTechnologyIds: ['divided-blast-cupola'] };
    expect(criterion(facts)).toMatchObject({
      result: 'failed',
      value: 'rooftop-solar-pv + divided-blast-cupola',
    });
    // The verdict without the explanation agrees.
    expect(meetsConditions(star, { ...msme, ...facts }, asOf)).not.toBe(true);
  });

  it('fails when only a later measure is solar', () => {
    expect(
      criterion({ technologyId: 'divided-blast-cupola', otherTechnologyIds: ['rooftop-solar-pv'] })?.result,
    ).toBe('failed');
  });
});
