import { Decimal } from 'decimal.js';
import '../money.js';

// Decimal fixed point on BigInt for the IRR's search (decision 0007): a value v is held as the integer v × 10⁶⁰.
// Sums and differences are exact; a product or quotient is cut off toward zero at the 60th decimal, so each step
// is off by less than 10⁻⁶⁰. decimal.js at 40 significant digits keeps an NPV near a root to about 10⁻³³ of the
// flows; this keeps it to about (number of years) × 10⁻⁶⁰ of them, in a fraction of the time and the garbage.

export const PLACES = 60;
const SCALE = 10n ** BigInt(PLACES);
export const FIXED_ONE = SCALE;

/** `value` in fixed point: exact when it has at most PLACES decimals, else cut off toward zero. */
export function fixedFrom(value: Decimal): bigint {
  // toFixed() with no argument writes every digit in normal notation, whatever the exponent.
  const text = value.toFixed();
  const point = text.indexOf('.');
  if (point === -1) return BigInt(text) * SCALE;
  const decimals = text.slice(point + 1, point + 1 + PLACES).padEnd(PLACES, '0');
  return BigInt(text.slice(0, point) + decimals);
}

/** A fixed-point value as a Decimal, rounded to the configured significant digits like any other result. */
export function fixedToDecimal(value: bigint): Decimal {
  return new Decimal(`${value}e-${PLACES}`).toSignificantDigits(Decimal.precision, Decimal.rounding);
}

/** Roughly, as a double: for floating-point estimates only. */
export const fixedToNumber = (value: bigint): number => Number(value) / 10 ** PLACES;

export const times = (a: bigint, b: bigint): bigint => (a * b) / SCALE;
export const over = (a: bigint, b: bigint): bigint => (a * SCALE) / b;
export const abs = (value: bigint): bigint => (value < 0n ? -value : value);
