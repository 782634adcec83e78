import { describe, expect, it } from 'vitest';
import { autoMap, IMPORT_FIELDS, mappingProblems, TEMPLATE_HEADERS } from './import-columns.js';
import { csvLine } from './import-csv.js';
import { ImportPlanner } from './import-plan.js';
import { checkImportRow, type RowContext } from './import-row.js';

const context: RowContext = {
  ownClusters: [{ id: 'batala-foundry', names: ['Batala foundry cluster', 'बटाला फाउंड्री क्लस्टर'] }],
  otherClusters: [{ id: 'howrah-foundry', names: ['Howrah foundry cluster'] }],
};
const mapping = autoMap(IMPORT_FIELDS.map((field) => TEMPLATE_HEADERS.en[field]));
const row = (overrides: Partial<Record<(typeof IMPORT_FIELDS)[number], string>>) =>
  IMPORT_FIELDS.map((field) => overrides[field] ?? '');
const valid = { name: 'Unit', udyamNumber: 'UDYAM-PB-03-0000001', cluster: 'batala-foundry' };

describe('import columns', () => {
  it('recognise both template languages and common synonyms, ignoring case, punctuation and units', () => {
    expect(autoMap(IMPORT_FIELDS.map((field) => TEMPLATE_HEADERS.hi[field]))).toEqual(mapping);
    expect(
      autoMap(['UNIT NAME', 'Udyam Registration No.', 'Cluster Name', 'P & M Investment (Rs)', 'Sales']),
    ).toMatchObject({
      name: 0,
      udyamNumber: 1,
      cluster: 2,
      investmentInr: 3,
      turnoverInr: 4,
      cokeTonnes: null,
    });
  });

  it('refuse a mapping without a required field or with one column twice', () => {
    expect(mappingProblems({ ...mapping, udyamNumber: null, turnoverInr: 0 }, 10)).toEqual({
      udyamNumber: 'required-missing',
      turnoverInr: 'column-twice',
    });
    expect(mappingProblems(mapping, 10)).toEqual({});
  });
});

describe('an import row', () => {
  it('reads Indian amounts and units written in the cell', () => {
    const check = checkImportRow(
      row({
        ...valid,
        investmentInr: '₹ 12,50,000',
        turnoverInr: '1.2 crore',
        productionTonnes: '2,400 t',
        electricityKwh: '4.5 lakh kWh',
        cmrRank: 'CMR-4',
      }),
      mapping,
      context,
    );
    expect(check.kind).toBe('valid');
    if (check.kind !== 'valid') return;
    expect(check.values.investmentInr?.toFixed()).toBe('1250000');
    expect(check.values.turnoverInr?.toFixed()).toBe('12000000');
    expect(check.values.productionTonnes?.toFixed()).toBe('2400');
    expect(check.values.electricityKwh?.toFixed()).toBe('450000');
    expect(check.values.credit).toEqual({ newToCredit: false, cmrRank: 4 });
  });

  it('names every bad cell, never just the first', () => {
    expect(
      checkImportRow(
        row({
          udyamNumber: 'UDYAM-1',
          cluster: 'Howrah foundry cluster',
          turnoverInr: '-5',
          cokeTonnes: '12,5',
          cmrRank: '0',
        }),
        mapping,
        context,
      ),
    ).toEqual({
      kind: 'invalid',
      problems: {
        name: 'required',
        udyamNumber: 'udyam-format',
        cluster: 'cluster-not-yours',
        turnoverInr: 'negative',
        cokeTonnes: 'misplaced-comma',
        cmrRank: 'cmr-range',
      },
    });
  });

  it('is blank when every mapped cell is empty, and takes off the formula guard of our own CSV', () => {
    expect(checkImportRow(row({}), mapping, context)).toEqual({ kind: 'blank' });
    const guarded = checkImportRow(row({ ...valid, name: "'=Unit" }), mapping, context);
    expect(guarded.kind === 'valid' && guarded.values.name).toBe('=Unit');
    expect(csvLine(['=Unit', '-2,50,000', 'a "b"'])).toBe(`'=Unit,"-2,50,000","a ""b"""\r\n`);
  });
});

describe('the import plan', () => {
  const check = (udyam: string, cluster = 'batala-foundry') =>
    checkImportRow(row({ ...valid, udyamNumber: udyam, cluster }), mapping, context);

  it('tells duplicates in the file from those in the database and applies the choice to both', () => {
    const planner = new ImportPlanner('skip', (udyam) =>
      udyam === 'UDYAM-PB-03-0000009'
        ? { visible: true, enterpriseId: 7, clusterId: 'batala-foundry' }
        : undefined,
    );
    const plans = [
      check('UDYAM-PB-03-0000001'),
      check('UDYAM-PB-03-0000001'),
      check('UDYAM-PB-03-0000009'),
    ].map((c) => planner.plan(c));
    expect(plans.map((p) => [p.outcome, p.duplicateOf])).toEqual([
      ['create', null],
      ['skip', 'file'],
      ['skip', 'database'],
    ]);
  });

  it('rejects a number held outside the association, and a duplicate placed in another cluster', () => {
    const planner = new ImportPlanner('update', (udyam) =>
      udyam === 'UDYAM-WB-12-0000001' ? { visible: false } : undefined,
    );
    expect(planner.plan(check('UDYAM-WB-12-0000001')).problems).toEqual({ udyamNumber: 'udyam-elsewhere' });
    planner.plan(check('UDYAM-PB-03-0000002'));
    const moved = checkImportRow(
      row({ ...valid, udyamNumber: 'UDYAM-PB-03-0000002' }),
      { ...mapping },
      {
        ownClusters: [...context.ownClusters, { id: 'jalandhar-foundry', names: [] }],
        otherClusters: [],
      },
    );
    if (moved.kind === 'valid') moved.values.clusterId = 'jalandhar-foundry';
    expect(planner.plan(moved)).toMatchObject({
      outcome: 'reject',
      problems: { cluster: 'cluster-differs' },
    });
  });
});
