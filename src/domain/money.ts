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
  const text = fixedHalfEven(value, decimalPlaces);
  return text.startsWith('-') && !/[1-9]/.test(text) ? text.slice(1) : text;
}

/**
 * `value.toFixed(decimalPlaces, ROUND_HALF_EVEN)` (normal notation, exactly `decimalPlaces` digits after the
 * point, "-0.00" for a small negative), read straight off the Decimal's digits (its documented `d`, `e` and `s`)
 * without the copy and the rounding pass toFixed makes: every figure of a response is written this way. With
 * `powerOfTen`, the figure written is value × 10^powerOfTen (₹ in lakh is −5), exactly: only the point moves.
 */
export function fixedHalfEven(value: Decimal, decimalPlaces: number, powerOfTen = 0): string {
  if (!value.isFinite()) throw new RangeError(`cannot write ${value.toString()} as a decimal`);
  // The coefficient's digits: base-10⁷ words, all but the first written with their 7 digits.
  const words = value.d;
  let digits = String(words[0]);
  for (let k = 1; k < words.length; k++) digits += String(words[k]).padStart(7, '0');
  // value × 10^(powerOfTen + decimalPlaces) = ±digits × 10^shift
  const shift = value.e + powerOfTen + 1 - digits.length + decimalPlaces;
  let text: string;
  if (shift >= 0) {
    text = digits + '0'.repeat(shift);
  } else {
    const kept = digits.length + shift;
    if (kept < 0) {
      text = '0';
    } else {
      const whole = kept === 0 ? '0' : digits.slice(0, kept);
      const next = digits.charCodeAt(kept) - 48;
      let up = next > 5;
      if (next === 5) {
        // A tie goes to the even neighbour; anything after the 5 makes it more than a tie.
        up = (whole.charCodeAt(whole.length - 1) - 48) % 2 === 1 || /[1-9]/.test(digits.slice(kept + 1));
      }
      text = up ? incremented(whole) : whole;
    }
  }
  if (text.length <= decimalPlaces) text = text.padStart(decimalPlaces + 1, '0');
  if (decimalPlaces > 0) text = `${text.slice(0, -decimalPlaces)}.${text.slice(-decimalPlaces)}`;
  return value.isNegative() && !value.isZero() ? `-${text}` : text;
}

export const moneyString = (inr: Decimal): string => roundedString(inr, OUTPUT_DECIMAL_PLACES.money);
export const yearsString = (years: Decimal): string => roundedString(years, OUTPUT_DECIMAL_PLACES.years);
export const percentString = (pct: Decimal): string => roundedString(pct, OUTPUT_DECIMAL_PLACES.percent);
export const ratioString = (ratio: Decimal): string => roundedString(ratio, OUTPUT_DECIMAL_PLACES.ratio);

/** A string of decimal digits plus one: 0.5 rounded up is 1, 99 is 100. */
function incremented(digits: string): string {
  let last = digits.length - 1;
  while (last >= 0 && digits[last] === '9') last--;
  const carried = '0'.repeat(digits.length - 1 - last);
  return last < 0 ? `1${carried}` : `${digits.slice(0, last)}${Number(digits[last]) + 1}${carried}`;
}

/** Decimal.min of two without the copies it makes: `a` unless `b` is less (Decimals are immutable). */
export const lesser = (a: Decimal, b: Decimal): Decimal => (b.lessThan(a) ? b : a);

/** Decimal.max of two without the copies it makes: `a` unless `b` is greater. */
export const greater = (a: Decimal, b: Decimal): Decimal => (b.greaterThan(a) ? b : a);

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
