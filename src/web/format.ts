/** Dates are ISO in data and DD-MM-YYYY on screen, as Indian forms and banks write them. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : iso;
}

// Building an Intl.DateTimeFormat costs more than a whole API request's arithmetic; one of each serves every call.
const DATE_TIME_IN_INDIA = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
// India has kept UTC+05:30 all year round since 1945, so its date is the UTC date 5½ hours on: no time-zone
// lookup (Intl's costs several microseconds, and every API request asks for today).
const INDIA_OFFSET_MS = (5 * 60 + 30) * 60_000;

/** Date and time in India for audit lines: DD-MM-YYYY HH:MM IST. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    DATE_TIME_IN_INDIA.formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute} IST`;
}

/** Today's date in India (the default `asOf`), as ISO. */
export function todayInIndia(now: Date): string {
  return new Date(now.getTime() + INDIA_OFFSET_MS).toISOString().slice(0, 10);
}
