import { Decimal } from 'decimal.js';
import { z } from 'zod';
import '../../domain/money.js';

// Request validation shared by the JSON API v1 (design/api-v1.md "Common rules"): money and rates are decimal
// strings (JSON numbers accepted), counts are integers, and a bad request lists every problem at once with a
// dotted path and a sentence a person can act on.

export interface InvalidRequestBody {
  error: 'invalid_request';
  issues: { path: string; message: string }[];
}

/** The largest amount the API takes: ₹10,000 crore. */
export const MAX_AMOUNT_INR = new Decimal('100000000000');

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;
// Long enough for any amount or rate people write; short enough that parsing cannot be made expensive.
const MAX_DECIMAL_LENGTH = 40;

interface DecimalBounds {
  /** The least value allowed, and whether it is itself allowed. */
  min: { value: Decimal.Value; inclusive: boolean };
  max: { value: Decimal.Value; text: string };
  /** What the value is, for the OpenAPI document. */
  description: string;
}

const received = (input: unknown) => (input === undefined ? 'is required' : null);

/**
 * A decimal given as a JSON string ("4500000") or number (4500000), checked against `bounds` and turned into a
 * Decimal. A number is read through its shortest string form, so 0.1 is 0.1, not the binary double.
 */
export function decimalField(name: string, bounds: DecimalBounds) {
  const formatMessage = `${name} must be a decimal number written as a string, e.g. "12.5"`;
  const lengthMessage = `${name} must be at most ${MAX_DECIMAL_LENGTH} characters written out in full, e.g. "12.5"`;
  // The bounds as Decimals once, not for every value read.
  const min = new Decimal(bounds.min.value);
  const max = new Decimal(bounds.max.value);
  return z
    .union([z.string(), z.number()], {
      error: (issue) => `${name} ${received(issue.input) ?? 'must be a decimal number'}`,
    })
    .transform((input, ctx) => {
      // A string is checked for its form before anything is parsed (the check is linear, parsing is not), and for
      // its length before it becomes a Decimal. A number is read through its shortest decimal form (0.1 is 0.1,
      // not the binary double); out of range it gets the range's message, in range it is held to the same length
      // as a string once written out in full: 1e-70 has 70 decimals, which no figure needs and the finance
      // kernel's 60 could not hold.
      if (typeof input === 'string') {
        const problem = !DECIMAL_STRING.test(input)
          ? formatMessage
          : input.length > MAX_DECIMAL_LENGTH
            ? lengthMessage
            : null;
        if (problem !== null) {
          ctx.addIssue({ code: 'custom', message: problem, input });
          return z.NEVER;
        }
      }
      const value = new Decimal(input);
      if (bounds.min.inclusive ? value.lessThan(min) : value.lessThanOrEqualTo(min)) {
        const relation = bounds.min.inclusive ? `${min.toString()} or more` : `more than ${min.toString()}`;
        ctx.addIssue({ code: 'custom', message: `${name} must be ${relation}`, input });
      } else if (value.greaterThan(max)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be at most ${bounds.max.text}`, input });
      } else if (typeof input === 'number' && value.toFixed().length > MAX_DECIMAL_LENGTH) {
        ctx.addIssue({ code: 'custom', message: lengthMessage, input });
      }
      return value;
    })
    .meta({ description: bounds.description });
}

/** Rupees: 0 or more (or more than 0 when `positive`), at most ₹10,000 crore. */
export function moneyField(name: string, { positive = false }: { positive?: boolean } = {}) {
  return decimalField(name, {
    min: { value: 0, inclusive: !positive },
    max: { value: MAX_AMOUNT_INR, text: '100000000000 (₹10,000 crore)' },
    description: `Rupees as a decimal string, e.g. "4500000"; ${positive ? 'more than 0' : '0 or more'}, at most ₹10,000 crore`,
  });
}

/** A percentage between `min` (inclusive unless stated) and 100. */
export function percentField(name: string, min: DecimalBounds['min'] = { value: 0, inclusive: true }) {
  const least = `${min.inclusive ? 'at least' : 'more than'} ${new Decimal(min.value).toString()}`;
  return decimalField(name, {
    min,
    max: { value: 100, text: '100' },
    description: `Percent as a decimal string, e.g. "10.5" for 10.5 %; ${least}, at most 100`,
  });
}

/** A whole number between `min` and `max`. */
export function countField(name: string, min: number, max: number) {
  return z
    .int({
      error: (issue) =>
        `${name} ${received(issue.input) ?? 'must be a whole number, written without quotes'}`,
    })
    .min(min, { error: `${name} must be ${min} or more` })
    .max(max, { error: `${name} must be at most ${max}` });
}

/** True when parsing so far found nothing wrong at any of `paths`, so a cross-field rule may look at them. */
export function pathsValid(issues: readonly z.core.$ZodRawIssue[], ...paths: string[]): boolean {
  return !issues.some((issue) => paths.includes((issue.path ?? []).map(String).join('.')));
}

/**
 * Options for a cross-field `superRefine`: run it even when other fields have problems, so that every problem is
 * listed at once, but only on an object whose `paths` parsed cleanly, so the rule sees checked values.
 */
/**
 * Exports are part of turnover (classification leaves them out of it), so more exports than turnover is a typing
 * mistake: an issue on the export field, `prefix` naming the object it sits in ('' at the top, 'enterprise.').
 * For `.superRefine(exportsWithinTurnover(prefix), whenFieldsValid('turnoverInr', 'exportTurnoverInr'))`.
 */
export function exportsWithinTurnover(prefix: string) {
  return (
    value: { turnoverInr?: Decimal | undefined; exportTurnoverInr?: Decimal | undefined },
    ctx: z.RefinementCtx,
  ): void => {
    if (value.turnoverInr && value.exportTurnoverInr?.greaterThan(value.turnoverInr))
      ctx.addIssue({
        code: 'custom',
        path: ['exportTurnoverInr'],
        message: `${prefix}exportTurnoverInr cannot be more than ${prefix}turnoverInr`,
      });
  };
}

export function whenFieldsValid(...paths: string[]) {
  return {
    when: (payload: z.core.ParsePayload): boolean =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      !Array.isArray(payload.value) &&
      pathsValid(payload.issues, ...paths),
  };
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** A ZodError as the API's 422 body: every issue, with a dotted path; an unknown field gets its own issue. */
export function invalidRequestBody(error: z.ZodError): InvalidRequestBody {
  const issues = error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = dotted([...issue.path, key]);
        return { path, message: `${path} is not a field of this request` };
      });
    }
    const path = dotted(issue.path);
    if (issue.code === 'invalid_type' && issue.expected === 'object') {
      return [
        {
          path,
          message: path === '' ? 'The request body must be a JSON object' : `${path} must be an object`,
        },
      ];
    }
    if (issue.code === 'invalid_format' && issue.format === 'date') {
      return [{ path, message: `${path} must be a date written YYYY-MM-DD` }];
    }
    return [{ path, message: issue.message }];
  });
  return { error: 'invalid_request', issues };
}
