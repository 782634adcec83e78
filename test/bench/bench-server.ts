import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRoot } from '../../src/paths.js';

// The server built with this benchmark (dist/src/server.js): what `npm start` runs.
const serverModule = fileURLToPath(new URL('../../src/server.js', import.meta.url));

/**
 * The real server in its own process, as in production, so the load generator in this process does not
 * share the server's event loop. Resolves with its base URL and a stop function.
 */
export async function startBenchServer(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'haritsetu-bench-'));
  const child = spawn(process.execPath, ['--enable-source-maps', serverModule], {
    cwd: fromRoot('.'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_PATH: join(dir, 'bench.sqlite'),
      LOG_LEVEL: 'warn',
      API_REQUESTS_PER_MINUTE: '10000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1].replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}: ${output}`)));
  });
  return { url, stop };
}
