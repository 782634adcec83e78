import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * The project folder (the one with package.json and views/) above this module: src/ when tsx runs the sources,
 * dist/src/ when the build runs (`npm start`), so views, data and public are found either way, whatever the working
 * directory.
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'views')))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no project folder above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export const ROOT_DIR = projectRoot();
export const VIEWS_DIR = join(ROOT_DIR, 'views');
export const PUBLIC_DIR = join(ROOT_DIR, 'public');

export function fromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(ROOT_DIR, path);
}

export const dataPaths = (dataDir: string) => ({
  dataDir,
  migrations: join(dataDir, 'migrations'),
  locales: join(dataDir, 'locales'),
  demoSeed: join(dataDir, 'seed', 'demo.yaml'),
});
