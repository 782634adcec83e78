import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildTestApp, csrfTokenIn, loggedInAgent } from '../helpers/test-app.js';

const ROWS = 100_000;

// A full collection before each reading, so what is measured is memory held, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;

/** The sheet of a very large association: 100,000 units, every tenth with a problem. */
async function writeLargeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    'Enterprise name,Udyam number,Cluster,Investment in plant and machinery (₹),Turnover (₹),Production (tonnes per year),Electricity (kWh per year),Coke (tonnes per year),Annual energy bill (₹),CMR rank\r\n',
  );
  for (let i = 0; i < ROWS; i += 1) {
    const udyam = `UDYAM-PB-03-${String(1_000_000 + i).padStart(7, '0')}`;
    const turnover = i % 10 === 9 ? 'unknown' : `${(i % 50) + 1}.5 crore`;
    if (
      !out.write(
        `Unit ${i},${udyam},batala-foundry,"${(i % 90) + 10},00,000",${turnover},${i % 3000},"4,50,000",${i % 400},12 lakh,${(i % 10) + 1}\r\n`,
      )
    )
      await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

describe('bulk import of 100,000 rows', () => {
  it('streams the file and applies it with bounded memory', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'haritsetu-import-'));
    try {
      const path = join(dir, 'large.csv');
      await writeLargeCsv(path);
      const testApp = await buildTestApp();
      const { agent } = await loggedInAgent(testApp.app, 'advisor@demo.in');
      const token = csrfTokenIn((await agent.get('/imports')).text);

      let peak = 0;
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
      const baseline = heapAfterGc();
      const started = performance.now();
      const uploaded = await agent.post(`/imports?_csrf=${encodeURIComponent(token)}`).attach('file', path);
      expect(uploaded.status).toBe(303);
      const previewPage = await agent.get(uploaded.headers.location as string);
      const previewed = performance.now();
      const afterPreview = heapAfterGc();
      // The preview page shows counts and a bounded number of rows, whatever the file's size.
      expect(previewPage.text.length).toBeLessThan(200_000);
      const confirmed = await agent
        .post(`${uploaded.headers.location as string}/confirm`)
        .type('form')
        .send({ _csrf: csrfTokenIn(previewPage.text), duplicates: 'flag' });
      expect(confirmed.status).toBe(303);
      const done = performance.now();
      clearInterval(sample);
      const afterConfirm = heapAfterGc();

      const id = Number((uploaded.headers.location as string).split('/').pop());
      expect(testApp.repos.imports.findBatch(id)!.counts).toEqual({
        imported: 90_000,
        updated: 0,
        skipped: 0,
        flagged: 0,
        rejected: 10_000,
        blank: 0,
      });
      const report = {
        uploadAndPreviewSeconds: ((previewed - started) / 1000).toFixed(1),
        confirmSeconds: ((done - previewed) / 1000).toFixed(1),
        rowsPerSecond: Math.round(ROWS / ((done - started) / 1000)),
        baselineHeapMb: (baseline / MB).toFixed(0),
        afterPreviewHeapMb: (afterPreview / MB).toFixed(0),
        afterConfirmHeapMb: (afterConfirm / MB).toFixed(0),
        peakHeapGrowthMb: ((peak - baseline) / MB).toFixed(0),
        peakRssMb: (process.memoryUsage().rss / MB).toFixed(0),
      };
      process.stdout.write(`bulk import of ${ROWS} rows: ${JSON.stringify(report)}\n`);
      // Generous bounds. The file is ~12 MB of text; holding its rows as objects would take several hundred MB.
      // What stays after each phase is small (the database itself lives outside the JS heap); the peak includes
      // garbage a collection would free.
      expect(afterPreview - baseline).toBeLessThan(40 * MB);
      expect(afterConfirm - baseline).toBeLessThan(40 * MB);
      expect(peak - baseline).toBeLessThan(250 * MB);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
