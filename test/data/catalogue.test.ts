import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueError } from '../../src/catalogue/catalogue-error.js';
import { catalogueVersion } from '../../src/catalogue/catalogue-version.js';
import { loadCatalogue, type Catalogue } from '../../src/catalogue/load-catalogue.js';
import { classify, normsOn } from '../../src/domain/classification.js';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

// The stable ids of technologies.md's technology index.
const technologyIds = [
  'divided-blast-cupola',
  'cupola-to-induction-furnace',
  'efficient-induction-furnace',
  'induction-furnace-lid-and-practice',
  'power-factor-correction',
  'cupola-blower-vfd',
  'hot-blast-recuperator',
  'sand-reclamation',
  'ie3-motors',
  'vfd-pumps-fans',
  'compressed-air-leak-programme',
  'rooftop-solar-pv',
  'cupola-wet-scrubber',
  'cupola-bag-filter',
  'dyeing-waste-heat-recovery',
  'boiler-economiser',
  'efficient-shuttle-kiln',
];

interface FoundSeries {
  path: string;
  unit: unknown;
  values: { from?: unknown; reference?: unknown; confidence?: unknown; value?: unknown; note?: unknown }[];
}

/** Every dated series in a tree, found by shape so a new parameter file is covered without editing this test. */
function findSeries(tree: unknown, path: string, found: FoundSeries[] = []): FoundSeries[] {
  if (tree === null || typeof tree !== 'object' || tree instanceof Decimal) return found;
  if ('values' in tree && Array.isArray(tree.values)) {
    found.push({
      path,
      unit: (tree as { unit?: unknown }).unit,
      values: tree.values as FoundSeries['values'],
    });
    return found;
  }
  for (const [key, child] of Object.entries(tree)) findSeries(child, `${path}.${key}`, found);
  return found;
}

let catalogue: Catalogue;
let scratch: string;

beforeAll(() => {
  catalogue = loadCatalogue(dataDir);
  scratch = mkdtempSync(join(tmpdir(), 'haritsetu-catalogue-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh copy of data/ to break on purpose. */
function copyOfData(name: string): string {
  const copy = join(scratch, name);
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit to ${file} must change it`).not.toBe(before);
  writeFileSync(path, after);
}

function problemsOf(dir: string): readonly string[] {
  try {
    loadCatalogue(dir);
  } catch (error) {
    if (error instanceof CatalogueError) return error.problems;
    throw error;
  }
  return [];
}

describe('the committed catalogue', () => {
  it('has all 17 technologies of technologies.md, each in its own file', () => {
    expect(catalogue.technologies.map((technology) => technology.id).sort()).toEqual(
      [...technologyIds].sort(),
    );
    for (const id of technologyIds) expect(catalogue.technologyById(id)?.id).toBe(id);
  });

  it('has the 8 clusters with their state and district', () => {
    const clusters = catalogue.clusters.map((cluster) => [
      cluster.id,
      cluster.state,
      cluster.district,
      cluster.sector,
    ]);
    expect(clusters).toEqual([
      ['batala-foundry', 'PB', 'Gurdaspur', 'foundry'],
      ['jalandhar-foundry', 'PB', 'Jalandhar', 'foundry'],
      ['jaipur-foundry', 'RJ', 'Jaipur', 'foundry'],
      ['howrah-foundry', 'WB', 'Howrah', 'foundry'],
      ['shivamogga-foundry', 'KA', 'Shivamogga', 'foundry'],
      ['tirupur-textile', 'TN', 'Tiruppur', 'textile'],
      ['kanpur-leather', 'UP', 'Kanpur Nagar', 'leather'],
      ['khurja-pottery', 'UP', 'Bulandshahr', 'ceramics'],
    ]);
    expect(catalogue.clusterById('batala-foundry')?.name.hi).toBe('बटाला फाउंड्री क्लस्टर');
    expect(catalogue.clusterById('nowhere')).toBeUndefined();
  });

  it('keeps the facts schemes.md calls UNCONFIRMED unknown, with a note', () => {
    const batala = catalogue.clusterById('batala-foundry');
    expect(batala?.flags.punjabBorderDistrict).toMatchObject({ value: null, confidence: 'unconfirmed' });
    expect(catalogue.clusterById('howrah-foundry')?.flags.westBengalZone?.value).toBeNull();
    for (const cluster of catalogue.clusters) {
      expect(cluster.flags.adeetieNotifiedCluster.value, cluster.id).toBeNull();
      expect(cluster.flags.adeetieNotifiedCluster.note, cluster.id).toBeTruthy();
    }
  });

  it('gives every dated value a unit, a reference, a confidence and a start date, in date order', () => {
    const series = findSeries({ parameters: catalogue.parameters, technologies: catalogue.technologies }, '');
    expect(series.length).toBeGreaterThan(100);
    for (const { path, unit, values } of series) {
      expect(typeof unit === 'string' && unit.length > 0, `${path}: unit`).toBe(true);
      expect(values.length, `${path}: values`).toBeGreaterThan(0);
      values.forEach((entry, index) => {
        expect(entry.from, `${path}[${index}].from`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(
          typeof entry.reference === 'string' && entry.reference.length > 0,
          `${path}[${index}].reference`,
        ).toBe(true);
        expect(['official', 'secondary', 'unconfirmed'], `${path}[${index}].confidence`).toContain(
          entry.confidence,
        );
        const previous = values[index - 1];
        if (previous !== undefined)
          expect(String(entry.from) > String(previous.from), `${path}[${index}]`).toBe(true);
      });
    }
  });

  it('uses the CEA v20 grid factor of 0.727 t/MWh for FY2023-24 onwards', () => {
    const weighted = catalogue.parameters.gridEmissionFactors.weightedAverage;
    const latest = weighted.values.find((entry) => entry.from === '2023-04-01');
    expect(latest?.value?.default?.toString()).toBe('0.727');
  });

  it('derives each fuel CO2 factor as NCV × EF ÷ 10⁶ where both are given', () => {
    for (const [fuel, factors] of Object.entries(catalogue.parameters.fuelEmissionFactors)) {
      const ncv = factors.netCalorificValueGjPerTonne.values[0]?.value?.default;
      const ef = factors.co2KgPerTj.values[0]?.value?.default;
      const perTonne = factors.co2TonnesPerTonne.values[0]?.value?.default;
      if (ncv == null || ef == null) continue;
      expect(perTonne?.toString(), fuel).toBe(ncv.times(ef).dividedBy(1_000_000).toString());
    }
  });

  it('classifies with the norms in the data file (2020 before 2025-04-01, revised after)', () => {
    const enterprise = {
      investment: new Decimal('20000000'),
      turnover: new Decimal('90000000'),
      exportTurnover: new Decimal('0'),
    };
    const before = normsOn(catalogue, '2025-03-31');
    const after = normsOn(catalogue, '2025-04-01');
    if (before === undefined || after === undefined) throw new Error('norms missing');
    expect(classify(enterprise, before).category).toBe('small');
    expect(classify(enterprise, after).category).toBe('micro');
    expect(normsOn(catalogue, '2020-06-30')).toBeUndefined();
  });

  it('is frozen all the way down', () => {
    const cluster = catalogue.clusters[0];
    expect(Object.isFrozen(catalogue)).toBe(true);
    expect(Object.isFrozen(catalogue.clusters)).toBe(true);
    expect(Object.isFrozen(cluster?.flags.aspirationalDistrict)).toBe(true);
    expect(Object.isFrozen(catalogue.parameters.msmeNorms.values[0])).toBe(true);
    expect(() => {
      (catalogue.clusters as Catalogue['clusters'][number][]).push(catalogue.clusters[0]!);
    }).toThrow(TypeError);
  });
});

describe('catalogue version', () => {
  it('is 12 hex characters, the same for the same files wherever they are', () => {
    const copy = copyOfData('same');
    expect(catalogue.version).toMatch(/^[0-9a-f]{12}$/);
    expect(catalogueVersion(dataDir)).toBe(catalogue.version);
    expect(catalogueVersion(copy)).toBe(catalogue.version);
  });

  it('changes when a catalogue file changes', () => {
    const copy = copyOfData('changed');
    edit(copy, 'parameters/finance.yaml', (text) => `${text}# reviewed\n`);
    expect(catalogueVersion(copy)).not.toBe(catalogue.version);
  });

  it('ignores locales, migrations and seed, which are not policy', () => {
    const copy = copyOfData('not-policy');
    for (const folder of ['locales', 'migrations', 'seed']) {
      mkdirSync(join(copy, folder), { recursive: true });
      writeFileSync(join(copy, folder, 'extra-file.txt'), 'not part of the rules');
    }
    expect(catalogueVersion(copy)).toBe(catalogue.version);
  });
});

describe('a broken catalogue is refused with every problem named by file and path', () => {
  it.each([
    {
      what: 'a missing reference',
      file: 'parameters/finance.yaml',
      change: (text: string) => text.replace(/\n {6}reference: [^\n]+/, ''),
      problem: /^data\/parameters\/finance\.yaml: discountRatePct\.values\[0\]\.reference: /,
    },
    {
      what: 'a missing unit',
      file: 'parameters/fuel-prices.yaml',
      change: (text: string) => text.replace(/\n {2}unit: [^\n]+/, ''),
      problem: /^data\/parameters\/fuel-prices\.yaml: foundryCokeInrPerTonne\.unit: /,
    },
    {
      what: 'a missing confidence',
      file: 'technologies/ie3-motors.yaml',
      change: (text: string) => text.replace(/\n {8}confidence: unconfirmed/, ''),
      problem:
        /^data\/technologies\/ie3-motors\.yaml: savingModel\.percentagePoints\.values\[0\]\.confidence: /,
    },
    {
      what: 'two values starting on the same date',
      file: 'parameters/finance.yaml',
      change: (text: string) => text.replace('- from: 2025-03-01', '- from: 2024-03-01'),
      problem: /^data\/parameters\/finance\.yaml: walrFreshMsmeLoansPct: two values start on 2024-03-01/,
    },
    {
      what: 'start dates out of order',
      file: 'parameters/msme-norms.yaml',
      change: (text: string) => text.replace('- from: 2025-04-01', '- from: 2019-04-01'),
      problem: /^data\/parameters\/msme-norms\.yaml: norms\.values\[1\]\.from: 2019-04-01 is not after/,
    },
    {
      what: 'an unquoted number',
      file: 'parameters/bank-norms.yaml',
      change: (text: string) => text.replace('value: "1.33"', 'value: 1.33'),
      problem:
        /^data\/parameters\/bank-norms\.yaml: currentRatioMin\.values\[0\]\.value: write the number in quotes/,
    },
    {
      what: 'a technology whose id differs from its file name',
      file: 'technologies/ie3-motors.yaml',
      change: (text: string) => text.replace('id: ie3-motors', 'id: ie4-motors'),
      problem: /^data\/technologies\/ie3-motors\.yaml: id: "ie4-motors" must equal the file name/,
    },
    {
      what: 'an unknown flag without a note',
      file: 'clusters.yaml',
      change: (text: string) =>
        text.replace(
          /(westBengalZone:\n {8}value: null\n[\s\S]*?)\n {8}note: >-\n(?: {10}[^\n]+\n)+/,
          '$1\n',
        ),
      problem:
        /^data\/clusters\.yaml: clusters\[3\]\.flags\.westBengalZone: a flag whose value is null needs a note/,
    },
    {
      what: 'a scheme condition naming a technology that is not in the catalogue',
      file: 'schemes/rajasthan-rips-2024.yaml',
      change: (text: string) =>
        text.replace('in: [cupola-to-induction-furnace]', 'in: [cupola-to-induction]'),
      problem:
        /^data\/schemes\/rajasthan-rips-2024\.yaml: rips-clean-technology-machinery: technology "cupola-to-induction" is not in data\/technologies/,
    },
  ])('$what', ({ file, change, problem }) => {
    const copy = copyOfData(file.replace(/\W/g, '-') + String(problem.source.length));
    edit(copy, file, change);
    const problems = problemsOf(copy);
    expect(
      problems.some((message) => problem.test(message)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('lists problems from several files in one error', () => {
    const copy = copyOfData('several');
    edit(copy, 'clusters.yaml', (text) => text.replace('sector: leather', 'sector: tannery'));
    rmSync(join(copy, 'parameters/tax-depreciation.yaml'));
    const problems = problemsOf(copy);
    expect(problems.some((message) => message.startsWith('data/clusters.yaml: clusters[6].sector:'))).toBe(
      true,
    );
    expect(
      problems.some((message) => message.startsWith('data/parameters/tax-depreciation.yaml: cannot be read')),
    ).toBe(true);
  });
});
