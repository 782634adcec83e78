import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';

const require = createRequire(import.meta.url);
const htmxVersion = (require('htmx.org/package.json') as { version: string }).version;
const htmxDist = join(require.resolve('htmx.org/package.json'), '..', 'dist');

export const HTMX_URL = `/vendor/htmx/${htmxVersion}/htmx.min.js`;

/**
 * URLs of our own assets carry a content hash (?v=…), so browsers may cache them for a year and still
 * see a change at once; htmx carries its version in the path.
 */
export function assetUrls(publicDir: string): (path: string) => string {
  const cache = new Map<string, string>();
  return (path) => {
    let url = cache.get(path);
    if (!url) {
      const hash = createHash('sha256')
        .update(readFileSync(join(publicDir, path)))
        .digest('hex')
        .slice(0, 10);
      url = `/assets/${path}?v=${hash}`;
      cache.set(path, url);
    }
    return url;
  };
}

export function staticAssets(publicDir: string): express.Router {
  const router = express.Router();
  const yearLong = { maxAge: '365d', immutable: true, index: false, fallthrough: false } as const;
  router.use('/assets', express.static(publicDir, yearLong));
  router.get(HTMX_URL, ((_req, res) => {
    res.sendFile(join(htmxDist, 'htmx.min.js'), { maxAge: '365d', immutable: true });
  }) as RequestHandler);
  return router;
}
