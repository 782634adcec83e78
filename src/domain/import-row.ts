import { Decimal } from 'decimal.js';
import { UDYAM_PATTERN } from './enterprise-profile.js';
import { IMPORT_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from './import-columns.js';
import { parseIndianAmount, type IndianAmountError } from './indian-number.js';
import { roundToPaise } from './money.js';

// One row of the advisor's spreadsheet checked cell by cell: every problem is reported against its cell, so the
// report can say exactly what to correct, and a row is either wholly usable or not written at all.

export type CellProblem =
  | 'required'
  | 'too-long'
  | 'udyam-format'
  | 'cluster-unknown'
  | 'cluster-not-yours'
  | Exclude<IndianAmountError, 'empty'>
  | 'negative'
  | 'too-large'
  | 'cmr-range';

export type CellProblems = Partial<Record<ImportField, CellProblem>>;

export interface ClusterNames {
  id: string;
  /** Names it may be written as besides its id (English and Hindi). */
  names: readonly string[];
}

export interface RowContext {
  /** Clusters the advisor's association serves: rows may create units only here. */
  ownClusters: readonly ClusterNames[];
  /** Every other known cluster, so "not yours" can be told from "no such cluster". */
  otherClusters: readonly ClusterNames[];
}

export interface ImportValues {
  name: string;
  udyamNumber: string;
  clusterId: string;
  investmentInr: Decimal | null;
  turnoverInr: Decimal | null;
  productionTonnes: Decimal | null;
  electricityKwh: Decimal | null;
  cokeTonnes: Decimal | null;
  annualEnergyBillInr: Decimal | null;
  /** null = not given; newToCredit = the sheet says the unit has no credit history, so no rank. */
  credit: { newToCredit: boolean; cmrRank: number | null } | null;
}

export type RowCheck =
  { kind: 'blank' } | { kind: 'valid'; values: ImportValues } | { kind: 'invalid'; problems: CellProblems };

const MAX_NAME_LENGTH = 150;
/** ₹10,000 crore: far above any MSME, far below what integer paise can hold exactly. */
const MAX_RUPEES = new Decimal('1e11');
const MAX_QUANTITY = new Decimal('1e12');

/** Units people write after the number; the column already says which unit it is in. */
const QUANTITY_UNITS: Partial<Record<ImportField, RegExp>> = {
  productionTonnes: /\s*(t|tonnes?|tons?|mt|टन)$/iu,
  cokeTonnes: /\s*(t|tonnes?|tons?|mt|टन)$/iu,
  electricityKwh: /\s*(kwh|units|यूनिट)$/iu,
};

const NEW_TO_CREDIT = /^(ntc|new|new to credit|nil|नया)$/iu;

/**
 * Our rejected-rows file guards cells that a spreadsheet would run as a formula with a leading apostrophe
 * (see `csvCell`); reading such a file back takes the guard off.
 */
function cellText(cells: readonly string[], column: number | null): string {
  if (column === null) return '';
  return (cells[column] ?? '').replace(/^'(?=[=+@\-\t\r])/, '').trim();
}

function amount(text: string, field: ImportField, limit: Decimal): Decimal | null | { problem: CellProblem } {
  if (text === '') return null;
  const unit = QUANTITY_UNITS[field];
  const parsed = parseIndianAmount(unit ? text.replace(unit, '') : text);
  if (!(parsed instanceof Decimal))
    return { problem: parsed.error === 'empty' ? 'not-a-number' : parsed.error };
  if (parsed.isNegative()) return { problem: 'negative' };
  if (parsed.greaterThan(limit)) return { problem: 'too-large' };
  return parsed;
}

const sameName = (a: string, b: string) =>
  a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

function cluster(text: string, context: RowContext): string | { problem: CellProblem } {
  const matches = (candidate: ClusterNames) =>
    sameName(candidate.id, text) || candidate.names.some((name) => sameName(name, text));
  const own = context.ownClusters.find(matches);
  if (own) return own.id;
  return { problem: context.otherClusters.some(matches) ? 'cluster-not-yours' : 'cluster-unknown' };
}

/** "udyam-pb-03-0012345 " and "UDYAM–PB–03–0012345" (en dashes from a word processor) are the same number. */
export function normaliseUdyam(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '');
}

function cmr(text: string): ImportValues['credit'] | { problem: CellProblem } {
  if (text === '') return null;
  if (NEW_TO_CREDIT.test(text)) return { newToCredit: true, cmrRank: null };
  const rank = /^(?:cmr[-\s]?)?(\d{1,2})$/i.exec(text)?.[1];
  const value = rank === undefined ? NaN : Number(rank);
  return value >= 1 && value <= 10 ? { newToCredit: false, cmrRank: value } : { problem: 'cmr-range' };
}

/** Checks one data row read through `mapping`; a row whose mapped cells are all empty is blank and ignored. */
export function checkImportRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  context: RowContext,
): RowCheck {
  const text = Object.fromEntries(
    IMPORT_FIELDS.map((field) => [field, cellText(cells, mapping[field])]),
  ) as Record<ImportField, string>;
  if (IMPORT_FIELDS.every((field) => text[field] === '')) return { kind: 'blank' };

  const problems: CellProblems = {};
  for (const field of REQUIRED_FIELDS) if (text[field] === '') problems[field] = 'required';

  if (text.name.length > MAX_NAME_LENGTH) problems.name = 'too-long';
  const udyamNumber = normaliseUdyam(text.udyamNumber);
  if (udyamNumber !== '' && !UDYAM_PATTERN.test(udyamNumber)) problems.udyamNumber = 'udyam-format';
  const clusterId = text.cluster === '' ? null : cluster(text.cluster, context);
  if (clusterId !== null && typeof clusterId !== 'string') problems.cluster = clusterId.problem;

  const figure = (field: ImportField, limit: Decimal) => {
    const value = amount(text[field], field, limit);
    if (value === null || value instanceof Decimal) return value;
    problems[field] = value.problem;
    return null;
  };
  const money = (field: ImportField) => {
    const value = figure(field, MAX_RUPEES);
    return value && roundToPaise(value);
  };
  const values = {
    investmentInr: money('investmentInr'),
    turnoverInr: money('turnoverInr'),
    productionTonnes: figure('productionTonnes', MAX_QUANTITY),
    electricityKwh: figure('electricityKwh', MAX_QUANTITY),
    cokeTonnes: figure('cokeTonnes', MAX_QUANTITY),
    annualEnergyBillInr: money('annualEnergyBillInr'),
  };
  const credit = cmr(text.cmrRank);
  if (credit !== null && 'problem' in credit) problems.cmrRank = credit.problem;

  if (Object.keys(problems).length > 0 || typeof clusterId !== 'string') return { kind: 'invalid', problems };
  return {
    kind: 'valid',
    values: {
      name: text.name,
      udyamNumber,
      clusterId,
      ...values,
      credit: credit !== null && 'problem' in credit ? null : credit,
    },
  };
}
