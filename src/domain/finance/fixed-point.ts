import { Decimal } from 'decimal.js';
import '../money.js';

if (Decimal.rounding !== Decimal.ROUND_HALF_EVEN)
  throw new Error('fixedToDecimal rounds half-even, as money.ts sets');

// Decimal fixed point on BigInt for the finance kernels (decision 0007: IRR, discounting, the loan's closed form):
// a value v is held as the integer v × 10⁶⁰. Sums and differences are exact; a product or quotient is cut off
// toward zero at the 60th decimal, so each step is off by less than 10⁻⁶⁰. decimal.js at 40 significant digits
// rounds every step at the 40th digit; this keeps 20 digits more for a rupee amount, costs a fraction of the time
// and the garbage, and its results are rounded to 40 digits as they become Decimals again.

export const PLACES = 60;
// Results leave fixed point with the significant digits every other Decimal result has (money.ts).
const SIGNIFICANT = Decimal.precision;
const ZERO_CODE = '0'.charCodeAt(0);
export const FIXED_ONE = 10n ** BigInt(PLACES);

/**
 * `value` in fixed point: exact when it has at most PLACES decimals, else cut off toward zero. A double is read as
 * the shortest decimal that gives it back (as `new Decimal(number)` reads it): for floating-point estimates only.
 */
export function fixedFrom(value: Decimal | number): bigint {
  // toFixed() with no argument writes every digit in normal notation; String(number) may use an exponent.
  const { digits, decimals } = parseDecimal(typeof value === 'number' ? String(value) : value.toFixed());
  const shift = PLACES - decimals;
  return shift >= 0 ? digits * powerOfTen(shift) : digits / powerOfTen(-shift);
}

/** `value` exactly, as digits × 10^−decimals (decimals ≥ 0). */
export function exactDecimal(value: Decimal): { digits: bigint; decimals: number } {
  const { digits, decimals } = parseDecimal(value.toFixed());
  return decimals >= 0 ? { digits, decimals } : { digits: digits * powerOfTen(-decimals), decimals: 0 };
}

/** Decimal text, with a point and an exponent or not, as digits × 10^−decimals (decimals may be negative). */
function parseDecimal(text: string): { digits: bigint; decimals: number } {
  const e = text.indexOf('e');
  const mantissa = e === -1 ? text : text.slice(0, e);
  const point = mantissa.indexOf('.');
  const digits = point === -1 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const fraction = point === -1 ? 0 : mantissa.length - point - 1;
  return { digits: BigInt(digits), decimals: fraction - (e === -1 ? 0 : Number(text.slice(e + 1))) };
}

const POWERS_OF_TEN = Array.from({ length: 2 * PLACES + 1 }, (_, k) => 10n ** BigInt(k));
const powerOfTen = (k: number): bigint => POWERS_OF_TEN[k] ?? 10n ** BigInt(k);

/**
 * A fixed-point value as a Decimal, rounded half-even to the configured significant digits like any other result.
 * The rounding is done on the digits here: a Decimal made from all 60-odd of them and then rounded costs half as
 * much again, and a loan analysis hands back thirty values.
 */
export function fixedToDecimal(value: bigint): Decimal {
  const text = value.toString();
  const start = value < 0n ? 1 : 0;
  const dropped = text.length - start - SIGNIFICANT;
  if (dropped <= 0) return new Decimal(`${text}e-${PLACES}`);
  const cut = start + SIGNIFICANT;
  const first = text.charCodeAt(cut);
  const up =
    first > FIVE || (first === FIVE && (text.charCodeAt(cut - 1) % 2 === 1 || !zerosFrom(text, cut + 1)));
  const kept = text.slice(0, cut);
  return new Decimal(`${up ? plusOneAtEnd(kept) : kept}e${dropped - PLACES}`);
}

const FIVE = '5'.charCodeAt(0);
const NINE = '9'.charCodeAt(0);

function zerosFrom(text: string, index: number): boolean {
  for (let i = index; i < text.length; i++) if (text.charCodeAt(i) !== ZERO_CODE) return false;
  return true;
}

/** The digits (after any sign) plus one in the last place: 1299 → 1300, 999 → 1000. */
function plusOneAtEnd(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === NINE) i--;
  const sign = digits.startsWith('-') ? 1 : 0;
  if (i < sign) return `${digits.slice(0, sign)}1${'0'.repeat(digits.length - sign)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${'0'.repeat(digits.length - 1 - i)}`;
}

/** The nearest double (as Decimal's toNumber gives it): for floating-point estimates only. */
export const fixedToNumber = (value: bigint): number => Number(`${value}e-${PLACES}`);

export const times = (a: bigint, b: bigint): bigint => (a * b) / FIXED_ONE;
export const over = (a: bigint, b: bigint): bigint => (a * FIXED_ONE) / b;

export const abs = (value: bigint): bigint => (value < 0n ? -value : value);
