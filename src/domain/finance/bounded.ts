import type { Decimal } from 'decimal.js';

// Floating-point values that carry a proven bound on their error: `value` is a double, and the exact result of the
// same formula on the same exact inputs lies within `error` of it. Each operation adds the error it inherits to
// the rounding it makes (one rounding is at most half an ulp, 2⁻⁵³ of the result; the bounds charge a whole
// EPSILON, 2⁻⁵², twice that). Working out a bound rounds too, which can make it smaller by a few parts in 10¹⁶;
// where a bound is used (certainlyNonZero, certainText) it is doubled, which covers that many times over. This is
// running error analysis (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., §3.3), used by the
// economics estimate (economics-estimate.ts): a few hundred of these cost less than a dozen fixed-point products.

const EPS = Number.EPSILON;
// Below 2⁻¹⁰²² doubles are subnormal and a rounding is off by up to 2⁻¹⁰⁷⁵ whatever the result's size; each
// operation's bound also takes this much, for its own rounding and its bound terms' (which may underflow too).
const UNDERFLOW = 4 * Number.MIN_VALUE;

export interface Bounded {
  readonly value: number;
  /** |exact − value| ≤ error; never negative. */
  readonly error: number;
}

/** A double that is itself the exact value (a whole number of months, 1, 100). */
export const exactly = (value: number): Bounded => ({ value, error: 0 });

/** A Decimal read as the nearest double: JavaScript rounds decimal text correctly, so it is off by half an ulp. */
export function fromDecimal(decimal: Decimal): Bounded {
  const value = decimal.toNumber();
  return { value, error: Math.abs(value) * EPS + UNDERFLOW };
}

export function sum(a: Bounded, b: Bounded): Bounded {
  const value = a.value + b.value;
  return { value, error: a.error + b.error + Math.abs(value) * EPS + UNDERFLOW };
}

export function difference(a: Bounded, b: Bounded): Bounded {
  const value = a.value - b.value;
  return { value, error: a.error + b.error + Math.abs(value) * EPS + UNDERFLOW };
}

export function product(a: Bounded, b: Bounded): Bounded {
  const value = a.value * b.value;
  return {
    value,
    error:
      Math.abs(a.value) * b.error +
      Math.abs(b.value) * a.error +
      a.error * b.error +
      Math.abs(value) * EPS +
      UNDERFLOW,
  };
}

/** True when the exact value is certainly not 0 (the interval value ± error leaves 0 out, with room to spare). */
export const certainlyNonZero = (a: Bounded): boolean => Math.abs(a.value) > 2 * a.error;

/** a ÷ b; null when b might be 0 (the bound would be meaningless). */
export function quotient(a: Bounded, b: Bounded): Bounded | null {
  if (!certainlyNonZero(b)) return null;
  const value = a.value / b.value;
  const denominator = Math.abs(b.value);
  // |a/b − a′/b′| ≤ (|b′|·δa + |a′|·δb) / (|b′|·(|b′| − δb)) for |a − a′| ≤ δa, |b − b′| ≤ δb.
  const inherited =
    (denominator * a.error + Math.abs(a.value) * b.error) / (denominator * (denominator - b.error));
  return { value, error: inherited + Math.abs(value) * EPS + UNDERFLOW };
}

// V8's Math.log1p, expm1 and exp are ports of fdlibm, whose errors are below one ulp; charged two here.

/** ln(1 + a), for a > −1 with room for its error. */
export function log1p(a: Bounded): Bounded | null {
  const least = 1 + a.value - a.error;
  if (!(least > 0)) return null;
  const value = Math.log1p(a.value);
  // The slope of ln(1 + x) is 1/(1 + x), largest at the low end of the interval.
  return { value, error: a.error / least + 2 * Math.abs(value) * EPS + UNDERFLOW };
}

/**
 * A result of eˣ or eˣ − 1 at `a`: both have slope eˣ, largest at the high end of the interval, so the inherited
 * error grows by at most that; plus the function's own two ulps.
 */
function exponential(a: Bounded, value: number): Bounded {
  return {
    value,
    error: a.error * Math.exp(a.value + a.error) * (1 + 4 * EPS) + 2 * Math.abs(value) * EPS + UNDERFLOW,
  };
}

/** eᵃ − 1: exact near 0, where eᵃ − 1 in two steps would lose the digits that matter. */
export const expm1 = (a: Bounded): Bounded => exponential(a, Math.expm1(a.value));

/** eᵃ. */
export const exp = (a: Bounded): Bounded => exponential(a, Math.exp(a.value));

/** The lesser of two values (by their doubles); its bound is the larger of theirs, whichever the exact least is. */
export function least(a: Bounded, b: Bounded): Bounded {
  return { value: Math.min(a.value, b.value), error: Math.max(a.error, b.error) };
}

const KERNEL_ABSOLUTE = 1e-40;
// Doubles write whole numbers exactly below 2⁵³; past 10¹⁵ toFixed's text is not worth trusting for cents.
const LARGEST_WRITTEN = 1e15;

const writtenWithoutMinusZero = (text: string): string =>
  text.startsWith('-') && !/[1-9]/.test(text) ? text.slice(1) : text;

/**
 * The exact value rounded half-even to `places` decimals, as money.ts's roundedString writes it, when the bound
 * proves what that is; null when the interval around the value holds a rounding boundary (or is too wide to say).
 *
 * toFixed rounds the exact double it is given (half away from zero on a tie). When both ends of the interval,
 * widened, round to the same text n, every real number strictly inside rounds to n, and none of them is a tie:
 * a tie inside would make one end round differently. The widening (twice the bound, plus 4 ulps of the value,
 * plus 10⁻⁴⁰) covers the roundings of the ends themselves and the exact kernel's last digits: its results are
 * exact to 40 significant digits and its fixed point to 60 decimals, far inside an ulp of anything the estimate
 * adds up, and inside 10⁻⁴⁰ of the tiniest.
 */
export function certainText(a: Bounded, places: number): string | null {
  const margin = 2 * a.error + 4 * EPS * Math.abs(a.value) + KERNEL_ABSOLUTE;
  const low = a.value - margin;
  const high = a.value + margin;
  if (!(Math.abs(low) < LARGEST_WRITTEN && Math.abs(high) < LARGEST_WRITTEN)) return null;
  const text = writtenWithoutMinusZero(low.toFixed(places));
  return writtenWithoutMinusZero(high.toFixed(places)) === text ? text : null;
}
