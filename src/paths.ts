import { fileURLToPath } from 'node:url';
import { isAbsolute, join, resolve } from 'node:path';

/** The project folder, whatever the working directory. */
export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
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
