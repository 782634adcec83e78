import { Decimal } from 'decimal.js';

// Process-wide arithmetic settings. 40 significant digits keep a 50-year discount factor or a 360-month
// schedule of ₹10,000 crore exact far below a paisa; half-even is the rounding the API promises.
// Every domain module that does arithmetic imports this one, so the settings are in force before it runs.
Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** Decimal places of each kind of output value (api-v1.md, common rules). */
export const OUTPUT_DECIMAL_PLACES = { money: 2, years: 4, percent: 6, ratio: 6 } as const;

/**
 * `value` rounded half-even to `decimalPlaces` and written out in full: never exponent notation,
 * always exactly `decimalPlaces` digits after the point, never "-0.00".
 */
export function roundedString(value: Decimal, decimalPlaces: number): string {
  if (!value.isFinite()) throw new RangeError(`cannot write ${value.toString()} as a decimal`);
  // toFixed writes normal notation whatever the exponent settings, with exactly `decimalPlaces` digits.
  const text = value.toFixed(decimalPlaces, Decimal.ROUND_HALF_EVEN);
  return text.startsWith('-') && !/[1-9]/.test(text) ? text.slice(1) : text;
}

export const moneyString = (inr: Decimal): string => roundedString(inr, OUTPUT_DECIMAL_PLACES.money);
export const yearsString = (years: Decimal): string => roundedString(years, OUTPUT_DECIMAL_PLACES.years);
export const percentString = (pct: Decimal): string => roundedString(pct, OUTPUT_DECIMAL_PLACES.percent);
export const ratioString = (ratio: Decimal): string => roundedString(ratio, OUTPUT_DECIMAL_PLACES.ratio);

/** Rupees rounded half-even to whole paise: the one rounding done before storing money. */
export function roundToPaise(inr: Decimal): Decimal {
  return inr.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}

/**
 * Rupees as integer paise for SQLite. Throws unless `inr` is a whole number of paise (round first with
 * `roundToPaise`, so that the rounding is a visible decision) and fits a safe JS integer.
 */
export function toPaise(inr: Decimal): number {
  const paise = inr.times(100);
  if (!paise.isInteger()) throw new RangeError(`₹${inr.toString()} is not a whole number of paise`);
  const asNumber = paise.toNumber();
  if (!Number.isSafeInteger(asNumber)) throw new RangeError(`₹${inr.toString()} is too large to store`);
  return asNumber;
}

/** Integer paise read from SQLite back to rupees. Throws on a fractional or unsafe integer. */
export function fromPaise(paise: number | bigint): Decimal {
  if (typeof paise === 'number' && !Number.isSafeInteger(paise)) {
    throw new RangeError(`${String(paise)} is not a whole number of paise`);
  }
  return new Decimal(paise.toString()).dividedBy(100);
}

/** Percent (10.5) to a fraction (0.105). */
export function percentToFraction(pct: Decimal): Decimal {
  return pct.dividedBy(100);
}
