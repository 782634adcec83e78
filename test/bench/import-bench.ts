import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { ClusterNames } from '../../src/domain/import-row.js';
import { readSheet } from '../../src/web/imports/import-file-reader.js';
import { actorFor, changeContext } from '../builders/people-and-energy.js';
import { catalogue } from '../helpers/catalogue-fixture.js';
import { buildTestApp } from '../helpers/test-app.js';
import type { BenchLine } from './bench-line.js';

const ROWS = 100_000;
const MB = 1024 * 1024;

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    'Enterprise name,Udyam number,Cluster,Investment in plant and machinery (₹),Turnover (₹),Coke (tonnes per year)\r\n',
  );
  for (let i = 0; i < ROWS; i += 1) {
    const udyam = `UDYAM-PB-03-${String(1_000_000 + i).padStart(7, '0')}`;
    if (
      !out.write(
        `Unit ${i},${udyam},batala-foundry,"${(i % 90) + 10},00,000",${(i % 50) + 1}.5 crore,${i % 400}\r\n`,
      )
    ) {
      await once(out, 'drain');
    }
  }
  out.end();
  await finished(out);
}

/** A 100,000-row association sheet streamed, staged and confirmed: rows per second and the peak resident memory. */
export async function bench(): Promise<BenchLine[]> {
  const dir = await mkdtemp(join(tmpdir(), 'haritsetu-import-bench-'));
  try {
    const path = join(dir, 'units.csv');
    await writeCsv(path);
    const testApp = await buildTestApp();
    const { services } = testApp;
    const advisor = actorFor(testApp, 'advisor@demo.in');
    const known: ClusterNames[] = catalogue.clusters.map((cluster) => ({
      id: cluster.id,
      names: [cluster.name.en, cluster.name.hi],
    }));
    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const uploaded = await services.imports.upload(
      advisor,
      'units.csv',
      readSheet(path, 'csv'),
      known,
      changeContext(advisor),
    );
    if (!('batchId' in uploaded)) throw new Error(`upload refused: ${uploaded.refusal}`);
    const batch = services.imports.find(advisor, uploaded.batchId);
    if (!batch) throw new Error('batch not found');
    services.imports.confirm(advisor, batch, 'skip', known, changeContext(advisor));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sample);
    const rate = ROWS / seconds;
    return [
      {
        name: 'bulk import of 100,000 CSV rows (upload + confirm)',
        value: `${Math.round(rate).toLocaleString('en-IN')} rows per second`,
        target: '≥ 5,000 rows per second',
        met: rate >= 5000,
      },
      {
        name: 'peak resident memory during the import',
        value: `${Math.round(peak / MB)} MB`,
        target: '< 300 MB',
        met: peak < 300 * MB,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
