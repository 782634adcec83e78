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

/** How many dates `rememberedByDate` keeps for each key: the API accepts any date, so the memory stays bounded. */
const DATES_KEPT = 8;

/**
 * `compute(key, on)` remembered for each key object and date, for work on immutable catalogue objects that
 * depends only on the date (a scheme's status, its terms in force, a criterion's wording): a match reads them for
 * every request. The results of a key's last few dates are kept, and go with the key.
 */
export function rememberedByDate<K extends object, V>(
  compute: (key: K, on: IsoDate) => V,
): (key: K, on: IsoDate) => V {
  const byKey = new WeakMap<K, Map<IsoDate, V>>();
  return (key, on) => {
    let byDate = byKey.get(key);
    if (byDate === undefined) {
      byDate = new Map();
      byKey.set(key, byDate);
    }
    if (byDate.has(on)) return byDate.get(on) as V;
    const value = compute(key, on);
    if (byDate.size >= DATES_KEPT) byDate.clear();
    byDate.set(on, value);
    return value;
  };
}
