import { Decimal } from 'decimal.js';
import '../money.js';

if (Decimal.rounding !== Decimal.ROUND_HALF_EVEN)
  throw new Error('fixedToDecimal rounds half-even, as money.ts sets');

// Decimal fixed point on BigInt for the IRR's search (decision 0007): a value v is held as the integer v × 10⁶⁰.
// Sums and differences are exact; a product or quotient is cut off toward zero at the 60th decimal, so each step
// is off by less than 10⁻⁶⁰. decimal.js at 40 significant digits keeps an NPV near a root to about 10⁻³³ of the
// flows; this keeps it to about (number of years) × 10⁻⁶⁰ of them, in a fraction of the time and the garbage.

export const PLACES = 60;
const ZERO_CODE = '0'.charCodeAt(0);
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

/**
 * A fixed-point value as a Decimal, rounded half-even to the configured significant digits like any other result.
 * The rounding is done on the digits here: a Decimal made from all 60-odd of them and then rounded costs three
 * times as much, and a loan analysis hands back thirty values.
 */
export function fixedToDecimal(value: bigint): Decimal {
  const sign = value < 0n ? '-' : '';
  let digits = (value < 0n ? -value : value).toString();
  let exponent = -PLACES;
  const dropped = digits.length - Decimal.precision;
  if (dropped > 0) {
    const kept = digits.slice(0, Decimal.precision);
    const first = digits.charCodeAt(Decimal.precision) - ZERO_CODE;
    const rest = digits.slice(Decimal.precision + 1);
    const odd = (kept.charCodeAt(kept.length - 1) - ZERO_CODE) % 2 === 1;
    const up = first > 5 || (first === 5 && (odd || /[1-9]/.test(rest)));
    digits = up ? (BigInt(kept) + 1n).toString() : kept;
    exponent += dropped;
  }
  return new Decimal(`${sign}${digits}e${exponent}`);
}

/** Roughly, as a double: for floating-point estimates only. */
export const fixedToNumber = (value: bigint): number => Number(value) / 10 ** PLACES;

export const times = (a: bigint, b: bigint): bigint => (a * b) / SCALE;
export const over = (a: bigint, b: bigint): bigint => (a * SCALE) / b;
/** baseᵏ for a whole k ≥ 1, by squaring: about 2·log₂k products. */
export function fixedPower(base: bigint, k: number): bigint {
  let result = FIXED_ONE;
  let square = base;
  for (let rest = k; rest > 0; rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) result = times(result, square);
    if (rest > 1) square = times(square, square);
  }
  return result;
}

export const abs = (value: bigint): bigint => (value < 0n ? -value : value);
