// Rules every dated series in a catalogue file obeys beyond its zod shape. They read the parsed file as a
// tree, so one walker covers clusters, parameters and technologies alike.

interface SeriesEntryLike {
  from: string;
  value: unknown;
  confidence: string;
  note?: string | undefined;
}

function isSeries(node: object): node is { unit: string; values: SeriesEntryLike[] } {
  const candidate = node as { unit?: unknown; values?: unknown };
  return (
    typeof candidate.unit === 'string' &&
    Array.isArray(candidate.values) &&
    candidate.values.every((entry) => typeof entry === 'object' && entry !== null && 'from' in entry)
  );
}

function entryProblems(values: readonly SeriesEntryLike[]): string[] {
  const problems: string[] = [];
  values.forEach((entry, index) => {
    const previous = values[index - 1];
    // Start dates in order make a file readable as a history; out of order usually means a typo in a year.
    if (previous !== undefined && entry.from <= previous.from) {
      problems.push(
        `values[${index}].from: ${entry.from} is not after the previous start date ${previous.from}`,
      );
    }
    if (entry.value === null && entry.note === undefined) {
      problems.push(`values[${index}]: a null value needs a note saying what is unknown and whom to ask`);
    }
    if (entry.value !== null && entry.confidence === 'unconfirmed' && entry.note === undefined) {
      problems.push(`values[${index}]: an unconfirmed value needs a note labelling it as an estimate`);
    }
  });
  return problems;
}

/** Problems in every dated series found anywhere in `tree`, each prefixed with its path. */
export function seriesProblems(tree: unknown, path = ''): string[] {
  if (tree === null || typeof tree !== 'object') return [];
  if (isSeries(tree))
    return entryProblems(tree.values).map((problem) => `${path}.${problem}`.replace(/^\./, ''));
  const problems: string[] = [];
  for (const [key, child] of Object.entries(tree)) {
    const childPath = Array.isArray(tree) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    problems.push(...seriesProblems(child, childPath));
  }
  return problems;
}
