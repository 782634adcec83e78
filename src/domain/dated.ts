// Policy values keyed by start date, after OpenFisca: the value in force on a date is the latest one
// whose `from` is on or before that date; a `null` value ends the series.

export type Confidence = 'official' | 'secondary' | 'unconfirmed';

/** An ISO calendar date, YYYY-MM-DD. Compared as a string, which orders correctly for this format. */
export type IsoDate = string;

export interface DatedValue<T> {
  from: IsoDate;
  value: T | null;
  reference: string;
  confidence: Confidence;
  note?: string | undefined;
}

export interface DatedSeries<T> {
  unit: string;
  values: readonly DatedValue<T>[];
}

/** The entry in force on `on`, or undefined if none has started or the series was ended by a null. */
export function entryOn<T>(series: DatedSeries<T>, on: IsoDate): (DatedValue<T> & { value: T }) | undefined {
  let found: DatedValue<T> | undefined;
  for (const entry of series.values) {
    if (entry.from <= on && (found === undefined || entry.from >= found.from)) found = entry;
  }
  if (found === undefined || found.value === null) return undefined;
  return found as DatedValue<T> & { value: T };
}

export function valueOn<T>(series: DatedSeries<T>, on: IsoDate): T | undefined {
  return entryOn(series, on)?.value;
}
