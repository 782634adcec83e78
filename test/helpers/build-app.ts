import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Vitest global set-up for the browser tests: `npm run build` once, so every test file starts the server
 * `npm start` runs, dist/src/server.js, from the sources as they are now.
 */
export default function buildApp(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}
