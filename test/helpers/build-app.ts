import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Vitest global set-up for the browser tests: builds the app once (`npm run build`), so every test file starts
 * the server `npm start` runs, dist/src/server.js, from the sources as they are now.
 */
export default function buildApp(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
