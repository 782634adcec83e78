// The columns of the advisor's bulk import (issue 8): what each field is called in our template, in English and
// in Hindi, and the names associations' own spreadsheets use for it, so most files map themselves.

export const IMPORT_FIELDS = [
  'name',
  'udyamNumber',
  'cluster',
  'investmentInr',
  'turnoverInr',
  'productionTonnes',
  'electricityKwh',
  'cokeTonnes',
  'annualEnergyBillInr',
  'cmrRank',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A row cannot make a unit without these. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['name', 'udyamNumber', 'cluster'];

/** The template's header row in each language; both are recognised whichever the advisor downloads. */
export const TEMPLATE_HEADERS: Record<'en' | 'hi', Record<ImportField, string>> = {
  en: {
    name: 'Enterprise name',
    udyamNumber: 'Udyam number',
    cluster: 'Cluster',
    investmentInr: 'Investment in plant and machinery (₹)',
    turnoverInr: 'Turnover (₹)',
    productionTonnes: 'Production (tonnes per year)',
    electricityKwh: 'Electricity (kWh per year)',
    cokeTonnes: 'Coke (tonnes per year)',
    annualEnergyBillInr: 'Annual energy bill (₹)',
    cmrRank: 'CMR rank',
  },
  hi: {
    name: 'उद्यम का नाम',
    udyamNumber: 'उद्यम पंजीकरण संख्या',
    cluster: 'क्लस्टर',
    investmentInr: 'संयंत्र और मशीनरी में निवेश (₹)',
    turnoverInr: 'कारोबार (₹)',
    productionTonnes: 'उत्पादन (टन प्रति वर्ष)',
    electricityKwh: 'बिजली (kWh प्रति वर्ष)',
    cokeTonnes: 'कोक (टन प्रति वर्ष)',
    annualEnergyBillInr: 'वार्षिक ऊर्जा बिल (₹)',
    cmrRank: 'सीएमआर रैंक',
  },
};

/** Other names seen in associations' sheets, written as `normaliseHeader` leaves them. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  name: [
    'name',
    'unit',
    'unit name',
    'name of unit',
    'name of the unit',
    'firm',
    'firm name',
    'enterprise',
    'company',
    'इकाई',
    'इकाई का नाम',
    'फर्म का नाम',
  ],
  udyamNumber: [
    'udyam',
    'udyam no',
    'udyam registration',
    'udyam registration number',
    'udyam registration no',
    'urn',
    'udyam urn',
    'उद्यम संख्या',
    'उद्यम नंबर',
  ],
  cluster: ['cluster id', 'cluster name', 'location cluster'],
  investmentInr: [
    'investment',
    'p m investment',
    'investment p m',
    'plant and machinery',
    'plant machinery',
    'investment in p m',
    'निवेश',
  ],
  turnoverInr: [
    'turnover',
    'annual turnover',
    'sales',
    'annual sales',
    'turnover rs',
    'टर्नओवर',
    'वार्षिक कारोबार',
  ],
  productionTonnes: [
    'production',
    'production t',
    'production tonnes',
    'annual production',
    'production mt',
    'उत्पादन',
  ],
  electricityKwh: [
    'electricity',
    'electricity kwh',
    'power consumption',
    'units consumed',
    'kwh',
    'annual kwh',
    'बिजली',
  ],
  cokeTonnes: ['coke', 'coke t', 'coke tonnes', 'coke consumption', 'coke mt', 'कोक'],
  annualEnergyBillInr: [
    'energy bill',
    'annual energy bill',
    'energy cost',
    'fuel and power bill',
    'ऊर्जा बिल',
  ],
  cmrRank: ['cmr', 'cibil msme rank', 'cmr score', 'cibil rank', 'सीएमआर'],
};

/**
 * A header as people vary it: case, spacing, punctuation, units in brackets and the ₹ sign do not matter,
 * Devanagari letters are kept.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

const KNOWN = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => [
    ...SYNONYMS[field].map((name) => [normaliseHeader(name), field] as const),
    [normaliseHeader(TEMPLATE_HEADERS.en[field]), field] as const,
    [normaliseHeader(TEMPLATE_HEADERS.hi[field]), field] as const,
  ]),
);

/** Which column (0-based) holds each field; null = not in the file. */
export type ColumnMapping = Record<ImportField, number | null>;

/** Columns matched by name; the first column wins if two carry the same field. */
export function autoMap(headers: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ColumnMapping;
  headers.forEach((header, index) => {
    const field = KNOWN.get(normaliseHeader(header));
    if (field !== undefined && mapping[field] === null) mapping[field] = index;
  });
  return mapping;
}

export type MappingProblem = 'required-missing' | 'column-twice' | 'no-such-column';

/** Why a mapping cannot be used, per field; empty when it can. */
export function mappingProblems(
  mapping: ColumnMapping,
  columnCount: number,
): Partial<Record<ImportField, MappingProblem>> {
  const problems: Partial<Record<ImportField, MappingProblem>> = {};
  const used = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === null) {
      if (REQUIRED_FIELDS.includes(field)) problems[field] = 'required-missing';
      continue;
    }
    if (!Number.isInteger(column) || column < 0 || column >= columnCount) problems[field] = 'no-such-column';
    else if (used.has(column)) problems[field] = 'column-twice';
    else used.set(column, field);
  }
  return problems;
}
