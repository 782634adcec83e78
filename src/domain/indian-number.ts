import { Decimal } from 'decimal.js';
import type { LocalisedText } from './catalogue-types.js';
import { fixedHalfEven } from './money.js';

// Reading and writing amounts the way Indian users do: 12,50,000 (lakh grouping), 12.5 lakh, 1.2 crore,
// ₹ / Rs. / INR prefixes, and the Hindi words लाख and करोड़ (glossary.md: 1 lakh = 1,00,000; 1 crore = 100 lakh).

export type IndianAmountError =
  'empty' | 'not-a-number' | 'too-many-decimal-points' | 'misplaced-comma' | 'unknown-unit';

const LAKH = new Decimal(100_000);
const CRORE = new Decimal(10_000_000);
const MAX_INPUT_LENGTH = 60;

// Keys are lower-case with Devanagari nuktas removed, so करोड़ (ड़ as one code point or ड + nukta) and करोड match.
const UNITS: ReadonlyMap<string, Decimal> = new Map([
  ...['thousand', 'हजार'].map((unit) => [unit, new Decimal(1000)] as const),
  ...['lakh', 'lakhs', 'lac', 'lacs', 'l', 'लाख'].map((unit) => [unit, LAKH] as const),
  ...['crore', 'crores', 'cr', 'crs', 'करोड'].map((unit) => [unit, CRORE] as const),
]);

const SIGN = /^[-−]\s*/; // hyphen-minus or the Unicode minus sign
const CURRENCY_PREFIX = /^(₹|rs\.?|inr|rupees)\s*/i;
const NUMBER_THEN_UNIT = /^([\d,.]+)\s*(.*)$/u;

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u093C/g, '') // nukta: क़ → क, ड़ → ड (NFC leaves both decomposed)
    .replace(/[०-९]/g, (digit) => String(digit.charCodeAt(0) - 0x0966)) // Devanagari digits
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Digits grouped by commas must be grouped the Indian way (12,34,567) or the Western way (1,234,567): the last
 * group before the point has 3 digits and the ones before it 2 or 3. Anything else, such as "12,5" (a European
 * decimal comma), is refused rather than read as 125.
 */
function commasWellPlaced(integerPart: string): boolean {
  const groups = integerPart.split(',');
  if (groups.length === 1) return true;
  const [first = '', ...rest] = groups;
  const last = rest.pop() ?? '';
  return /^\d{1,3}$/.test(first) && last.length === 3 && rest.every((group) => /^\d{2,3}$/.test(group));
}

/** An amount typed by a person, in rupees; or why it could not be read. Never guesses. */
export function parseIndianAmount(text: string): Decimal | { error: IndianAmountError } {
  let cleaned = normalise(text).replace(/\s*\/-$/, ''); // "Rs. 4,00,000/-": the customary "and no paise"
  if (cleaned === '') return { error: 'empty' };
  // The minus may come before or after the currency sign: -₹5 and ₹-5.
  let negative = SIGN.test(cleaned);
  cleaned = cleaned.replace(SIGN, '').replace(CURRENCY_PREFIX, '');
  if (!negative && SIGN.test(cleaned)) {
    negative = true;
    cleaned = cleaned.replace(SIGN, '');
  }
  if (cleaned.length > MAX_INPUT_LENGTH) return { error: 'not-a-number' };
  const match = NUMBER_THEN_UNIT.exec(cleaned);
  if (match === null) return { error: 'not-a-number' };
  const [, number = '', unitText = ''] = match;

  const multiplier = unitText === '' ? new Decimal(1) : UNITS.get(unitText.toLowerCase());
  if (multiplier === undefined)
    return { error: /^[\p{L}\p{M}.]+$/u.test(unitText) ? 'unknown-unit' : 'not-a-number' };

  const pointParts = number.split('.');
  if (pointParts.length > 2) return { error: 'too-many-decimal-points' };
  const [integerPart = '', fraction = ''] = pointParts;
  if (fraction.includes(',')) return { error: 'misplaced-comma' };
  if (!/\d/.test(number)) return { error: 'not-a-number' };
  if (!commasWellPlaced(integerPart)) return { error: 'misplaced-comma' };

  const digits = `${integerPart.replace(/,/g, '') || '0'}${fraction === '' ? '' : `.${fraction}`}`;
  const value = new Decimal(digits).times(multiplier);
  return negative && !value.isZero() ? value.negated() : value;
}

/** Indian digit grouping of a whole number's digits: 1234567 → 12,34,567. */
function groupIndian(digits: string): string {
  if (digits.length <= 3) return digits;
  // The last three digits, then pairs from the right (a loop: every amount of a response is grouped).
  let grouped = digits.slice(-3);
  let end = digits.length - 3;
  for (; end > 2; end -= 2) grouped = `${digits.slice(end - 2, end)},${grouped}`;
  return `${digits.slice(0, end)},${grouped}`;
}

/** Sign, integer digits and padded fraction of value × 10^powerOfTen rounded half-even to `decimalPlaces`. */
function parts(
  value: Decimal,
  decimalPlaces: number,
  powerOfTen = 0,
): { minus: string; whole: string; fraction?: string } {
  if (!value.isFinite()) throw new RangeError(`cannot format ${value.toString()}`);
  // Normal notation (never an exponent) with exactly `decimalPlaces` digits.
  const text = fixedHalfEven(value, decimalPlaces, powerOfTen);
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const minus = negative && /[1-9]/.test(unsigned) ? '-' : '';
  const point = unsigned.indexOf('.');
  return point < 0
    ? { minus, whole: unsigned }
    : { minus, whole: unsigned.slice(0, point), fraction: unsigned.slice(point + 1) };
}

/** The integer digits grouped the Indian way, and the fraction after them. */
const grouped = ({ whole, fraction }: { whole: string; fraction?: string }): string =>
  groupIndian(whole) + (fraction === undefined ? '' : `.${fraction}`);

/** A non-money number with Indian grouping, rounded half-even: 1234567.891 with 2 places → 12,34,567.89. */
export function formatIndianNumber(value: Decimal, decimalPlaces = 0): string {
  const number = parts(value, decimalPlaces);
  return number.minus + grouped(number);
}

/** Rupees with Indian grouping: ₹12,34,567 (rounded half-even to the rupee), or ₹12,34,567.50 with paise. */
export function formatInr(value: Decimal, { paise = false }: { paise?: boolean } = {}): string {
  const amount = parts(value, paise ? 2 : 0);
  return `${amount.minus}₹${grouped(amount)}`;
}

const WORDS = {
  en: { lakh: 'lakh', crore: 'crore' },
  hi: { lakh: 'लाख', crore: 'करोड़' },
} as const;

/**
 * Rupees in lakh or crore with 2 decimals, as people say them: ₹12.35 lakh, ₹1.20 crore (Hindi: ₹12.35 लाख,
 * ₹1.20 करोड़). Below 1 lakh the full amount is shown (₹45,000). A value that rounds to 100.00 lakh is shown as
 * ₹1.00 crore.
 */
export function formatLakhCrore(value: Decimal, lang: keyof LocalisedText): string {
  const { figure, unit } = lakhCrore(value);
  return unit === null ? figure : `${figure} ${WORDS[lang][unit]}`;
}

/** `formatLakhCrore` in English and Hindi, the figure worked out once. */
export function lakhCroreText(value: Decimal): LocalisedText {
  const { figure, unit } = lakhCrore(value);
  return unit === null
    ? { en: figure, hi: figure }
    : { en: `${figure} ${WORDS.en[unit]}`, hi: `${figure} ${WORDS.hi[unit]}` };
}

function lakhCrore(value: Decimal): { figure: string; unit: 'lakh' | 'crore' | null } {
  // Below a lakh the exponent (the power of ten of the leading digit) is 4 or less.
  if (value.e < 5) return { figure: formatInr(value), unit: null };
  // In lakh or crore the decimal point only moves (10⁻⁵, 10⁻⁷): exact, with no arithmetic.
  const inLakh = parts(value, 2, -5);
  // 100.00 lakh or more once rounded: three digits before the point.
  if (inLakh.whole.length < 3) return { figure: `${inLakh.minus}₹${grouped(inLakh)}`, unit: 'lakh' };
  const inCrore = parts(value, 2, -7);
  return { figure: `${inCrore.minus}₹${grouped(inCrore)}`, unit: 'crore' };
}
