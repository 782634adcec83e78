// Acknowledgement numbers: HS-<year of submission in India>-<6-digit sequence within that year>, e.g.
// HS-2026-000123. The sequence is allocated by the database inside the submitting transaction; this module
// only decides the year and the format.

export const ACK_PATTERN = /^HS-(\d{4})-(\d{6})$/;

/** At most this many submissions a year fit the six digits. */
export const MAX_ACK_SEQUENCE = 999_999;

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/** The calendar year in India (UTC+05:30, no daylight saving) at `submittedAt`: 31 Dec 20:00 UTC is already next year there. */
export function ackYear(submittedAt: Date): number {
  return new Date(submittedAt.getTime() + IST_OFFSET_MS).getUTCFullYear();
}

export function formatAck(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_ACK_SEQUENCE) {
    throw new RangeError(`acknowledgement sequence ${sequence} is outside 1–${MAX_ACK_SEQUENCE}`);
  }
  return `HS-${String(year).padStart(4, '0')}-${String(sequence).padStart(6, '0')}`;
}

/** The normalised ack number if `text` is one (any case, surrounding spaces ignored), else undefined. */
export function parseAck(text: string): string | undefined {
  const normalised = text.trim().toUpperCase();
  return ACK_PATTERN.test(normalised) ? normalised : undefined;
}
