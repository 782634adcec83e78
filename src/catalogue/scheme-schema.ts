// The shape of data/schemes/<id>.yaml and its conversion to the domain's Scheme. zod checks the structure;
// toScheme then checks what depends on the fact named (a money threshold must be a decimal string, a code must be
// one of the fact's values, a term a condition cites must exist) and turns decimal strings into Decimal.
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { DatedSeries } from '../domain/dated.js';
import { factDefinitions, factKeys, type FactDefinition, type FactKey } from '../domain/enterprise-facts.js';
import {
  coverageCategories,
  schemeKinds,
  schemeLevels,
  termBases,
  valueTermKinds,
  termUnits,
  type Bound,
  type ComparisonTest,
  type Condition,
  type Literal,
  type OpenQuestion,
  type Scheme,
  type SchemeTerm,
  type Slab,
} from '../domain/scheme-types.js';
import {
  confidenceSchema,
  datedSeriesSchema,
  decimalStringSchema,
  isoDateSchema,
} from './dated-value-schema.js';

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'a kebab-case id, e.g. "loan-ceiling"' });
const localisedTextSchema = z.strictObject({ en: z.string().min(1), hi: z.string().min(1) });
const referenceSchema = z.url({ error: 'a reference is the URL of a source listed in schemes.md' });

const literalInput = z.union([z.string(), z.boolean(), z.number(), z.null()]);
const boundInput = z.union([z.string(), z.number(), z.strictObject({ term: kebabId })]);

type BoundInput = z.infer<typeof boundInput>;
type LiteralInput = z.infer<typeof literalInput>;

interface SourcedInput {
  id: string;
  text: { en: string; hi: string };
  reference: string;
  confidence: z.infer<typeof confidenceSchema>;
}
interface ComparisonInput extends SourcedInput {
  fact: FactKey;
  from?: string | undefined;
  equals?: LiteralInput | undefined;
  in?: LiteralInput[] | undefined;
  at_least?: BoundInput | undefined;
  at_most?: BoundInput | undefined;
  between?: [BoundInput, BoundInput] | undefined;
}
interface ToConfirmInput extends SourcedInput {
  to_confirm: true;
}
type ConditionInput =
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput }
  | ComparisonInput
  | ToConfirmInput;

const operators = ['equals', 'in', 'at_least', 'at_most', 'between'] as const;

const sourced = {
  id: kebabId,
  text: localisedTextSchema,
  reference: referenceSchema,
  confidence: confidenceSchema,
};

const comparisonInput = z
  .strictObject({
    ...sourced,
    fact: z.enum(factKeys as [FactKey, ...FactKey[]], {
      error: `fact must be one of: ${factKeys.join(', ')}`,
    }),
    equals: literalInput.optional(),
    in: z.array(literalInput).min(1).optional(),
    at_least: boundInput.optional(),
    at_most: boundInput.optional(),
    between: z.tuple([boundInput, boundInput]).optional(),
    from: isoDateSchema.optional(),
  })
  .refine((input) => operators.filter((operator) => input[operator] !== undefined).length === 1, {
    error: `a comparison has exactly one of: ${operators.join(', ')}`,
  });

const toConfirmInput = z.strictObject({
  ...sourced,
  to_confirm: z.literal(true),
  confidence: z.literal('unconfirmed'),
});

const conditionInput: z.ZodType<ConditionInput> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionInput).min(1) }),
    z.strictObject({ any: z.array(conditionInput).min(2) }),
    z.strictObject({ not: conditionInput }),
    toConfirmInput,
    comparisonInput,
  ]),
);

const slabsInput = z
  .array(z.strictObject({ up_to: decimalStringSchema.nullable(), value: decimalStringSchema }))
  .min(1)
  .refine((slabs) => slabs.slice(0, -1).every((slab) => slab.up_to !== null), {
    error: 'only the last slab may have no upper limit (up_to: null)',
  });

const termCommon = {
  id: kebabId,
  label: localisedTextSchema,
  basis: z.enum(termBases).optional(),
  /** Another scheme the basis belongs to: a reimbursement of that scheme's annual guarantee fee. */
  of_scheme: kebabId.optional(),
  /** The loan years the term applies in (year 1 is the year of sanction); every year when left out. */
  years: z
    .strictObject({ from: z.int().min(1), to: z.int().min(1).optional() })
    .refine((years) => years.to === undefined || years.to >= years.from, {
      error: 'years.to must not be before years.from',
    })
    .optional(),
  applies_when: conditionInput.optional(),
  limits: kebabId.optional(),
};

const termInput = z.union([
  z.strictObject({
    ...termCommon,
    kind: z.enum(valueTermKinds),
    series: datedSeriesSchema(decimalStringSchema),
  }),
  z.strictObject({ ...termCommon, kind: z.literal('slab-rate'), series: datedSeriesSchema(slabsInput) }),
]);

export const schemeFileSchema = z.strictObject({
  id: kebabId,
  name: localisedTextSchema,
  administrator: localisedTextSchema,
  kinds: z.array(z.enum(schemeKinds)).min(1),
  level: z.array(z.enum(schemeLevels)).min(1),
  valid_from: isoDateSchema.nullable(),
  valid_until: isoDateSchema.nullable().optional(),
  validity: z.strictObject({
    reference: referenceSchema,
    confidence: confidenceSchema,
    note: z.string().optional(),
  }),
  closure: z
    .strictObject({ on: isoDateSchema, reference: referenceSchema, note: localisedTextSchema })
    .optional(),
  status_unconfirmed_since: isoDateSchema.nullable().optional(),
  status_note: localisedTextSchema.optional(),
  eligibility: conditionInput,
  coverage: z.strictObject({
    categories: z.array(z.enum(coverageCategories)).min(1),
    note: localisedTextSchema.optional(),
  }),
  terms: z.array(termInput),
  stacking: z
    .array(
      z.strictObject({
        scheme: kebabId,
        rule: z.literal('not-with'),
        text: localisedTextSchema,
        reference: referenceSchema,
        confidence: confidenceSchema,
      }),
    )
    .default([]),
  documents: z.array(z.strictObject({ id: kebabId, label: localisedTextSchema })).min(1),
  to_confirm: z
    .array(
      z
        .strictObject({
          id: kebabId,
          text: localisedTextSchema,
          /** Terms whose figures this question leaves open; a benefit resting on one says `caveat`. */
          affects: z.array(kebabId).min(1).optional(),
          applies_when: conditionInput.optional(),
          caveat: localisedTextSchema.optional(),
        })
        .refine((question) => (question.affects === undefined) === (question.caveat === undefined), {
          error: 'a question that affects terms says so in a caveat, and a caveat names the terms it affects',
        })
        .refine((question) => question.applies_when === undefined || question.affects !== undefined, {
          error: 'applies_when on a question needs the terms it affects',
        }),
    )
    .default([]),
  references: z
    .array(z.strictObject({ url: referenceSchema, title: z.string().min(1), confidence: confidenceSchema }))
    .min(1),
});

export type SchemeFile = z.infer<typeof schemeFileSchema>;

/**
 * Converts a parsed scheme file to the domain shape. Returns the problems instead when the file's values do not fit
 * the facts they test; each problem names its place in the file.
 */
export function toScheme(file: SchemeFile): { scheme: Scheme } | { problems: string[] } {
  const problems: string[] = [];
  const termIds = new Set(file.terms.map((term) => term.id));
  const valueTermIds = new Set(file.terms.filter((term) => term.kind !== 'slab-rate').map((term) => term.id));
  const conditionIds = new Set<string>();

  for (const id of findDuplicates(file.terms.map((term) => term.id)))
    problems.push(`terms: id "${id}" repeats`);

  const convertCondition = (input: ConditionInput, at: string): Condition => {
    if ('all' in input)
      return { kind: 'all', conditions: input.all.map((c, i) => convertCondition(c, `${at}.all[${i}]`)) };
    if ('any' in input)
      return { kind: 'any', conditions: input.any.map((c, i) => convertCondition(c, `${at}.any[${i}]`)) };
    if ('not' in input) return { kind: 'not', condition: convertCondition(input.not, `${at}.not`) };
    if (conditionIds.has(input.id)) problems.push(`${at}: condition id "${input.id}" repeats`);
    conditionIds.add(input.id);
    const sourcedPart = {
      id: input.id,
      text: input.text,
      reference: input.reference,
      confidence: input.confidence,
    };
    if ('to_confirm' in input) return { kind: 'to-confirm', ...sourcedPart };
    const definition: FactDefinition = factDefinitions[input.fact];
    const where = `${at} (${input.id}, fact ${input.fact})`;
    const literal = (value: LiteralInput): Literal => toLiteral(value, definition, where, problems);
    const bound = (value: BoundInput): Bound =>
      toBound(value, definition, valueTermIds, termIds, where, problems);
    let test: ComparisonTest;
    if (input.equals !== undefined) test = { op: 'equals', value: literal(input.equals) };
    else if (input.in !== undefined) test = { op: 'in', values: input.in.map(literal) };
    else if (input.at_least !== undefined) test = { op: 'at_least', bound: bound(input.at_least) };
    else if (input.at_most !== undefined) test = { op: 'at_most', bound: bound(input.at_most) };
    else {
      const [min, max] = input.between ?? [0, 0];
      test = { op: 'between', min: bound(min), max: bound(max) };
    }
    return {
      kind: 'comparison',
      ...sourcedPart,
      fact: input.fact,
      test,
      ...(input.from === undefined ? {} : { from: input.from }),
    };
  };

  const eligibility = convertCondition(file.eligibility, 'eligibility');
  const rateTermIds = new Set(file.terms.filter((term) => term.kind === 'rate').map((term) => term.id));
  const terms: SchemeTerm[] = file.terms.map((term, index) => {
    if (term.limits !== undefined) {
      const where = `terms[${index}] (${term.id}).limits`;
      if (term.kind !== 'cap') problems.push(`${where}: only a cap limits a rate`);
      else if (!rateTermIds.has(term.limits))
        problems.push(`${where}: no rate term "${term.limits}" in this file`);
    }
    const common = {
      id: term.id,
      label: term.label,
      basis: term.basis,
      ...(term.of_scheme === undefined ? {} : { ofScheme: term.of_scheme }),
      ...(term.years === undefined ? {} : { years: { from: term.years.from, to: term.years.to ?? null } }),
      appliesWhen:
        term.applies_when === undefined
          ? undefined
          : convertCondition(term.applies_when, `terms[${index}].applies_when`),
      limits: term.limits,
    };
    checkUnit(term.series.unit, `terms[${index}] (${term.id})`, problems);
    checkUnconfirmedHaveNoValue(term.series, `terms[${index}] (${term.id})`, problems);
    if (term.kind === 'slab-rate') {
      const series: DatedSeries<readonly Slab[]> = {
        unit: term.series.unit,
        values: term.series.values.map((entry) => ({
          ...entry,
          value:
            entry.value === null
              ? null
              : entry.value.map((slab) => ({
                  upToInr: slab.up_to === null ? null : new Decimal(slab.up_to),
                  value: new Decimal(slab.value),
                })),
        })),
      };
      return { ...common, kind: 'slab-rate', shape: 'slabs', series };
    }
    const series: DatedSeries<Decimal> = {
      unit: term.series.unit,
      values: term.series.values.map((entry) => ({
        ...entry,
        value: entry.value === null ? null : new Decimal(entry.value),
      })),
    };
    return { ...common, kind: term.kind, shape: 'value', series };
  });

  const toConfirm: OpenQuestion[] = file.to_confirm.map((question, index) => {
    const where = `to_confirm[${index}] (${question.id})`;
    for (const id of question.affects ?? []) {
      if (!termIds.has(id)) problems.push(`${where}.affects: no term "${id}" in this file`);
    }
    return {
      id: question.id,
      text: question.text,
      ...(question.affects === undefined ? {} : { affects: question.affects }),
      ...(question.applies_when === undefined
        ? {}
        : { appliesWhen: convertCondition(question.applies_when, `${where}.applies_when`) }),
      ...(question.caveat === undefined ? {} : { caveat: question.caveat }),
    };
  });

  if (file.valid_from !== null && file.valid_until != null && file.valid_until < file.valid_from) {
    problems.push('valid_until is before valid_from');
  }
  if (problems.length > 0) return { problems };

  return {
    scheme: {
      id: file.id,
      name: file.name,
      administrator: file.administrator,
      kinds: file.kinds,
      level: file.level,
      validity: {
        validFrom: file.valid_from,
        validUntil: file.valid_until ?? null,
        reference: file.validity.reference,
        confidence: file.validity.confidence,
        closure: file.closure,
        statusUnconfirmedSince: file.status_unconfirmed_since,
        statusNote: file.status_note,
      },
      eligibility,
      coverage: file.coverage,
      terms,
      stacking: file.stacking,
      documents: file.documents,
      toConfirm,
      references: file.references,
    },
  };
}

function toLiteral(
  value: LiteralInput,
  definition: FactDefinition,
  where: string,
  problems: string[],
): Literal {
  if (value === null) {
    if (definition.nullable !== true) problems.push(`${where}: null is not a value of this fact`);
    return null;
  }
  switch (definition.kind) {
    case 'money':
    case 'percent':
    case 'count':
      return toDecimal(value, definition, where, problems) ?? null;
    case 'flag':
      if (typeof value !== 'boolean') problems.push(`${where}: use true or false`);
      return value === true;
    case 'date':
      if (typeof value !== 'string' || !isoDateSchema.safeParse(value).success) {
        problems.push(`${where}: a quoted ISO date, e.g. "2025-04-01"`);
      }
      return String(value);
    case 'code':
    case 'set':
    case 'text':
      if (typeof value !== 'string') problems.push(`${where}: a quoted text value`);
      else if (definition.values !== undefined && !definition.values.includes(value)) {
        problems.push(`${where}: "${value}" is not one of ${definition.values.join(', ')}`);
      }
      return String(value);
  }
}

function toBound(
  value: BoundInput,
  definition: FactDefinition,
  valueTermIds: ReadonlySet<string>,
  termIds: ReadonlySet<string>,
  where: string,
  problems: string[],
): Bound {
  if (typeof value === 'object') {
    if (!termIds.has(value.term)) problems.push(`${where}: no term "${value.term}" in this file`);
    else if (!valueTermIds.has(value.term))
      problems.push(`${where}: term "${value.term}" is a slab table, not a threshold`);
    return { term: value.term };
  }
  if (definition.kind === 'date') {
    if (typeof value !== 'string' || !isoDateSchema.safeParse(value).success) {
      problems.push(`${where}: a quoted ISO date, e.g. "2025-04-01"`);
    }
    return { literal: String(value) };
  }
  if (definition.kind !== 'money' && definition.kind !== 'percent' && definition.kind !== 'count') {
    problems.push(`${where}: at_least, at_most and between need a number or date fact`);
    return { literal: String(value) };
  }
  return { literal: toDecimal(value, definition, where, problems) ?? new Decimal(0) };
}

/** Money and percent must be quoted decimal strings, so no float ever carries them; counts may be integers. */
function toDecimal(
  value: string | number | boolean,
  definition: FactDefinition,
  where: string,
  problems: string[],
): Decimal | undefined {
  if (typeof value === 'number' && definition.kind === 'count' && Number.isInteger(value))
    return new Decimal(value);
  if (typeof value === 'string' && decimalStringSchema.safeParse(value).success) return new Decimal(value);
  problems.push(
    `${where}: ${definition.kind === 'count' ? 'an integer' : 'a decimal number in quotes, e.g. "12.5"'}`,
  );
  return undefined;
}

function checkUnit(unit: string, where: string, problems: string[]): void {
  if (!(termUnits as readonly string[]).includes(unit)) {
    problems.push(`${where}: unit "${unit}" is not one of ${termUnits.join(', ')}`);
  }
}

/** schemes.md: an UNCONFIRMED figure is never stored as if known; the file says `value: null` with a note. */
function checkUnconfirmedHaveNoValue(
  series: {
    values: readonly { from: string; value: unknown; confidence: string; note?: string | undefined }[];
  },
  where: string,
  problems: string[],
): void {
  for (const entry of series.values) {
    if (entry.confidence === 'unconfirmed' && entry.value !== null) {
      problems.push(
        `${where} from ${entry.from}: an unconfirmed value must be null (say what is known in the note)`,
      );
    }
    if (entry.value === null && entry.confidence === 'unconfirmed' && (entry.note ?? '') === '') {
      problems.push(
        `${where} from ${entry.from}: an unconfirmed value needs a note saying what is not known`,
      );
    }
  }
}

function findDuplicates(ids: readonly string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}
