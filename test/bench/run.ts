// `npm run bench`: runs every test/bench/*-bench.ts module in turn and prints one line per measure.
// A module exports `bench(): Promise<BenchLine[]>`; adding a benchmark is adding a file. The script runs the build
// (dist/test/bench/*.js), as the server runs it in production (decision 0009).
import { readdirSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchLine } from './bench-line.js';

const here = fileURLToPath(import.meta.url);
const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const modules = readdirSync(dir)
  .filter((name) => name.endsWith(`-bench${extname(here)}`) && (!only || name.startsWith(only)))
  .sort();

let missed = 0;
for (const name of modules) {
  const module = (await import(new URL(name, import.meta.url).href)) as { bench: () => Promise<BenchLine[]> };
  for (const line of await module.bench()) {
    const verdict =
      line.target === undefined
        ? ''
        : line.met
          ? `  (target ${line.target}: met)`
          : `  (target ${line.target}: MISSED)`;
    if (line.target !== undefined && !line.met) missed++;
    console.log(`${line.name}: ${line.value}${verdict}`);
  }
}
console.log(missed === 0 ? 'All targets met.' : `${missed} target(s) missed.`);
