import { Decimal } from 'decimal.js';
import type { LocalisedText } from '../catalogue-types.js';
import { netSavingsOf, type EconomicsInput } from '../economics.js';
import { analyseLoan } from '../finance/loan.js';
import { percentToFraction } from '../money.js';
import { projectCover } from './project-cover.js';
import type { SensitivitySettings } from './scorecard-types.js';

// The table a bank officer asks for: how the project's cover of its new loan and its payback move when the
// savings fall, the tariff moves, the rate rises or commissioning slips; and the saving at which the worst
// year's DSCR is exactly 1.0, solved in closed form.

export type SensitivityCaseId =
  'base' | 'savings-lower' | 'tariff-up' | 'tariff-down' | 'interest-up' | 'commissioning-delay';

export interface SensitivityCase {
  id: SensitivityCaseId;
  label: LocalisedText;
  /** Least project DSCR over the loan years (savings ÷ new debt service). */
  minDscr: Decimal | null;
  year1Dscr: Decimal | null;
  simplePaybackYears: Decimal | null;
}

export interface BreakEven {
  /** Year-1 gross energy saving at which the least DSCR is 1.0; null when no saving can reach it. */
  annualEnergySavingsInr: Decimal | null;
  /** How far the saving can fall before that, as a percentage of the saving given (negative: already below). */
  headroomPct: Decimal | null;
  reason: LocalisedText | null;
}

export interface Sensitivity {
  cases: SensitivityCase[];
  breakEven: BreakEven;
  /** Said with the table: a tariff change moves the savings by the same share because they are energy costs. */
  tariffNote: LocalisedText;
  delayNote: LocalisedText;
}

const ONE = new Decimal(1);
const ZERO = new Decimal(0);

/** The energy savings (not the O&M) times `factor`, in every year: a series given year by year too. */
function scaledSavings(project: EconomicsInput, factor: Decimal): EconomicsInput {
  const om = project.annualOmCostInr;
  return {
    ...project,
    annualEnergySavingsInr: project.annualEnergySavingsInr.times(factor),
    netSavingsByYearInr: project.netSavingsByYearInr?.map((net) => net.plus(om).times(factor).minus(om)),
  };
}

/**
 * Each year's gross energy saving as a multiple of the first year's: read off a series given year by year
 * (S_y + O&M over the first year's gross saving), or (1+g)^(y−1) without one, or when the first year saves nothing
 * to scale.
 */
function savingsWeight(project: EconomicsInput, year: number): Decimal {
  const series = project.netSavingsByYearInr;
  const first = project.annualEnergySavingsInr;
  if (series === undefined || first.lessThanOrEqualTo(0))
    return ONE.plus(percentToFraction(project.savingsEscalationPct)).pow(year - 1);
  return (series[year - 1] ?? ZERO).plus(project.annualOmCostInr).dividedBy(first);
}

function caseFrom(id: SensitivityCaseId, label: LocalisedText, project: EconomicsInput): SensitivityCase {
  const cover = projectCover(project);
  return {
    id,
    label,
    minDscr: cover.loan?.minDscr ?? null,
    year1Dscr: cover.loan?.years[0]?.dscr ?? null,
    simplePaybackYears: cover.simplePaybackYears,
  };
}

/**
 * Savings start `delayMonths` later while the loan schedule stays put: loan year y receives the tail of project
 * year y−k−1 and the head of project year y−k (k whole years of delay, f the fraction left over).
 */
export function delayedSavings(
  savingsByYear: readonly Decimal[],
  loanYears: number,
  delayMonths: number,
): Decimal[] {
  const wholeYears = Math.floor(delayMonths / 12);
  const fraction = new Decimal(delayMonths % 12).dividedBy(12);
  const saving = (year: number) => savingsByYear[year - 1] ?? ZERO;
  return Array.from({ length: Math.max(loanYears, savingsByYear.length + wholeYears + 1) }, (_, index) => {
    const year = index + 1;
    return ONE.minus(fraction)
      .times(saving(year - wholeYears))
      .plus(fraction.times(saving(year - wholeYears - 1)));
  });
}

/** Years with a saving: the lifetime, or fewer if a series given year by year ends sooner. */
const savingYears = (project: EconomicsInput): number =>
  Math.min(project.lifetimeYears, project.netSavingsByYearInr?.length ?? project.lifetimeYears);

/**
 * The year-1 gross energy saving A at which min_y S_y / DS_y = 1, with S_y = A·w_y − O&M for y within the lifetime
 * (w_y = (1+g)^(y−1), or each year's gross saving over the first's in a series given year by year): each loan year
 * needs A ≥ (DS_y + O&M) / w_y, so A is the largest of these.
 */
export function breakEvenSaving(project: EconomicsInput): BreakEven {
  if (project.loan === undefined) {
    return {
      annualEnergySavingsInr: null,
      headroomPct: null,
      reason: { en: 'there is no loan to cover', hi: 'चुकाने के लिए कोई ऋण नहीं है' },
    };
  }
  const { years } = analyseLoan(project.loan, []);
  const life = savingYears(project);
  let needed: Decimal | null = null;
  for (const year of years) {
    if (year.debtServiceInr.isZero()) continue;
    if (year.year > life) {
      return {
        annualEnergySavingsInr: null,
        headroomPct: null,
        reason: {
          en: `the loan runs beyond the equipment's ${life}-year life, when it saves nothing`,
          hi: `ऋण उपकरण के ${life} वर्ष के जीवन के बाद भी चलता है, जब कोई बचत नहीं होती`,
        },
      };
    }
    const weight = savingsWeight(project, year.year);
    if (weight.lessThanOrEqualTo(0)) {
      return {
        annualEnergySavingsInr: null,
        headroomPct: null,
        reason: {
          en: `in year ${year.year} of the loan the project saves no energy, so no saving covers that year's instalments`,
          hi: `ऋण के वर्ष ${year.year} में परियोजना से कोई ऊर्जा बचत नहीं होती, इसलिए कोई भी बचत उस वर्ष की किस्तें नहीं चुका सकती`,
        },
      };
    }
    const required = year.debtServiceInr.plus(project.annualOmCostInr).dividedBy(weight);
    if (needed === null || required.greaterThan(needed)) needed = required;
  }
  if (needed === null) {
    return {
      annualEnergySavingsInr: null,
      headroomPct: null,
      reason: { en: 'the loan has no debt service', hi: 'ऋण का कोई भुगतान नहीं है' },
    };
  }
  const base = project.annualEnergySavingsInr;
  return {
    annualEnergySavingsInr: needed,
    headroomPct: base.isZero() ? null : ONE.minus(needed.dividedBy(base)).times(100),
    reason: null,
  };
}

export function readinessSensitivity(project: EconomicsInput, settings: SensitivitySettings): Sensitivity {
  const pct = (value: Decimal) => value.toString();
  const cases: SensitivityCase[] = [caseFrom('base', { en: 'As entered', hi: 'जैसा दर्ज किया' }, project)];
  for (const lower of settings.savingsLowerPct) {
    cases.push(
      caseFrom(
        'savings-lower',
        { en: `Savings ${pct(lower)} % lower`, hi: `बचत ${pct(lower)} % कम` },
        scaledSavings(project, ONE.minus(percentToFraction(lower))),
      ),
    );
  }
  const tariff = percentToFraction(settings.tariffChangePct);
  const tariffText = pct(settings.tariffChangePct);
  cases.push(
    caseFrom(
      'tariff-up',
      { en: `Tariff ${tariffText} % higher`, hi: `टैरिफ़ ${tariffText} % अधिक` },
      scaledSavings(project, ONE.plus(tariff)),
    ),
    caseFrom(
      'tariff-down',
      { en: `Tariff ${tariffText} % lower`, hi: `टैरिफ़ ${tariffText} % कम` },
      scaledSavings(project, ONE.minus(tariff)),
    ),
  );
  const up = settings.interestUpPoints;
  cases.push(
    caseFrom(
      'interest-up',
      { en: `Interest rate ${pct(up)} points higher`, hi: `ब्याज दर ${pct(up)} अंक अधिक` },
      project.loan
        ? { ...project, loan: { ...project.loan, annualRatePct: project.loan.annualRatePct.plus(up) } }
        : project,
    ),
  );

  const months = settings.commissioningDelayMonths;
  const savings = netSavingsOf(project);
  const base = projectCover(project);
  const delayedLoan = project.loan
    ? analyseLoan(project.loan, delayedSavings(savings, Math.ceil(project.loan.tenureMonths / 12), months))
    : null;
  cases.push({
    id: 'commissioning-delay',
    label: { en: `Commissioning ${months} months late`, hi: `चालू होने में ${months} महीने की देरी` },
    minDscr: delayedLoan?.minDscr ?? null,
    year1Dscr: delayedLoan?.years[0]?.dscr ?? null,
    simplePaybackYears: base.simplePaybackYears?.plus(new Decimal(months).dividedBy(12)) ?? null,
  });

  return {
    cases,
    breakEven: breakEvenSaving(project),
    tariffNote: {
      en: `The savings are energy-cost savings, so a tariff ${tariffText} % higher or lower moves them by the same ${tariffText} %.`,
      hi: `बचत ऊर्जा-लागत की बचत है, इसलिए टैरिफ़ ${tariffText} % ऊपर या नीचे होने पर बचत भी उतने ही ${tariffText} % बदलती है।`,
    },
    delayNote: {
      en: `With a ${months}-month delay the savings start later but the loan schedule does not move; payback is counted from the loan's start.`,
      hi: `${months} महीने की देरी से बचत देर से शुरू होती है पर ऋण की किस्तें नहीं खिसकतीं; वापसी अवधि ऋण की शुरुआत से गिनी जाती है।`,
    },
  };
}
