import type { CellProblems, ImportValues, RowCheck } from './import-row.js';

// What happens to each row of a batch. Rows are decided in file order; a Udyam number is claimed by the first
// valid row that carries it, and every later row with the same number is a duplicate "within the file". A number
// already registered before this batch is a duplicate "in the database". The advisor chooses once, for all
// duplicates, whether the row updates the unit, is skipped, or is flagged for them to look at.

export const DUPLICATE_CHOICES = ['update', 'skip', 'flag'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

export type RowOutcome = 'blank' | 'create' | 'update' | 'skip' | 'flag' | 'reject';
export type DuplicateOf = 'file' | 'database';

/** A unit already registered under a Udyam number, as far as the advisor may know it. */
export type ExistingUnit =
  | { visible: true; enterpriseId: number; clusterId: string }
  /** Registered by a unit outside the advisor's association: it can be neither updated nor shown. */
  | { visible: false };

export type PlanProblem = 'udyam-elsewhere' | 'cluster-differs';

export interface PlannedRow {
  /** undefined while the advisor has not chosen what to do with duplicates (the preview). */
  outcome: RowOutcome | undefined;
  problems: CellProblems | Partial<Record<'udyamNumber' | 'cluster', PlanProblem>>;
  udyamNumber: string | null;
  duplicateOf: DuplicateOf | null;
  values: ImportValues | null;
}

export class ImportPlanner {
  /** Udyam number → cluster of the first valid row that claimed it. */
  private readonly claimed = new Map<string, string>();

  constructor(
    private readonly choice: DuplicateChoice | undefined,
    private readonly existing: (udyamNumber: string) => ExistingUnit | undefined,
  ) {}

  plan(check: RowCheck): PlannedRow {
    if (check.kind === 'blank')
      return { outcome: 'blank', problems: {}, udyamNumber: null, duplicateOf: null, values: null };
    if (check.kind === 'invalid')
      return {
        outcome: 'reject',
        problems: check.problems,
        udyamNumber: null,
        duplicateOf: null,
        values: null,
      };
    const { values } = check;
    const reject = (problems: PlannedRow['problems']): PlannedRow => ({
      outcome: 'reject',
      problems,
      udyamNumber: values.udyamNumber,
      duplicateOf: null,
      values,
    });

    const inFile = this.claimed.get(values.udyamNumber);
    const inDatabase = inFile === undefined ? this.existing(values.udyamNumber) : undefined;
    if (inDatabase?.visible === false) return reject({ udyamNumber: 'udyam-elsewhere' });
    const clusterBefore = inFile ?? (inDatabase?.visible ? inDatabase.clusterId : undefined);
    // A unit keeps its cluster: a row placing it elsewhere is more likely a wrong number than a move.
    if (clusterBefore !== undefined && clusterBefore !== values.clusterId)
      return reject({ cluster: 'cluster-differs' });

    this.claimed.set(values.udyamNumber, values.clusterId);
    const duplicateOf: DuplicateOf | null =
      inFile !== undefined ? 'file' : inDatabase !== undefined ? 'database' : null;
    return {
      outcome: duplicateOf === null ? 'create' : this.choice,
      problems: {},
      udyamNumber: values.udyamNumber,
      duplicateOf,
      values,
    };
  }
}
