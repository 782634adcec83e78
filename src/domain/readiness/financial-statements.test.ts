import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  completedFiscalYears,
  fiscalYearStart,
  projectInclusiveDscr,
  statementRatios,
  statementsLatestFirst,
  type FinancialYear,
} from './financial-statements.js';

const d = (value: string) => new Decimal(value);
const year = (fiscalYear: string, figures: Partial<Record<keyof FinancialYear, string>>): FinancialYear => ({
  fiscalYear,
  ...Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, d(value)])),
});

describe('statement ratios, worked by hand', () => {
  // CR = CA / CL; TOL/TNW = TOL / (NW − intangibles); DSCR = (PAT + dep + int) / (repayment + int) (api-v1.md).
  it.each([
    // CA, CL, TOL, NW, intangibles, PAT, dep, interest, repayment → CR, TOL/TNW, DSCR
    [
      '90',
      '60',
      '120',
      '50',
      '2',
      '15',
      '6',
      '4',
      '10',
      '1.5',
      '2.5',
      '1.785714285714285714285714285714285714286',
    ],
    ['40', '50', '100', '25', '0', '2', '3', '5', '15', '0.8', '4', '0.5'],
    ['10', '10', '30', '12', '2', '-1', '1', '0', '0', '1', '3', null],
    ['10', '0', '0', '10', '10', '1', '0', '0', '0', null, null, null],
  ])('CA %s CL %s TOL %s NW %s intangibles %s PAT %s dep %s int %s repay %s', (...row) => {
    const [ca, cl, tol, nw, intangible, pat, dep, int, repay, cr, tolTnw, dscr] = row;
    const ratios = statementRatios(
      year('2025-26', {
        currentAssetsInr: ca,
        currentLiabilitiesInr: cl,
        totalOutsideLiabilitiesInr: tol,
        netWorthInr: nw,
        intangibleAssetsInr: intangible,
        profitAfterTaxInr: pat,
        depreciationInr: dep,
        interestInr: int,
        termLoanRepaymentInr: repay,
      }),
      undefined,
    );
    expect(ratios.currentRatio.value?.toString() ?? null).toBe(cr);
    expect(ratios.tolTnw.value?.toString() ?? null).toBe(tolTnw);
    expect(ratios.dscr.value?.toString() ?? null).toBe(dscr);
  });

  it('says why a ratio is missing: a zero denominator or a figure not given', () => {
    const ratios = statementRatios(
      year('2025-26', { currentAssetsInr: '10', currentLiabilitiesInr: '0' }),
      undefined,
    );
    expect(ratios.currentRatio.reason?.en).toBe('Current liabilities is zero, so the ratio is undefined');
    expect(ratios.tolTnw.reason?.en).toBe('Total outside liabilities not given');
    expect(ratios.dscr.reason?.en).toBe('Profit after tax not given');
    expect(ratios.revenueGrowthPct.reason?.en).toBe('the year before is not given');
    expect(ratios.dscr.reason?.hi).toMatch(/[\u0900-\u097F]/);
  });

  it('works out PAT margin, cash profit and growth against the year just before only', () => {
    const { ratios } = statementsLatestFirst([
      year('2023-24', { revenueInr: '80' }),
      year('2025-26', { revenueInr: '120', profitAfterTaxInr: '6', depreciationInr: '3' }),
      year('2024-25', { revenueInr: '100' }),
    ]);
    expect(ratios.map((r) => r.fiscalYear)).toEqual(['2025-26', '2024-25', '2023-24']);
    expect(ratios[0]?.patMarginPct.value?.toString()).toBe('5');
    expect(ratios[0]?.cashProfitInr.value?.toString()).toBe('9');
    expect(ratios[0]?.revenueGrowthPct.value?.toString()).toBe('20');
    expect(ratios[1]?.revenueGrowthPct.value?.toString()).toBe('25');
    expect(ratios[2]?.revenueGrowthPct.value).toBeNull();
    const gap = statementsLatestFirst([
      year('2025-26', { revenueInr: '1' }),
      year('2023-24', { revenueInr: '1' }),
    ]);
    expect(gap.ratios[0]?.revenueGrowthPct.reason?.en).toBe('the year before is not given');
    const fromZero = statementsLatestFirst([
      year('2025-26', { revenueInr: '1' }),
      year('2024-25', { revenueInr: '0' }),
    ]);
    expect(fromZero.ratios[0]?.revenueGrowthPct.value).toBeNull();
  });

  it('adds the saving to accruals and the new loan to debt service for the project-inclusive DSCR', () => {
    // (15 + 6 + 4 + 9) / (10 + 4 + 6) = 34 / 20
    const latest = year('2025-26', {
      profitAfterTaxInr: '15',
      depreciationInr: '6',
      interestInr: '4',
      termLoanRepaymentInr: '10',
    });
    expect(projectInclusiveDscr(latest, d('9'), d('6')).value?.toString()).toBe('1.7');
    expect(projectInclusiveDscr(undefined, d('9'), d('6')).value).toBeNull();
    expect(projectInclusiveDscr(year('2025-26', { profitAfterTaxInr: '1' }), d('1'), d('0')).reason?.en).toBe(
      'Total debt service with the new loan is zero, so the ratio is undefined',
    );
  });
});

describe('fiscal years', () => {
  it('reads "2024-25" and refuses years that do not follow on', () => {
    expect(fiscalYearStart('2024-25')).toBe(2024);
    expect(fiscalYearStart('1999-00')).toBe(1999);
    expect(fiscalYearStart('2024-26')).toBeNull();
    expect(fiscalYearStart('2024')).toBeNull();
  });

  it('expects the three fiscal years that had ended on the date', () => {
    expect(completedFiscalYears('2026-11-22', 3)).toEqual(['2025-26', '2024-25', '2023-24']);
    expect(completedFiscalYears('2026-03-30', 2)).toEqual(['2024-25', '2023-24']);
    expect(completedFiscalYears('2026-03-31', 1)).toEqual(['2025-26']);
  });
});
