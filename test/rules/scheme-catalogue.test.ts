// The scheme catalogue as a whole: every file loads, all 21 schemes are there, every figure is sourced, nothing
// schemes.md marks UNCONFIRMED is stored as a fact, and statuses on 22-11-2026 match schemes.md's status table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loadSchemes, parseSchemeFile } from '../../src/catalogue/load-schemes.js';
import { conditionResult, evaluateScheme } from '../../src/domain/eligibility.js';
import { conditionLeaves, type Condition, type Scheme } from '../../src/domain/scheme-types.js';

const dataDir = path.resolve(import.meta.dirname, '../../data');
const schemes = loadSchemes(dataDir);
const scheme = (id: string): Scheme => {
  const found = schemes.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no scheme ${id}`);
  return found;
};

/** schemes.md § "Status on 22-11-2026". */
const statusOn20261122: Record<string, 'open' | 'closed' | 'unconfirmed'> = {
  cgtmse: 'open',
  'mcgs-msme': 'open',
  adeetie: 'open',
  'sidbi-4e': 'open',
  'sidbi-green-finance': 'open',
  'sidbi-star-solar': 'unconfirmed',
  'jica-sidbi-energy-saving': 'unconfirmed',
  prsf: 'unconfirmed',
  'mse-cdp-cfc': 'closed',
  'mse-cdp-infrastructure': 'closed',
  clcss: 'closed',
  'sclcss-scst': 'closed',
  'zed-certification': 'closed',
  'mse-gift': 'closed',
  'mse-spice': 'open',
  'punjab-ibdp-2022': 'open',
  'rajasthan-rips-2024': 'open',
  'wb-banglashree-energy-efficiency': 'closed',
  'haryana-energy-conservation': 'closed',
  'haryana-mini-cluster': 'unconfirmed',
  'kfc-machinery-loan': 'open',
};

function allConditions(s: Scheme): Extract<Condition, { id: string }>[] {
  return [
    ...conditionLeaves(s.eligibility),
    ...s.terms.flatMap((term) => (term.appliesWhen === undefined ? [] : conditionLeaves(term.appliesWhen))),
  ];
}

describe('scheme catalogue', () => {
  it('holds exactly the 21 schemes of schemes.md', () => {
    expect(schemes.map((s) => s.id).sort()).toEqual(Object.keys(statusOn20261122).sort());
  });

  it.each(Object.entries(statusOn20261122))('%s has the status of schemes.md on 2026-11-22', (id, status) => {
    expect(evaluateScheme(scheme(id), {}, '2026-11-22').status.status).toBe(status);
  });

  it('says why a closed scheme is closed, with the date', () => {
    expect(evaluateScheme(scheme('zed-certification'), {}, '2026-11-22').status).toMatchObject({
      closure: 'validity-ended',
      closedOn: '2026-03-31',
      note: { en: 'validity ended on 31-03-2026; extension not confirmed' },
    });
    expect(evaluateScheme(scheme('clcss'), {}, '2026-11-22').status).toMatchObject({
      closure: 'announced',
      closedOn: '2020-03-31',
    });
    expect(evaluateScheme(scheme('prsf'), {}, '2026-11-22').status.note?.en).toBe(
      'status to be confirmed with SIDBI',
    );
  });

  it('gives every dated value a reference URL and a confidence', () => {
    for (const s of schemes) {
      for (const term of s.terms) {
        for (const entry of term.series.values) {
          expect(entry.reference, `${s.id}/${term.id}`).toMatch(/^https?:\/\//);
          expect(['official', 'secondary', 'unconfirmed'], `${s.id}/${term.id}`).toContain(entry.confidence);
        }
      }
      for (const condition of allConditions(s))
        expect(condition.reference, `${s.id}/${condition.id}`).toMatch(/^https?:\/\//);
      expect(s.references.length, s.id).toBeGreaterThan(0);
    }
  });

  it('never stores an unconfirmed figure as a value', () => {
    for (const s of schemes) {
      for (const term of s.terms) {
        for (const entry of term.series.values) {
          if (entry.confidence === 'unconfirmed') expect(entry.value, `${s.id}/${term.id}`).toBeNull();
        }
      }
    }
  });

  it('ADEETIE never assumes a cluster is among the 60 notified', () => {
    const adeetie = scheme('adeetie');
    const batala = {
      state: 'PB',
      sector: 'foundry',
      category: 'micro',
      udyamRegistered: true,
      energySavingPct: new Decimal('30'),
      capexInr: new Decimal('2000000'),
    } as const;
    const result = evaluateScheme(adeetie, batala, '2026-11-22');
    expect(result.eligible).toBeNull();
    expect(result.criteria.find((c) => c.id === 'adeetie-notified-cluster')?.result).toBe('unknown');
    expect(adeetie.toConfirm.map((q) => q.id)).toContain('notified-cluster-list');
    const unconfirmed = adeetie.terms.filter((t) =>
      t.series.values.some((v) => v.confidence === 'unconfirmed'),
    );
    expect(unconfirmed.map((t) => t.id).sort()).toEqual(['interest-rate-ceiling', 'subvention-cap-per-unit']);
  });

  it('Punjab border-district status stays unknown for Batala (Gurdaspur)', () => {
    const punjab = scheme('punjab-ibdp-2022');
    const subsidy = punjab.terms.find((t) => t.id === 'interest-subsidy-priority');
    if (subsidy?.appliesWhen === undefined) throw new Error('border-district interest subsidy missing');
    const batala = { state: 'PB', district: 'Gurdaspur', ownership: [], punjabKandiArea: false } as const;
    expect(conditionResult(subsidy.appliesWhen, punjab, batala, '2026-11-22')).toBe('unknown');
    expect(
      conditionResult(subsidy.appliesWhen, punjab, { ...batala, punjabBorderDistrict: true }, '2026-11-22'),
    ).toBe('passed');
    expect(punjab.toConfirm.map((q) => q.id)).toContain('gurdaspur-border-district');
  });

  it("Howrah's Banglashree zone is not assumed anywhere", () => {
    for (const s of schemes) {
      expect(allConditions(s).filter((c) => c.kind === 'comparison' && c.fact === 'westBengalZone')).toEqual(
        [],
      );
    }
    expect(scheme('wb-banglashree-energy-efficiency').toConfirm.map((q) => q.id)).toContain('howrah-zone');
  });

  it('keeps the reported CGTMSE 90% women cover and every PRSF guarantee term as to be confirmed', () => {
    const women = scheme('cgtmse').terms.find((t) => t.id === 'cover-women-owned-enhanced');
    expect(women?.series.values.map((v) => [v.value, v.confidence])).toEqual([[null, 'unconfirmed']]);
    for (const term of scheme('prsf').terms) {
      expect(
        term.series.values.every((v) => v.value === null && v.confidence === 'unconfirmed'),
        term.id,
      ).toBe(true);
    }
  });

  it('CGTMSE ceiling is ₹5 crore to 31-03-2025 and ₹10 crore from 01-04-2025; fee slabs change on that date', () => {
    const cgtmse = scheme('cgtmse');
    const facts = { category: 'small', udyamRegistered: true, loanInr: new Decimal('70000000') } as const;
    const before = evaluateScheme(cgtmse, facts, '2025-03-31');
    expect(before.criteria.find((c) => c.id === 'cgtmse-loan-within-ceiling')).toMatchObject({
      result: 'failed',
      threshold: '50000000',
    });
    expect(before.toMakeItYes.map((s) => s.text.en)).toEqual([
      'Loan amount must be at most ₹5.00 crore; yours is ₹7.00 crore',
    ]);
    expect(evaluateScheme(cgtmse, facts, '2025-04-01').eligible).toBe(true);
    const fees = cgtmse.terms.find((t) => t.id === 'annual-guarantee-fee');
    expect(fees?.series.values.map((v) => [v.from, v.confidence])).toEqual([
      ['2023-04-01', 'official'],
      ['2025-04-01', 'secondary'],
    ]);
  });

  describe('a file with a mistake fails to load', () => {
    const text = readFileSync(path.join(dataDir, 'schemes', 'cgtmse.yaml'), 'utf8');
    const problems = (changed: string, fileId = 'cgtmse') => {
      const result = parseSchemeFile(changed, fileId);
      return 'problems' in result ? result.problems.join('\n') : '';
    };

    it('a misspelt fact', () => {
      expect(problems(text.replace('fact: loanInr', 'fact: loanInrr'))).toMatch(/fact must be one of/);
    });
    it('money written as a number', () => {
      expect(problems(text.replace("at_most: '500000'", 'at_most: 500000'))).toMatch(
        /decimal number in quotes/,
      );
    });
    it('a code that is not a value of the fact', () => {
      expect(problems(text.replace('in: [micro, small]', 'in: [micro, smal]'))).toMatch(
        /"smal" is not one of/,
      );
    });
    it('a threshold naming a term that does not exist', () => {
      expect(problems(text.replace('{ term: guarantee-ceiling }', '{ term: guarantee-cieling }'))).toMatch(
        /no term "guarantee-cieling"/,
      );
    });
    it('an id that differs from the file name', () => {
      expect(problems(text, 'cgtmse-copy')).toMatch(/differs from the file name/);
    });
    it('an unconfirmed figure given a value', () => {
      const changed = text.replace(
        'value: null\n          reference: https://www.dailyexcelsior.com',
        "value: '90'\n          reference: https://www.dailyexcelsior.com",
      );
      expect(problems(changed)).toMatch(/an unconfirmed value must be null/);
    });

    const haryana = readFileSync(path.join(dataDir, 'schemes', 'haryana-energy-conservation.yaml'), 'utf8');
    it('a cap limiting a rate that does not exist', () => {
      expect(
        problems(
          haryana.replace('limits: equipment-share-block-a', 'limits: equipment-share-block-z'),
          'haryana-energy-conservation',
        ),
      ).toMatch(/limits: no rate term "equipment-share-block-z"/);
    });
    it('a term other than a cap limiting a rate', () => {
      expect(
        problems(
          haryana.replace(
            'kind: duration\n    label: { en: Claim within',
            'kind: duration\n    limits: equipment-share-block-a\n    label: { en: Claim within',
          ),
          'haryana-energy-conservation',
        ),
      ).toMatch(/limits: only a cap limits a rate/);
    });
    it('a condition dated with something that is not a date', () => {
      const sclcss = readFileSync(path.join(dataDir, 'schemes', 'sclcss-scst.yaml'), 'utf8');
      expect(
        problems(
          sclcss.replace("from: '2021-11-15'\n          text", "from: '15-11-2021'\n          text"),
          'sclcss-scst',
        ),
      ).toMatch(/any\.1\.from: Invalid ISO date/);
    });

    const sidbi4e = readFileSync(path.join(dataDir, 'schemes', 'sidbi-4e.yaml'), 'utf8');
    it('an open question affecting a term that does not exist', () => {
      expect(
        problems(
          sidbi4e.replace('affects: [interest-concession-low,', 'affects: [interest-concession-lo,'),
          'sidbi-4e',
        ),
      ).toMatch(/to_confirm\[1\] \(interest-rate\)\.affects: no term "interest-concession-lo"/);
    });
    it('an open question affecting terms without the caveat to show', () => {
      expect(problems(sidbi4e.replace(/\n {4}caveat:\n( {6}.*\n){2}/, '\n'), 'sidbi-4e')).toMatch(
        /a question that affects terms says so in a caveat/,
      );
    });
  });
});
