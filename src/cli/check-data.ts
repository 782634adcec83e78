// `npm run data:check`: validates everything under data/ the way the server does at start-up, and summarises
// how much of the catalogue rests on estimates. Exits 1 with every problem listed if anything is wrong.
import { CatalogueError } from '../catalogue/catalogue-error.js';
import { loadCatalogue, type Catalogue } from '../catalogue/load-catalogue.js';
import { complain, say } from '../log.js';
import { fromRoot } from '../paths.js';

const dataDir = process.argv[2] ?? fromRoot('data');

function countByConfidence(tree: unknown, counts: Map<string, number>): void {
  if (tree === null || typeof tree !== 'object') return;
  const entry = tree as { from?: unknown; confidence?: unknown; value?: unknown };
  if (typeof entry.from === 'string' && typeof entry.confidence === 'string') {
    const key = entry.value === null ? 'unknown (null)' : entry.confidence;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return;
  }
  for (const child of Object.values(tree)) countByConfidence(child, counts);
}

function summary(catalogue: Catalogue): string {
  const counts = new Map<string, number>();
  countByConfidence({ parameters: catalogue.parameters, technologies: catalogue.technologies }, counts);
  const byConfidence = [...counts.entries()]
    .map(([confidence, count]) => `${confidence} ${count}`)
    .join(', ');
  return [
    `Catalogue ${catalogue.version}: ${catalogue.clusters.length} clusters, ${catalogue.technologies.length} technologies, ${catalogue.schemes.length} schemes.`,
    `Dated parameter and technology values by confidence: ${byConfidence}.`,
  ].join('\n');
}

try {
  say(summary(loadCatalogue(dataDir)));
} catch (error) {
  if (!(error instanceof CatalogueError)) throw error;
  complain(`${error.problems.length} problem(s) in ${dataDir}:`);
  for (const problem of error.problems) complain(`  - ${problem}`);
  process.exitCode = 1;
}
