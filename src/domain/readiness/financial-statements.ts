import { Decimal } from 'decimal.js';
import type { LocalisedText } from '../catalogue-types.js';
import type { IsoDate } from '../dated.js';
import '../money.js';

// A bank's first look at an enterprise: up to three fiscal years of figures (api-v1.md, POST /api/v1/readiness)
// and the ratios an appraisal note quotes. A ratio that cannot be worked out is null with the reason, never a
// guess: a missing figure or a zero denominator is said as such.

export interface FinancialYear {
  /** "2024-25": April 2024 to March 2025. */
  fiscalYear: string;
  revenueInr?: Decimal | undefined;
  profitAfterTaxInr?: Decimal | undefined;
  depreciationInr?: Decimal | undefined;
  interestInr?: Decimal | undefined;
  termLoanRepaymentInr?: Decimal | undefined;
  currentAssetsInr?: Decimal | undefined;
  currentLiabilitiesInr?: Decimal | undefined;
  totalOutsideLiabilitiesInr?: Decimal | undefined;
  netWorthInr?: Decimal | undefined;
  intangibleAssetsInr?: Decimal | undefined;
}

/** A ratio or amount, or why there is none. */
export type Derived = { value: Decimal; reason: null } | { value: null; reason: LocalisedText };

export interface StatementRatios {
  fiscalYear: string;
  /** Current assets ÷ current liabilities. */
  currentRatio: Derived;
  /** Total outside liabilities ÷ (net worth − intangible assets). */
  tolTnw: Derived;
  /** (PAT + depreciation + interest) ÷ (term-loan repayment + interest): cover of the existing debt. */
  dscr: Derived;
  patMarginPct: Derived;
  /** Against the fiscal year just before, when it is given. */
  revenueGrowthPct: Derived;
  /** PAT + depreciation. */
  cashProfitInr: Derived;
  /** Term-loan repayment + interest paid in the year. */
  debtServiceInr: Decimal;
}

const ZERO = new Decimal(0);
const FISCAL_YEAR = /^(\d{4})-(\d{2})$/;

/** The calendar year a fiscal year starts in, or null when the text is not a fiscal year like "2024-25". */
export function fiscalYearStart(fiscalYear: string): number | null {
  const match = FISCAL_YEAR.exec(fiscalYear);
  if (!match) return null;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start : null;
}

export function fiscalYearName(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The last day of a fiscal year (31 March). */
export function fiscalYearEnd(start: number): IsoDate {
  return `${start + 1}-03-31`;
}

/** The `count` fiscal years that had ended on `asOf`, latest first: the statements a bank expects. */
export function completedFiscalYears(asOf: IsoDate, count: number): string[] {
  const year = Number(asOf.slice(0, 4));
  const latestStart = asOf >= `${year}-03-31` ? year - 1 : year - 2;
  return Array.from({ length: count }, (_, index) => fiscalYearName(latestStart - index));
}

const reason = (en: string, hi: string): Derived => ({ value: null, reason: { en, hi } });
const notGiven = (en: string, hi: string) => reason(`${en} not given`, `${hi} नहीं दिया गया`);
const zeroed = (en: string, hi: string) =>
  reason(`${en} is zero, so the ratio is undefined`, `${hi} शून्य है, इसलिए अनुपात परिभाषित नहीं है`);
const ok = (value: Decimal): Derived => ({ value, reason: null });

function quotient(
  numerator: Decimal | undefined,
  denominator: Decimal | undefined,
  names: { numerator: LocalisedText; denominator: LocalisedText },
): Derived {
  if (numerator === undefined) return notGiven(names.numerator.en, names.numerator.hi);
  if (denominator === undefined) return notGiven(names.denominator.en, names.denominator.hi);
  if (denominator.isZero()) return zeroed(names.denominator.en, names.denominator.hi);
  return ok(numerator.dividedBy(denominator));
}

const CURRENT_ASSETS = { en: 'Current assets', hi: 'चालू परिसंपत्तियाँ' };
const CURRENT_LIABILITIES = { en: 'Current liabilities', hi: 'चालू देनदारियाँ' };
const TOL = { en: 'Total outside liabilities', hi: 'कुल बाहरी देनदारियाँ' };
const TNW = { en: 'Tangible net worth', hi: 'मूर्त निवल संपत्ति' };
const PAT = { en: 'Profit after tax', hi: 'कर पश्चात लाभ' };
const REVENUE = { en: 'Revenue', hi: 'राजस्व' };
const DEBT_SERVICE = {
  en: 'Existing debt service (repayment + interest)',
  hi: 'मौजूदा ऋण भुगतान (किस्त + ब्याज)',
};

/** Net worth less intangibles; undefined when net worth is not given (intangibles default to none). */
export function tangibleNetWorth(year: FinancialYear): Decimal | undefined {
  return year.netWorthInr?.minus(year.intangibleAssetsInr ?? ZERO);
}

/** Repayment plus interest; a figure not given counts as none (a year without loans shows neither). */
export function existingDebtService(year: FinancialYear): Decimal {
  return (year.termLoanRepaymentInr ?? ZERO).plus(year.interestInr ?? ZERO);
}

/** Cash accruals available for debt service: PAT + depreciation + interest; undefined without PAT. */
export function cashAccrualsInr(year: FinancialYear): Decimal | undefined {
  return year.profitAfterTaxInr?.plus(year.depreciationInr ?? ZERO).plus(year.interestInr ?? ZERO);
}

export function statementRatios(year: FinancialYear, previous: FinancialYear | undefined): StatementRatios {
  const debtServiceInr = existingDebtService(year);
  const cashProfit = year.profitAfterTaxInr?.plus(year.depreciationInr ?? ZERO);
  let revenueGrowthPct: Derived;
  if (previous === undefined)
    revenueGrowthPct = reason('the year before is not given', 'उससे पिछला वर्ष नहीं दिया गया');
  else {
    const growth = quotient(year.revenueInr?.minus(previous.revenueInr ?? ZERO), previous.revenueInr, {
      numerator: REVENUE,
      denominator: { en: "The year before's revenue", hi: 'पिछले वर्ष का राजस्व' },
    });
    revenueGrowthPct =
      growth.value === null || year.revenueInr === undefined ? growth : ok(growth.value.times(100));
  }
  const margin = quotient(year.profitAfterTaxInr, year.revenueInr, { numerator: PAT, denominator: REVENUE });
  return {
    fiscalYear: year.fiscalYear,
    currentRatio: quotient(year.currentAssetsInr, year.currentLiabilitiesInr, {
      numerator: CURRENT_ASSETS,
      denominator: CURRENT_LIABILITIES,
    }),
    tolTnw: quotient(year.totalOutsideLiabilitiesInr, tangibleNetWorth(year), {
      numerator: TOL,
      denominator: TNW,
    }),
    dscr: quotient(cashAccrualsInr(year), debtServiceInr, { numerator: PAT, denominator: DEBT_SERVICE }),
    patMarginPct: margin.value === null ? margin : ok(margin.value.times(100)),
    revenueGrowthPct,
    cashProfitInr: cashProfit === undefined ? notGiven(PAT.en, PAT.hi) : ok(cashProfit),
    debtServiceInr,
  };
}

/** Statements latest first, each with its ratios; growth is taken only against the fiscal year just before. */
export function statementsLatestFirst(financials: readonly FinancialYear[]): {
  years: FinancialYear[];
  ratios: StatementRatios[];
} {
  const years = [...financials].sort((a, b) => b.fiscalYear.localeCompare(a.fiscalYear));
  const ratios = years.map((year) => {
    const start = fiscalYearStart(year.fiscalYear);
    const previous =
      start === null ? undefined : years.find((other) => other.fiscalYear === fiscalYearName(start - 1));
    return statementRatios(year, previous);
  });
  return { years, ratios };
}

/**
 * Year-1 DSCR with the new loan: (latest cash accruals + the project's first-year saving) ÷ (existing debt
 * service + the new loan's first-year debt service). The saving adds to accruals because it lowers the energy bill.
 */
export function projectInclusiveDscr(
  latest: FinancialYear | undefined,
  firstYearSavingInr: Decimal,
  newDebtServiceYear1Inr: Decimal,
): Derived {
  if (latest === undefined)
    return reason('no financial statements were given', 'कोई वित्तीय विवरण नहीं दिया गया');
  return quotient(
    cashAccrualsInr(latest)?.plus(firstYearSavingInr),
    existingDebtService(latest).plus(newDebtServiceYear1Inr),
    {
      numerator: PAT,
      denominator: { en: 'Total debt service with the new loan', hi: 'नए ऋण सहित कुल ऋण भुगतान' },
    },
  );
}
