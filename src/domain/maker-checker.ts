import type { Decimal } from 'decimal.js';
import type { ApplicationStatus } from './application-status.js';

// Maker-checker on sanctions (issue 7): above a configurable amount a second officer must approve. The maker is
// the officer who recommended the file; the checker sanctions it. At most one action may wait on a file at a time:
// while a recommendation is pending, nobody may recommend again.

export type MakerCheckerRefusal =
  /** The amount needs a second officer and the approver is the one who recommended it. */
  | 'self-approval'
  /** A recommendation already waits for a checker. */
  | 'pending-exists';

export const needsSecondOfficer = (amountInr: Decimal, limitInr: Decimal): boolean =>
  amountInr.greaterThan(limitInr);

/** Whether `approverUserId` may sanction `amountInr` on a file recommended by `makerUserId`. */
export function sanctionRefusal(input: {
  amountInr: Decimal;
  limitInr: Decimal;
  approverUserId: number;
  makerUserId: number | null;
}): MakerCheckerRefusal | null {
  if (!needsSecondOfficer(input.amountInr, input.limitInr)) return null;
  return input.makerUserId === input.approverUserId ? 'self-approval' : null;
}

/** A recommendation while one is pending would be a second pending action on the same file. */
export function recommendRefusal(status: ApplicationStatus): MakerCheckerRefusal | null {
  return status === 'recommended' ? 'pending-exists' : null;
}
