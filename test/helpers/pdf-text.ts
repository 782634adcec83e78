import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'supertest';

// Reading the PDFs the app sends: the body as bytes, and their text as poppler's pdftotext reads it.

/** The response body as bytes, whatever its type. */
export const asBuffer = (request: Test) =>
  request.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });

/** The PDF's text as poppler's pdftotext reads it, where that tool is installed (CI installs it). */
export function pdfText(pdf: Buffer): string | undefined {
  if (!existsSync('/usr/bin/pdftotext')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'haritsetu-pdf-'));
  try {
    writeFileSync(join(dir, 'file.pdf'), pdf);
    return execFileSync('/usr/bin/pdftotext', ['-layout', join(dir, 'file.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
