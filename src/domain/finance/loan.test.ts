import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyString, roundedString } from '../money.js';
import {
  analyseLoan,
  equatedMonthlyInstalment,
  loanSchedule,
  ProjectLoans,
  totalSubvention,
  type LoanTerms,
} from './loan.js';

const d = (value: string | number) => new Decimal(value);
const terms = (overrides: Partial<LoanTerms>): LoanTerms => ({
  principalInr: d(100000),
  annualRatePct: d(12),
  tenureMonths: 12,
  moratoriumMonths: 0,
  interestSubventionPct: d(0),
  subventionMonths: 0,
  ...overrides,
});
const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), d(0));

/** Any loan the forms accept, in paise and basis points: the moratorium always shorter than the tenure. */
const anyLoan = (limits: {
  minPaise: number;
  maxPaise: number;
  maxMonths: number;
  maxSubventionBp: number;
  maxSubventionMonths: number;
  maxCapPaise?: number;
}) =>
  fc
    .record({
      paise: fc.integer({ min: limits.minPaise, max: limits.maxPaise }),
      rateBp: fc.integer({ min: 0, max: 3000 }),
      tenureMonths: fc.integer({ min: 1, max: limits.maxMonths }),
      moratorium: fc.nat({ max: limits.maxMonths - 1 }),
      subventionBp: fc.integer({ min: 0, max: limits.maxSubventionBp }),
      subventionMonths: fc.nat({ max: limits.maxSubventionMonths }),
      capPaise:
        limits.maxCapPaise === undefined
          ? fc.constant(null)
          : fc.integer({ min: 0, max: limits.maxCapPaise }),
    })
    .map((drawn) =>
      terms({
        principalInr: d(drawn.paise).dividedBy(100),
        annualRatePct: d(drawn.rateBp).dividedBy(100),
        tenureMonths: drawn.tenureMonths,
        moratoriumMonths: drawn.moratorium % drawn.tenureMonths,
        interestSubventionPct: d(drawn.subventionBp).dividedBy(100),
        subventionMonths: drawn.subventionMonths,
        ...(drawn.capPaise === null ? {} : { subventionCapPerYearInr: d(drawn.capPaise).dividedBy(100) }),
      }),
    );

describe('equatedMonthlyInstalment', () => {
  it('₹1,00,000 at 12 % over 12 months is ₹8,884.88', () => {
    expect(moneyString(equatedMonthlyInstalment(d(100000), d('0.01'), 12))).toBe('8884.88');
  });
  it('is P/n at 0 %', () => {
    expect(equatedMonthlyInstalment(d(1200), d(0), 12).toString()).toBe('100');
  });
  it('for two months at 1 %: 120000 × 0.01 × 1.0201 / 0.0201 = 1224.12 / 0.0201', () => {
    expect(equatedMonthlyInstalment(d(120000), d('0.01'), 2).toString()).toBe(
      d('1224.12').dividedBy('0.0201').toString(),
    );
  });
});

describe('loanSchedule', () => {
  it('pays interest only during the moratorium, then two instalments (worked by hand)', () => {
    // P 1,20,000 at 12 %, 4 months, 2 interest-only: months 1–2 pay 1,200 interest; EMI = 1224.12/0.0201 = 60,901.49…;
    // month 3 principal = EMI − 1,200 = 59,701.49; month 4 interest = 1 % of the 60,298.51 left = 602.99,
    // principal = that balance, so month 4 also pays the EMI.
    const { emiInr, schedule } = loanSchedule(
      terms({ principalInr: d(120000), tenureMonths: 4, moratoriumMonths: 2 }),
    );
    expect(moneyString(emiInr)).toBe('60901.49');
    expect(schedule.map((m) => moneyString(m.interestInr))).toEqual([
      '1200.00',
      '1200.00',
      '1200.00',
      '602.99',
    ]);
    expect(schedule.map((m) => moneyString(m.principalInr))).toEqual([
      '0.00',
      '0.00',
      '59701.49',
      '60298.51',
    ]);
    expect(schedule.map((m) => moneyString(m.debtServiceInr))).toEqual([
      '1200.00',
      '1200.00',
      '60901.49',
      '60901.49',
    ]);
    expect(schedule[3]?.debtServiceInr.minus(emiInr).abs().lessThan('1e-30')).toBe(true);
    expect(schedule[3]?.closingBalanceInr.toString()).toBe('0');
  });

  it('subvention is opening balance × rate/12 for the first months only', () => {
    // 5 % on ₹1,20,000 = ₹500 a month for 3 months while the balance is untouched by the moratorium.
    const { schedule } = loanSchedule(
      terms({
        principalInr: d(120000),
        tenureMonths: 4,
        moratoriumMonths: 3,
        interestSubventionPct: d(5),
        subventionMonths: 3,
      }),
    );
    expect(schedule.map((m) => moneyString(m.subventionInr))).toEqual(['500.00', '500.00', '500.00', '0.00']);
    expect(schedule.map((m) => moneyString(m.debtServiceInr)).slice(0, 3)).toEqual([
      '700.00',
      '700.00',
      '700.00',
    ]);
  });

  it('caps subvention at the month’s interest when it exceeds the loan rate', () => {
    const { schedule } = loanSchedule(
      terms({ annualRatePct: d(3), interestSubventionPct: d(5), subventionMonths: 12 }),
    );
    for (const month of schedule) expect(month.subventionInr.equals(month.interestInr)).toBe(true);
    expect(schedule.every((m) => m.debtServiceInr.equals(m.principalInr))).toBe(true);
  });

  it('a zero-rate loan repays P/n each month with no interest and no subvention', () => {
    const { emiInr, schedule } = loanSchedule(
      terms({
        principalInr: d(1200),
        annualRatePct: d(0),
        interestSubventionPct: d(5),
        subventionMonths: 12,
      }),
    );
    expect(emiInr.toString()).toBe('100');
    expect(
      schedule.every((m) => m.principalInr.equals(100) && m.interestInr.isZero() && m.subventionInr.isZero()),
    ).toBe(true);
  });

  it('rejects a tenure not longer than the moratorium', () => {
    expect(() => loanSchedule(terms({ tenureMonths: 6, moratoriumMonths: 6 }))).toThrow(RangeError);
    expect(() => loanSchedule(terms({ tenureMonths: 6.5 }))).toThrow(RangeError);
  });

  it('principal sums to the loan exactly and the balance ends at 0 (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        anyLoan({
          minPaise: 1,
          maxPaise: 1_000_000_000_000,
          maxMonths: 360,
          maxSubventionBp: 1000,
          maxSubventionMonths: 360,
        }),
        (loan) => {
          const { schedule } = loanSchedule(loan);
          expect(schedule).toHaveLength(loan.tenureMonths);
          expect(
            sum(schedule.map((m) => m.principalInr))
              .minus(loan.principalInr)
              .abs()
              .lessThanOrEqualTo('1e-20'),
          ).toBe(true);
          expect(schedule.at(-1)?.closingBalanceInr.isZero()).toBe(true);
          for (const m of schedule) {
            expect(m.subventionInr.lessThanOrEqualTo(m.interestInr)).toBe(true);
            expect(m.principalInr.isNegative()).toBe(false);
            expect(m.closingBalanceInr.isFinite()).toBe(true);
          }
        },
      ),
      { seed: 20261125, numRuns: 150 },
    );
  });
});

describe('analyseLoan', () => {
  it('its loan years are the month-by-month schedule summed, to 20 decimal places (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        anyLoan({
          minPaise: 0,
          maxPaise: 1_000_000_000_000,
          maxMonths: 360,
          maxSubventionBp: 4000,
          maxSubventionMonths: 400,
        }),
        (loan) => {
          const { schedule } = loanSchedule(loan);
          const { years } = analyseLoan(loan, []);
          expect(years).toHaveLength(Math.ceil(loan.tenureMonths / 12));
          expect(roundedString(totalSubvention(loan), 20), 'total subvention').toBe(
            roundedString(sum(schedule.map((m) => m.subventionInr)), 20),
          );
          for (const year of years) {
            const months = schedule.slice((year.year - 1) * 12, year.year * 12);
            expect(year.months).toBe(months.length);
            for (const field of ['interestInr', 'subventionInr', 'principalInr', 'debtServiceInr'] as const) {
              const fromSchedule = sum(months.map((m) => m[field]));
              expect(roundedString(year[field], 20), `${field} in year ${year.year}`).toBe(
                roundedString(fromSchedule, 20),
              );
            }
          }
        },
      ),
      { seed: 20261126, numRuns: 200 },
    );
  });

  it('zero-rate ₹1,200 over 24 months: DSCR 900/600 and 300/600, min 0.5, avg 1', () => {
    const loan = analyseLoan(terms({ principalInr: d(1200), annualRatePct: d(0), tenureMonths: 24 }), [
      d(900),
      d(300),
    ]);
    expect(
      loan.years.map((y) => [y.year, y.months, y.debtServiceInr.toString(), y.dscr?.toString()]),
    ).toEqual([
      [1, 12, '600', '1.5'],
      [2, 12, '600', '0.5'],
    ]);
    expect(loan.minDscr?.toString()).toBe('0.5');
    expect(loan.avgDscr?.toString()).toBe('1');
  });

  it('savings are 0 beyond the project lifetime', () => {
    const loan = analyseLoan(terms({ principalInr: d(1200), annualRatePct: d(0), tenureMonths: 24 }), [
      d(900),
    ]);
    expect(loan.years.map((y) => y.dscr?.toString())).toEqual(['1.5', '0']);
    expect(loan.avgDscr?.toString()).toBe('0.75');
  });

  it('a year without debt service has no DSCR and is left out of the minimum', () => {
    const loan = analyseLoan(
      terms({ principalInr: d(1200), annualRatePct: d(0), tenureMonths: 24, moratoriumMonths: 12 }),
      [d(100), d(2400)],
    );
    expect(loan.years.map((y) => y.dscr?.toString() ?? null)).toEqual([null, '2']);
    expect(loan.minDscr?.toString()).toBe('2');
    expect(loan.avgDscr?.toString()).toBe(d(2500).dividedBy(1200).toString());
  });

  it('groups 18 months into a full year and a 6-month year, and totals interest and subvention', () => {
    const loan = analyseLoan(
      terms({
        principalInr: d(120000),
        tenureMonths: 18,
        moratoriumMonths: 6,
        interestSubventionPct: d(5),
        subventionMonths: 3,
      }),
      [d(100000), d(100000)],
    );
    expect(loan.years.map((y) => y.months)).toEqual([12, 6]);
    expect(moneyString(loan.totalSubventionInr)).toBe('1500.00');
    expect(moneyString(loan.moratoriumInterestInr)).toBe('1200.00');
    // Equal up to the 40th digit: the sums add the same terms in a different order.
    const close = (a: Decimal, b: Decimal) => a.minus(b).abs().lessThan('1e-30');
    expect(close(loan.totalInterestInr, sum(loan.years.map((y) => y.interestInr)))).toBe(true);
    expect(
      close(loan.totalDebtServiceInr, loan.totalInterestInr.minus(loan.totalSubventionInr).plus(120000)),
    ).toBe(true);
  });

  it('gives no DSCR at all when nothing is ever due', () => {
    const loan = analyseLoan(terms({ principalInr: d(0), annualRatePct: d(0) }), [d(10)]);
    expect(loan.minDscr).toBeNull();
    expect(loan.avgDscr).toBeNull();
  });

  it('api-v1 example loan: ₹33,75,000 at 10.5 %, 60 months, 6 months moratorium, 5 % subvention for 36 months', () => {
    const loan = analyseLoan(
      {
        principalInr: d(3375000),
        annualRatePct: d('10.5'),
        tenureMonths: 60,
        moratoriumMonths: 6,
        interestSubventionPct: d(5),
        subventionMonths: 36,
      },
      [],
    );
    // Moratorium interest 33,75,000 × 0.105/12 = 29,531.25 a month.
    expect(moneyString(loan.moratoriumInterestInr)).toBe('29531.25');
    expect(loan.years).toHaveLength(5);
    expect(roundedString(sum(loan.years.map((y) => y.principalInr)), 20)).toBe(
      '3375000.00000000000000000000',
    );
  });

  it('a subvention within the moratorium is exact, so a half-paisa tie rounds half-even (₹12,98,814.595 → .60)', () => {
    // 1,99,81,763 × 6.5 % = 12,98,814.595 over the 12 interest-only months; a figure a hair below would give .59.
    const loanTerms = terms({
      principalInr: d(19981763),
      annualRatePct: d('12.25'),
      tenureMonths: 240,
      moratoriumMonths: 24,
      interestSubventionPct: d('6.5'),
      subventionMonths: 12,
    });
    expect(analyseLoan(loanTerms, []).totalSubventionInr.toString()).toBe('1298814.595');
    expect(totalSubvention(loanTerms).toString()).toBe('1298814.595');
    expect(moneyString(totalSubvention(loanTerms))).toBe('1298814.60');
    expect(new ProjectLoans().totalSubvention(loanTerms).toString()).toBe('1298814.595');
  });
});

describe('ProjectLoans', () => {
  it('gives each of a project’s loans, sharing powers and runs, the figures it has alone (property, fixed seed)', () => {
    const loan = anyLoan({
      minPaise: 0,
      maxPaise: 1_000_000_000_000,
      maxMonths: 240,
      maxSubventionBp: 1500,
      maxSubventionMonths: 120,
      maxCapPaise: 100_000_000,
    });
    fc.assert(
      fc.property(fc.array(loan, { minLength: 2, maxLength: 6 }), fc.boolean(), (drawn, sameRate) => {
        // A project's loans mostly share the rate, so their powers of (1 + i) come from one table.
        const rate = drawn[0]?.annualRatePct ?? d(0);
        const loans = sameRate ? drawn.map((terms) => ({ ...terms, annualRatePct: rate })) : drawn;
        const shared = new ProjectLoans();
        for (const terms of [...loans, ...loans]) {
          const alone = analyseLoan(terms, []);
          const withShared = shared.years(terms);
          for (const total of [
            'emiInr',
            'moratoriumInterestInr',
            'totalInterestInr',
            'totalSubventionInr',
            'totalDebtServiceInr',
          ] as const)
            expect(withShared[total].toString(), total).toBe(alone[total].toString());
          const fields = ['interestInr', 'subventionInr', 'principalInr', 'debtServiceInr'] as const;
          const figures = (year: Record<(typeof fields)[number], Decimal>) =>
            fields.map((field) => year[field].toString());
          expect(withShared.years.map(figures)).toEqual(alone.years.map(figures));
          expect(shared.totalSubvention(terms).toString()).toBe(totalSubvention(terms).toString());
        }
      }),
      { seed: 20261126, numRuns: 100 },
    );
  });
});

describe('a yearly cap on the subvention', () => {
  // Punjab IBDP 2022: 5 % a year, at most ₹5 lakh a year, on ₹1.5 crore at 10 % over 60 months with 6 interest-only.
  // Worked independently month by month in Python's decimal (40 digits, half-even): uncapped the loan years give
  // ₹7,36,027.62, ₹6,16,565.47, ₹4,63,689.50, ₹2,94,805.42, ₹1,08,236.97 (₹22,19,324.99); capped, years 1 and 2 give
  // ₹5,00,000 each and the total is ₹18,66,731.898… → ₹18,66,731.90.
  const punjab = (cap: Decimal | null) =>
    terms({
      principalInr: d(15000000),
      annualRatePct: d(10),
      tenureMonths: 60,
      moratoriumMonths: 6,
      interestSubventionPct: d(5),
      subventionMonths: 60,
      subventionCapPerYearInr: cap,
    });

  it('caps each loan year on its own, and the total is the capped years summed', () => {
    const loan = analyseLoan(punjab(d(500000)), []);
    expect(loan.years.map((y) => moneyString(y.subventionInr))).toEqual([
      '500000.00',
      '500000.00',
      '463689.50',
      '294805.42',
      '108236.97',
    ]);
    expect(moneyString(loan.totalSubventionInr)).toBe('1866731.90');
    expect(moneyString(totalSubvention(punjab(d(500000))))).toBe('1866731.90');
    expect(moneyString(totalSubvention(punjab(null)))).toBe('2219324.99');
  });

  it('month by month, stops once the year reaches the cap and starts again with the next loan year', () => {
    const { schedule } = loanSchedule(punjab(d(500000)));
    // Months 1–7 ₹62,500 each, month 8 ₹61,578.81 (₹4,99,078.81 so far), month 9 the ₹921.19 left, then nothing
    // until month 13; in year 2 month 22 gets the ₹23,834.59 left.
    expect(schedule.slice(6, 13).map((m) => moneyString(m.subventionInr))).toEqual([
      '62500.00',
      '61578.81',
      '921.19',
      '0.00',
      '0.00',
      '0.00',
      '56856.41',
    ]);
    expect(moneyString(schedule[21]?.subventionInr ?? d(0))).toBe('23834.59');
    // What the borrower pays rises by the subvention the cap withholds.
    expect(schedule[9]?.debtServiceInr.toString()).toBe(
      schedule[9]?.interestInr.plus(schedule[9].principalInr).toString(),
    );
  });

  it('agrees with the month-by-month schedule for any loan and cap, to 20 decimal places (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        anyLoan({
          minPaise: 0,
          maxPaise: 10_000_000_000,
          maxMonths: 240,
          maxSubventionBp: 4000,
          maxSubventionMonths: 260,
          maxCapPaise: 100_000_000,
        }),
        (loan) => {
          const cap = loan.subventionCapPerYearInr ?? d(0);
          const { schedule } = loanSchedule(loan);
          const { years } = analyseLoan(loan, []);
          expect(roundedString(totalSubvention(loan), 20)).toBe(
            roundedString(sum(schedule.map((m) => m.subventionInr)), 20),
          );
          for (const year of years) {
            const months = schedule.slice((year.year - 1) * 12, year.year * 12);
            expect(year.subventionInr.lessThanOrEqualTo(cap)).toBe(true);
            for (const field of ['subventionInr', 'debtServiceInr'] as const) {
              expect(roundedString(year[field], 20), `${field} in year ${year.year}`).toBe(
                roundedString(sum(months.map((m) => m[field])), 20),
              );
            }
          }
        },
      ),
      { seed: 20261127, numRuns: 150 },
    );
  });

  it('rejects a negative cap', () => {
    expect(() => totalSubvention(punjab(d(-1)))).toThrow(RangeError);
  });
});
