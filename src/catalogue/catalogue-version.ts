import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Top-level folders of data/ that are not policy: UI strings, schema changes and demo records. */
const notCatalogue = new Set(['locales', 'migrations', 'seed']);

function catalogueFiles(dataDir: string, dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === dataDir && notCatalogue.has(entry.name)) continue;
      files.push(...catalogueFiles(dataDir, path));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files;
}

/**
 * Content hash of every catalogue file under data/ (sha256, first 12 hex characters). Stored with each assessment so
 * a result can be re-run against the exact rules it used. Paths are hashed too, so a rename changes the version.
 */
export function catalogueVersion(dataDir: string): string {
  const hash = createHash('sha256');
  const paths = catalogueFiles(dataDir, dataDir)
    .map((path) => ({ path, key: relative(dataDir, path).split(sep).join('/') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { path, key } of paths) {
    hash.update(key).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
