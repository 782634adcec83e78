import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { seriesProblems } from './series-rules.js';

/** Collects problems across files so a bad catalogue is reported in full, not one error at a time. */
export type ProblemList = string[];

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

/**
 * Reads `relativePath` under `dataDir` and validates it. Returns undefined (after recording why) when the file is
 * missing, is not YAML, does not match the schema or breaks a dated-series rule. The core schema keeps `2025-04-01` a string, as dates must be.
 */
export function readYamlFile<S extends z.ZodType>(
  dataDir: string,
  relativePath: string,
  schema: S,
  problems: ProblemList,
): z.output<S> | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, relativePath), 'utf8');
  } catch (error) {
    problems.push(`data/${relativePath}: cannot be read (${(error as Error).message})`);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = parse(text, { schema: 'core', uniqueKeys: true });
  } catch (error) {
    problems.push(`data/${relativePath}: is not valid YAML (${(error as Error).message})`);
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`data/${relativePath}: ${formatPath(issue.path)}: ${issue.message}`);
    }
    return undefined;
  }
  const seriesIssues = seriesProblems(result.data);
  if (seriesIssues.length > 0) {
    problems.push(...seriesIssues.map((issue) => `data/${relativePath}: ${issue}`));
    return undefined;
  }
  return result.data;
}
