// Reads data/schemes/*.yaml at start-up. Any problem in any file stops the load with every problem listed, so a
// typo in a fact name or a missing reference never reaches a user.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { Scheme } from '../domain/scheme-types.js';
import { schemeFileSchema, toScheme } from './scheme-schema.js';

export class SchemeCatalogueError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The scheme catalogue is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'SchemeCatalogueError';
  }
}

/** Parses one scheme file's text; `fileId` is the file name without `.yaml`, which must equal the scheme id. */
export function parseSchemeFile(text: string, fileId: string): { scheme: Scheme } | { problems: string[] } {
  // The core schema keeps unquoted dates as strings; scheme files quote them anyway.
  const parsed = schemeFileSchema.safeParse(parse(text, { schema: 'core' }));
  if (!parsed.success) {
    return {
      problems: closestIssues(parsed.error.issues, []).map(
        (issue) => `${fileId}.yaml: ${issue.path.join('.') || '(file)'}: ${issue.message}`,
      ),
    };
  }
  if (parsed.data.id !== fileId) {
    return { problems: [`${fileId}.yaml: id "${parsed.data.id}" differs from the file name`] };
  }
  const converted = toScheme(parsed.data);
  if ('problems' in converted)
    return { problems: converted.problems.map((problem) => `${fileId}.yaml: ${problem}`) };
  return converted;
}

/**
 * A condition is a union (all / any / not / comparison / to_confirm), and zod reports a bad one as "Invalid input".
 * The branch with the fewest issues is the one the author meant, so its issues are the ones worth showing.
 */
function closestIssues(
  issues: readonly z.core.$ZodIssue[],
  at: readonly PropertyKey[],
): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const where = [...at, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0)
      return [{ path: where, message: issue.message }];
    const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
    return closestIssues(closest, where);
  });
}

export function loadSchemes(dataDir: string): readonly Scheme[] {
  const directory = path.join(dataDir, 'schemes');
  const fileNames = readdirSync(directory)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const problems: string[] = [];
  const schemes: Scheme[] = [];
  for (const fileName of fileNames) {
    const result = parseSchemeFile(
      readFileSync(path.join(directory, fileName), 'utf8'),
      path.basename(fileName, '.yaml'),
    );
    if ('problems' in result) problems.push(...result.problems);
    else schemes.push(result.scheme);
  }
  const ids = new Set(schemes.map((scheme) => scheme.id));
  for (const scheme of schemes) {
    for (const rule of scheme.stacking) {
      if (!ids.has(rule.scheme))
        problems.push(`${scheme.id}.yaml: stacking names unknown scheme "${rule.scheme}"`);
    }
    for (const term of scheme.terms) {
      if (term.ofScheme !== undefined && !ids.has(term.ofScheme))
        problems.push(`${scheme.id}.yaml: term ${term.id} names unknown scheme "${term.ofScheme}"`);
    }
  }
  if (problems.length > 0) throw new SchemeCatalogueError(problems);
  return Object.freeze(schemes);
}
