import type { Decimal } from 'decimal.js';
import { z } from 'zod';
import { moneyString, percentString, ratioString, yearsString } from '../../domain/money.js';

// Output values of the JSON API v1 (design/api-v1.md "Common rules"): strings rounded half-even, money to 2
// decimals, years to 4, percentages and ratios to 6; null where the value is undefined.

function orNull(format: (value: Decimal) => string) {
  function out(value: Decimal): string;
  function out(value: Decimal | null): string | null;
  function out(value: Decimal | null): string | null {
    return value === null ? null : format(value);
  }
  return out;
}

export const moneyOut = orNull(moneyString);
export const yearsOut = orNull(yearsString);
export const percentOut = orNull(percentString);
export const ratioOut = orNull(ratioString);

const decimalOut = (places: number, description: string) =>
  z
    .string()
    .regex(new RegExp(`^-?\\d+\\.\\d{${places}}$`))
    .meta({ description });

/** Schemas of the formatted values, for the OpenAPI document and for checking responses in tests. */
export const moneyOutSchema = decimalOut(2, 'Rupees, rounded half-even to 2 decimals');
export const yearsOutSchema = decimalOut(4, 'Years, rounded half-even to 4 decimals');
export const percentOutSchema = decimalOut(6, 'Percent, rounded half-even to 6 decimals');
export const ratioOutSchema = decimalOut(6, 'A ratio, rounded half-even to 6 decimals');
