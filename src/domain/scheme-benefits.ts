import { Decimal } from 'decimal.js';
import type { LocalisedText } from './catalogue-types.js';
import type { Confidence, IsoDate } from './dated.js';
import { entryOn, rememberedByDate } from './dated.js';
import { conditionResult } from './eligibility.js';
import { zedLevelNames, type EnterpriseFacts, type ZedLevel } from './enterprise-facts.js';
import { ProjectLoans } from './finance/loan.js';
import { formatLakhCrore } from './indian-number.js';
import { greater, lesser } from './money.js';
import type { OpenQuestion, Scheme, SchemeKind, SchemeTerm, Slab } from './scheme-types.js';

// What a scheme is worth to one project, in rupees, from its dated terms: a capital subsidy or grant as a share
// of the cost it is on (capped), an interest subvention or a loan line's concession as the interest it saves over
// its period on the actual loan schedule, a guarantee as the cover it gives and the fee it costs year by year on
// that schedule, a reimbursement of another scheme's guarantee fee as what it pays back of that fee, a share of the
// energy audit's or the ZED certification's cost as what it pays of the cost given with the project. A term whose
// value is unconfirmed gives no rupee figure: the result says it is to be confirmed with the administrator. A cost
// the project does not give leaves its share without a figure: the result says what to enter.

export interface ProjectTerms {
  capexInr: Decimal;
  loanInr: Decimal;
  annualRatePct: Decimal;
  tenureMonths: number;
  moratoriumMonths: number;
}

export type BenefitKind =
  | 'grant'
  | 'subsidy'
  | 'interest-saving'
  | 'guarantee'
  | 'fee-reimbursement'
  | 'audit-reimbursement'
  | 'certification-subsidy'
  | 'none';

/** A cost the project may give that a share is paid of: without it, the share has no rupee figure. */
export type BenefitNeed = 'energy-audit-cost' | 'certification-cost';

/** A share of a cost the project gives (the energy audit's, the ZED certification's), as the summary words it. */
export interface CostShare {
  /** Percent of the cost paid: the scheme's share for the enterprise, top-ups included. */
  ratePct: Decimal;
  /** The cost the share is paid on; null until it is given. */
  costInr: Decimal | null;
  /** The most the share pays; null when no cap applies. */
  capInr: Decimal | null;
  /** An amount taken off the cost first and paid as well (ZED's joining reward); null when none applies. */
  rewardInr: Decimal | null;
  /** The ZED level whose cost the scheme file gives, when the cost was not quoted, and that cost's confidence. */
  level: { id: ZedLevel; costConfidence: Confidence } | null;
}

export interface Benefit {
  kind: BenefitKind;
  /** Rupees the enterprise keeps (grant, subsidy, interest saved), or the cover for a guarantee; null if unknown. */
  amountInr: Decimal | null;
  /** Guarantee fees the enterprise pays over the loan, when the scheme charges them. */
  feesInr: Decimal;
  /** A guarantee's fee in each loan year (index 0 is year 1); absent when the fee is not known. */
  feesByYearInr?: readonly Decimal[] | undefined;
  /** A fee reimbursement: the scheme whose guarantee fee it pays back, and how much in each loan year. */
  reimbursement?: FeeReimbursement | undefined;
  /** A share of the energy audit's or the certification's cost: the share, and the cost it is on. */
  costShare?: CostShare | undefined;
  /** The cost to enter to value this component, when it has no figure for want of it. */
  needs?: BenefitNeed | undefined;
  /**
   * Subvention rate (percent a year), months and the most it pays in one loan year (null = no yearly cap), for the
   * package's loan schedule.
   */
  subvention: { ratePct: Decimal; months: number; capPerYearInr: Decimal | null } | null;
  /** Which terms the figure rests on, by id, and the weakest confidence among them. */
  /** Kept with the terms in force and shared: read, never changed. */
  termIds: readonly string[];
  confidence: Confidence;
  toConfirm: boolean;
  /**
   * A scheme of several kinds (a state policy with a capital subsidy and an interest subsidy) has its further
   * components here, each valued on its own; the main one is the scheme's first kind that could be valued.
   */
  extras: BenefitComponent[];
  /**
   * What a figure rests on that is still to be confirmed (SIDBI 4E's concession is from its 2017 terms): the
   * caveats of the scheme's open questions on the terms the figures use, by question id.
   */
  caveats: { id: string; text: LocalisedText }[];
}

/** One kind of support a scheme gives, valued on its own. */
export type BenefitComponent = Omit<Benefit, 'extras' | 'caveats'>;

export interface FeeReimbursement {
  schemeId: string;
  schemeName: LocalisedText;
  /** Paid back in each loan year (index 0 is year 1), 0 in years the reimbursement does not run. */
  byYearInr: readonly Decimal[];
  /** Loan years in which something is paid back. */
  years: number;
}

/**
 * The guarantee another scheme gives on the same loan, for a reimbursement of its fee: undefined when that scheme
 * is not at hand, a null guarantee when it could not be valued.
 */
export type GuaranteeOf = (
  schemeId: string,
) => { scheme: Scheme; guarantee: BenefitComponent | null } | undefined;

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);
const COST_BASES = new Set([
  'project-cost',
  'plant-machinery-cost',
  'equipment-cost',
  'fixed-capital-investment',
]);
/** Project-cost "rates" that are conditions on the borrower, not support. */
const NOT_SUPPORT = /spv|promoter|margin|contribution|finance-share|debt-share|state-share|upfront/;
const ORDER: Confidence[] = ['official', 'secondary', 'unconfirmed'];
const weakest = (values: Confidence[]): Confidence =>
  values.reduce<Confidence>((a, b) => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b), 'official');

interface TermValue {
  term: SchemeTerm;
  value: Decimal | null;
  slabs: readonly Slab[] | null;
  confidence: Confidence;
}

/**
 * The scheme's terms that apply to this enterprise and project: those without a condition of their own, and those
 * whose condition holds (an unknown condition counts as not holding, so a rate that might apply is never taken).
 */
export function termsApplying(scheme: Scheme, facts: EnterpriseFacts, asOf: IsoDate): SchemeTerm[] {
  return scheme.terms.filter(
    (term) => !term.appliesWhen || conditionResult(term.appliesWhen, scheme, facts, asOf) === 'passed',
  );
}

/** Every term of the scheme with its value in force on a date (a term's own condition is read per enterprise). */
const termValuesOnDate = rememberedByDate((scheme: Scheme, asOf: IsoDate) => {
  const values = scheme.terms.flatMap((term): TermValue[] => {
    if (term.shape === 'slabs') {
      const entry = entryOn(term.series, asOf);
      return [
        { term, value: null, slabs: entry?.value ?? null, confidence: entry?.confidence ?? 'unconfirmed' },
      ];
    }
    const series = term.series;
    const latest = [...series.values]
      .filter((v) => v.from <= asOf)
      .sort((a, b) => b.from.localeCompare(a.from))[0];
    if (!latest) return [];
    return [{ term, value: latest.value, slabs: null, confidence: latest.confidence }];
  });
  // The same list for the same terms applying, so that what is worked out from a list can be kept with it.
  return {
    values,
    conditional: values.some(({ term }) => term.appliesWhen),
    applying: new Map<string, TermValue[]>(),
  };
});

/** The applying terms with their values in force on `asOf`. */
function termsInForce(scheme: Scheme, facts: EnterpriseFacts, asOf: IsoDate): TermValue[] {
  const { values, conditional, applying } = termValuesOnDate(scheme, asOf);
  if (!conditional) return values;
  const holds = values.map(
    ({ term }) => !term.appliesWhen || conditionResult(term.appliesWhen, scheme, facts, asOf) === 'passed',
  );
  if (!holds.includes(false)) return values;
  const key = holds.map((held) => (held ? '1' : '0')).join('');
  let kept = applying.get(key);
  if (kept === undefined) {
    kept = values.filter((_, index) => holds[index]);
    applying.set(key, kept);
  }
  return kept;
}

/** A cap that names the rate it limits (`limits`) counts only for that rate; one that names none, for any. */
const capFor = (cap: TermValue, rate: TermValue): boolean =>
  cap.term.limits === undefined || cap.term.limits === rate.term.id;

function months(term: TermValue | undefined): number | null {
  if (!term?.value) return null;
  return term.term.series.unit === 'years' ? term.value.times(12).toNumber() : term.value.toNumber();
}

const empty = (toConfirm: boolean, confidence: Confidence = 'secondary'): Benefit => ({
  kind: 'none',
  amountInr: null,
  feesInr: ZERO,
  subvention: null,
  termIds: [],
  confidence,
  toConfirm,
  extras: [],
  caveats: [],
});

/**
 * The main component with the further ones, written out field by field: V8 (Node 20) makes `{ ...main, more }` cost
 * microseconds, and a match builds one for every scheme.
 */
function withExtras(
  main: BenefitComponent,
  extras: BenefitComponent[],
  toConfirm: boolean,
  caveats: Benefit['caveats'],
): Benefit {
  const benefit: Benefit = {
    kind: main.kind,
    amountInr: main.amountInr,
    feesInr: main.feesInr,
    subvention: main.subvention,
    termIds: main.termIds,
    confidence: main.confidence,
    toConfirm,
    extras,
    caveats,
  };
  if (main.feesByYearInr !== undefined) benefit.feesByYearInr = main.feesByYearInr;
  if (main.reimbursement !== undefined) benefit.reimbursement = main.reimbursement;
  if (main.costShare !== undefined) benefit.costShare = main.costShare;
  if (main.needs !== undefined) benefit.needs = main.needs;
  return benefit;
}

/** A component that cannot be valued: a term it rests on is unconfirmed on the date. */
const unconfirmedComponent = (kind: BenefitKind, termIds: readonly string[]): BenefitComponent => ({
  kind,
  amountInr: null,
  feesInr: ZERO,
  subvention: null,
  termIds,
  confidence: 'unconfirmed',
  toConfirm: true,
});

/** A scheme's benefit for any project, its terms already picked: only the arithmetic is left for each project. */
type SchemeValuer = (
  project: ProjectTerms,
  facts: EnterpriseFacts,
  asOf: IsoDate,
  guaranteeOf: GuaranteeOf | undefined,
  loans: ProjectLoans,
) => Benefit;

// Which term is the rate, which the caps, the period or the fee depends only on the terms in force, so it is worked
// out once per list and kept with it (termsInForce gives the same list back for the same date and applying terms).
const valuers = new WeakMap<readonly TermValue[], SchemeValuer>();

/**
 * What the scheme is worth for this project. `guaranteeOf` gives the guarantee of a scheme whose fee this one
 * pays back (matchSchemes passes the other schemes' valuations); without it such a reimbursement is to be
 * confirmed. `loans` is the project's loan maths, shared by the valuations of one match.
 */
export function valueScheme(
  scheme: Scheme,
  facts: EnterpriseFacts,
  project: ProjectTerms,
  asOf: IsoDate,
  guaranteeOf?: GuaranteeOf,
  loans: ProjectLoans = new ProjectLoans(),
): Benefit {
  const terms = termsInForce(scheme, facts, asOf);
  let valuer = valuers.get(terms);
  if (valuer === undefined) {
    valuer = schemeValuer(scheme, terms);
    valuers.set(terms, valuer);
  }
  return valuer(project, facts, asOf, guaranteeOf, loans);
}

function schemeValuer(scheme: Scheme, terms: readonly TermValue[]): SchemeValuer {
  const has = (kind: SchemeKind) => scheme.kinds.includes(kind);
  const capital = has('capital-subsidy') || has('grant');
  const support = capital ? capitalSupport(terms, has('grant') ? 'grant' : 'subsidy') : null;
  const saving =
    has('interest-subvention') || has('loan-line') ? interestSaving(terms, has('loan-line'), !capital) : null;
  const cover = has('guarantee') ? guarantee(terms) : null;
  const reimbursements = has('fee-reimbursement') ? feeReimbursements(terms) : [];
  const audits = has('fee-reimbursement') ? auditReimbursements(terms) : [];
  const certification = has('certification-subsidy') ? certificationSubsidy(terms) : null;
  const unconfirmed = terms.some((t) => t.value === null && t.slabs === null);
  const noneConfidence = weakest(terms.map((t) => t.confidence));
  return (project, facts, asOf, guaranteeOf, loans) => {
    const components: BenefitComponent[] = [];
    if (support) components.push(support(project));
    if (saving) components.push(saving(project, loans));
    if (cover) components.push(cover(project, loans));
    for (const reimbursement of reimbursements) components.push(reimbursement(guaranteeOf));
    // A share of a cost the project gives is on that cost (or the level sought), which comes with the request.
    for (const audit of audits) components.push(audit(facts));
    if (certification) components.push(certification(facts));
    const main = components[0];
    if (main === undefined) return empty(unconfirmed || terms.length === 0, noneConfidence);
    // A further component counts when it has a value, or when it waits for a cost the user can enter (it then says
    // so); an unconfirmed one still marks the whole as to confirm.
    const rest = components.slice(1);
    const extras = rest.filter((component) => component.amountInr !== null || component.needs !== undefined);
    const toConfirm =
      main.toConfirm ||
      rest.some((component) => component.amountInr === null && component.needs === undefined);
    return withExtras(main, extras, toConfirm, caveatsFor(scheme, facts, asOf, [main, ...extras]));
  };
}

/**
 * The caveats of the scheme's open questions that bear on a figure given: one that affects a term a valued
 * component rests on, where its own condition (if any) holds. A component without a figure needs none.
 */
function caveatsFor(
  scheme: Scheme,
  facts: EnterpriseFacts,
  asOf: IsoDate,
  components: readonly BenefitComponent[],
): Benefit['caveats'] {
  const questions = caveatQuestionsOf(scheme);
  if (questions.length === 0) return [];
  const used = new Set(
    components.filter((component) => component.amountInr !== null).flatMap((component) => component.termIds),
  );
  return questions.flatMap((question) =>
    (question.affects ?? []).some((id) => used.has(id)) &&
    (question.appliesWhen === undefined ||
      conditionResult(question.appliesWhen, scheme, facts, asOf) === 'passed')
      ? [{ id: question.id, text: question.caveat as LocalisedText }]
      : [],
  );
}

// The open questions that can caveat a figure, per scheme: most schemes have none.
const caveatQuestions = new WeakMap<Scheme, readonly OpenQuestion[]>();
function caveatQuestionsOf(scheme: Scheme): readonly OpenQuestion[] {
  let questions = caveatQuestions.get(scheme);
  if (questions === undefined) {
    questions = scheme.toConfirm.filter((question) => question.caveat !== undefined);
    caveatQuestions.set(scheme, questions);
  }
  return questions;
}

/** A share of the project's cost (or of the loan, for credit-linked subsidies), capped, with any regional uplift. */
function capitalSupport(
  terms: readonly TermValue[],
  kind: 'grant' | 'subsidy',
): ((project: ProjectTerms) => BenefitComponent) | null {
  const rates = terms.filter(
    (t) =>
      t.term.kind === 'rate' &&
      t.term.series.unit === 'percent' &&
      (COST_BASES.has(t.term.basis ?? '') || t.term.basis === 'loan') &&
      !NOT_SUPPORT.test(t.term.id),
  );
  if (rates.length === 0) return null;
  const uplifts = rates.filter((t) => t.term.id.includes('uplift'));
  const main = rates.filter((t) => !t.term.id.includes('uplift'));
  const used = [...main, ...uplifts];
  if (main.length === 0 || used.some((t) => t.value === null)) {
    const termIds = used.map((t) => t.term.id);
    return () => unconfirmedComponent(kind, termIds);
  }
  const best = main.reduce((a, b) => ((a.value as Decimal).greaterThanOrEqualTo(b.value as Decimal) ? a : b));
  const rate = (best.value as Decimal).plus(uplifts.reduce((sum, t) => sum.plus(t.value as Decimal), ZERO));
  // The cost the share is taken on is itself capped by a cap on the same basis (e.g. eligible machinery cost).
  const baseCaps = terms.filter(
    (t) =>
      t.term.kind === 'cap' &&
      t.term.basis === best.term.basis &&
      t.term.series.unit === 'inr' &&
      t.value &&
      capFor(t, best),
  );
  // A cap on the subsidy limits the rate it names, or any rate when it names none (each component its own cap).
  const subsidyCaps = terms.filter(
    (t) =>
      t.term.kind === 'cap' && (t.term.basis === 'subsidy' || t.term.basis === 'grant') && capFor(t, best),
  );
  const known = subsidyCaps.filter((t) => t.value !== null);
  const considered = [best, ...uplifts, ...baseCaps, ...known];
  const termIds = considered.map((t) => t.term.id);
  const confidence = weakest(considered.map((t) => t.confidence));
  // A cap that exists but is unconfirmed may lower the figure: say so.
  const toConfirm = known.length < subsidyCaps.length;
  return (project) => {
    const basisOf = best.term.basis === 'loan' ? project.loanInr : project.capexInr;
    const base = baseCaps.reduce((amount, cap) => lesser(amount, cap.value as Decimal), basisOf);
    const amount = known.reduce(
      (value, cap) => lesser(value, cap.value as Decimal),
      base.times(rate).dividedBy(HUNDRED),
    );
    return { amountInr: amount, feesInr: ZERO, subvention: null, termIds, confidence, toConfirm, kind };
  };
}

/**
 * Interest saved: the subvention (or a loan line's concession) applied on the actual schedule for its period.
 * `ownsSubsidyCaps`: the scheme gives no capital subsidy or grant, so a cap on "the subsidy" caps this.
 */
function interestSaving(
  terms: readonly TermValue[],
  loanLine: boolean,
  ownsSubsidyCaps: boolean,
): ((project: ProjectTerms, loans: ProjectLoans) => BenefitComponent) | null {
  const rates = terms.filter(
    (t) =>
      t.term.kind === 'rate' &&
      t.term.basis === 'loan' &&
      t.term.series.unit === 'percent-per-year' &&
      (loanLine ? /concession/.test(t.term.id) : /subvention|subsidy/.test(t.term.id)),
  );
  if (rates.length === 0) return null;
  const known = rates.filter((t) => t.value !== null);
  if (known.length === 0) {
    const termIds = rates.map((t) => t.term.id);
    return () => unconfirmedComponent('interest-saving', termIds);
  }
  // Where sources give a range (a low and a high concession), the low one: never promise the better case.
  const chosen = loanLine
    ? known.reduce((a, b) => ((a.value as Decimal).lessThanOrEqualTo(b.value as Decimal) ? a : b))
    : known.reduce((a, b) => ((a.value as Decimal).greaterThanOrEqualTo(b.value as Decimal) ? a : b));
  const ratePct = chosen.value as Decimal;
  const period = terms.find((t) => t.term.kind === 'duration' && /period|tenor/.test(t.term.id));
  const periodOwnMonths = months(period);
  const ceiling = terms.find(
    (t) => t.term.kind === 'cap' && t.term.basis === 'loan' && t.term.series.unit === 'inr' && t.value,
  );
  // The most the support pays in one loan year (Punjab's ₹5 lakh): each loan year's subvention is capped on its own.
  const yearlyCaps = terms.filter(
    (t) =>
      t.term.kind === 'cap' &&
      t.term.basis === 'annual-interest' &&
      t.term.series.unit === 'inr-per-year' &&
      t.value &&
      capFor(t, chosen),
  );
  const capPerYearInr =
    yearlyCaps.length === 0 ? null : Decimal.min(...yearlyCaps.map((cap) => cap.value as Decimal));
  const considered = [chosen, ...(period ? [period] : []), ...(ceiling ? [ceiling] : []), ...yearlyCaps];
  const termIds = considered.map((t) => t.term.id);
  const confidence = weakest(considered.map((t) => t.confidence));
  // A cap on the support that exists but is unconfirmed (ADEETIE's per-unit cap) may lower the figure: say so, as
  // for capital support.
  const unconfirmedCap = terms.some(
    (t) =>
      t.term.kind === 'cap' &&
      t.value === null &&
      capFor(t, chosen) &&
      (t.term.basis === 'annual-interest' || (ownsSubsidyCaps && t.term.basis === 'subsidy')),
  );
  const toConfirm = (rates.length > known.length && !loanLine) || unconfirmedCap;
  return (project, loans) => {
    const periodMonths = Math.min(periodOwnMonths ?? project.tenureMonths, project.tenureMonths);
    const coveredLoan = ceiling ? lesser(project.loanInr, ceiling.value as Decimal) : project.loanInr;
    const subventionInr = loans.totalSubvention({
      principalInr: coveredLoan,
      annualRatePct: project.annualRatePct,
      tenureMonths: project.tenureMonths,
      moratoriumMonths: project.moratoriumMonths,
      interestSubventionPct: ratePct,
      subventionMonths: periodMonths,
      subventionCapPerYearInr: capPerYearInr,
    });
    return {
      kind: 'interest-saving',
      amountInr: subventionInr,
      feesInr: ZERO,
      subvention: { ratePct, months: periodMonths, capPerYearInr },
      termIds,
      confidence,
      toConfirm,
    };
  };
}

/**
 * Cover on the loan (within the ceiling) and the annual guarantee fee, year by year on the loan's actual schedule.
 * The fee rules are schemes.md's (§ Credit guarantees):
 * - CGTMSE: the annual guarantee fee is charged "on the guaranteed amount in year 1, on the outstanding amount
 *   thereafter", at the standard rate of the slab the credit falls in (the slab table in force on the assessment
 *   date, taken as the date of sanction, and the credit sanctioned), less the 10 % concession for women / SC / ST,
 *   aspirational-district or ZED-certified borrowers (one concession: whether they stack is unconfirmed).
 * - MCGS-MSME: "nil in sanction year; 1.5% p.a. for next 3 years; 1% p.a. thereafter (on outstanding as of 31 March
 *   of previous year)".
 * A guarantee covers its share (the cover) of what is outstanding, so loan year y's fee is
 * rate_y × cover × the loan outstanding at the start of year y — the amount sanctioned in year 1, then the
 * schedule's balance after 12(y − 1) months (loan years as in api-v1.md). A fee term's `years` names the loan years
 * it is charged in; a year no fee term names pays none (MCGS's sanction year). The schedule has no calendar months,
 * so the sanction year is loan year 1 and "outstanding on 31 March of the previous year" is the balance at the
 * start of the loan year.
 */
function guarantee(
  terms: readonly TermValue[],
): (project: ProjectTerms, loans: ProjectLoans) => BenefitComponent {
  const covers = terms.filter(
    (t) =>
      t.term.kind === 'rate' &&
      t.term.basis === 'loan' &&
      t.term.series.unit === 'percent' &&
      /cover/.test(t.term.id),
  );
  const known = covers.filter((t) => t.value !== null);
  if (known.length === 0) {
    const termIds = covers.map((t) => t.term.id);
    return () => unconfirmedComponent('guarantee', termIds);
  }
  const cover = known.reduce((a, b) =>
    (a.value as Decimal).greaterThanOrEqualTo(b.value as Decimal) ? a : b,
  );
  const ceiling = terms.find(
    (t) => t.term.kind === 'cap' && t.term.basis === 'loan' && t.term.series.unit === 'inr' && t.value,
  );
  const share = (cover.value as Decimal).dividedBy(HUNDRED);
  const feeTerms = terms.filter(
    (t) =>
      /fee/.test(t.term.id) &&
      (t.term.kind === 'rate' || t.term.kind === 'slab-rate') &&
      t.term.basis !== 'annual-guarantee-fee',
  );
  const concession = terms.find(
    (t) =>
      t.term.kind === 'rate' &&
      t.term.basis === 'annual-guarantee-fee' &&
      t.term.ofScheme === undefined &&
      t.value,
  );
  const kept = concession ? ONE.minus((concession.value as Decimal).dividedBy(HUNDRED)) : ONE;
  // The fee on each rupee outstanding at a fee rate (percent): cover × rate / 100 × what the concession leaves.
  const perRupeePerPct = share.times(kept).dividedBy(HUNDRED);
  const considered = [cover, ...(ceiling ? [ceiling] : []), ...feeTerms, ...(concession ? [concession] : [])];
  const termIds = considered.map((t) => t.term.id);
  const confidence = weakest(considered.map((t) => t.confidence));
  const toConfirm = feeTerms.some((t) => t.value === null && t.slabs === null);
  return (project, loans) => {
    const loan = ceiling ? lesser(project.loanInr, ceiling.value as Decimal) : project.loanInr;
    // The slab is the one the credit sanctioned falls in, for the whole loan.
    const rates = feeTerms.map((fee) => ({
      term: fee.term,
      rate: fee.slabs ? slabRate(fee.slabs, project.loanInr) : fee.value,
    }));
    const feesByYearInr = outstandingAtYearStarts(loan, project, loans).map((outstanding, index) => {
      const rate = rates
        .filter((fee) => fee.rate !== null && inYears(fee.term, index + 1))
        .reduce((max, fee) => greater(max, fee.rate as Decimal), ZERO);
      return outstanding.times(perRupeePerPct.times(rate));
    });
    return {
      kind: 'guarantee',
      amountInr: loan.times(share),
      feesInr: feesByYearInr.reduce((sum, fee) => sum.plus(fee), ZERO),
      // A fee whose rate is unknown leaves the yearly fees unknown (a reimbursement of them is to be confirmed).
      feesByYearInr: rates.length > 0 && rates.every((fee) => fee.rate !== null) ? feesByYearInr : undefined,
      subvention: null,
      termIds,
      confidence,
      toConfirm,
    };
  };
}

/** The loan outstanding at the start of each loan year: the principal, then the balance after each 12 months. */
function outstandingAtYearStarts(
  principalInr: Decimal,
  project: ProjectTerms,
  loans: ProjectLoans,
): Decimal[] {
  const { years } = loans.years({
    principalInr,
    annualRatePct: project.annualRatePct,
    tenureMonths: project.tenureMonths,
    moratoriumMonths: project.moratoriumMonths,
    interestSubventionPct: ZERO,
    subventionMonths: 0,
  });
  let outstanding = principalInr;
  return years.map((year) => {
    const atStart = outstanding;
    outstanding = outstanding.minus(year.principalInr);
    return atStart;
  });
}

/** Whether a term applies in loan year `year` (1-based); a term without `years` applies in every year. */
const inYears = (term: SchemeTerm, year: number): boolean =>
  !term.years || (year >= term.years.from && (term.years.to === null || year <= term.years.to));

/**
 * A reimbursement of another scheme's annual guarantee fee (Punjab IBDP 2022 pays back the CGTMSE fee of micro and
 * small units, 100 %, at most ₹2 lakh a year for 5 years: schemes.md § punjab-ibdp-2022). Each loan year it pays
 * back min(rate × that year's fee, the yearly cap) in the years its term names; the fee is the other scheme's on
 * this same loan (see `guarantee`). Where that fee is not known — the other scheme not at hand, its cover or fee
 * unconfirmed on the date — or the rate is unconfirmed, the value is to be confirmed, never a number.
 */
function feeReimbursements(
  terms: readonly TermValue[],
): ((guaranteeOf: GuaranteeOf | undefined) => BenefitComponent)[] {
  const rates = terms.filter(
    (t) =>
      t.term.kind === 'rate' &&
      t.term.basis === 'annual-guarantee-fee' &&
      t.term.ofScheme !== undefined &&
      t.term.series.unit === 'percent',
  );
  return rates.map((rate) => {
    const schemeId = rate.term.ofScheme as string;
    const caps = terms.filter(
      (t) =>
        t.term.kind === 'cap' &&
        t.term.basis === 'annual-guarantee-fee' &&
        t.term.ofScheme === schemeId &&
        t.term.series.unit === 'inr-per-year',
    );
    const knownCaps = caps.filter((t) => t.value !== null);
    const considered = [rate, ...knownCaps];
    const termIds = considered.map((t) => t.term.id);
    const share = rate.value?.dividedBy(HUNDRED);
    return (guaranteeOf): BenefitComponent => {
      const other = guaranteeOf?.(schemeId);
      const fees = other?.guarantee?.feesByYearInr;
      if (share === undefined || !other || !fees) {
        return unconfirmedComponent('fee-reimbursement', termIds);
      }
      const byYearInr = fees.map((fee, index) =>
        inYears(rate.term, index + 1)
          ? knownCaps.reduce((amount, cap) => lesser(amount, cap.value as Decimal), fee.times(share))
          : ZERO,
      );
      return {
        kind: 'fee-reimbursement',
        amountInr: byYearInr.reduce((sum, amount) => sum.plus(amount), ZERO),
        feesInr: ZERO,
        subvention: null,
        reimbursement: {
          schemeId,
          schemeName: other.scheme.name,
          byYearInr,
          years: fees.filter((_, index) => inYears(rate.term, index + 1)).length,
        },
        termIds,
        // The figure rests on the other scheme's fee as much as on this scheme's terms.
        confidence: weakest([
          ...considered.map((t) => t.confidence),
          other.guarantee?.confidence ?? 'unconfirmed',
        ]),
        // A yearly cap that exists but is unconfirmed may lower the figure: say so.
        toConfirm: knownCaps.length < caps.length,
      };
    };
  });
}

/**
 * A share of the energy audit's cost (Haryana: 75 %, at most ₹2 lakh; Banglashree: 50 %), paid on the cost the
 * project gives and capped by the caps that limit it (`limits`, or none named). Without the cost, no figure: the
 * component says the cost is needed. An unconfirmed share is to be confirmed; an unconfirmed cap, too, as it may
 * lower the figure.
 */
function auditReimbursements(terms: readonly TermValue[]): ((facts: EnterpriseFacts) => BenefitComponent)[] {
  const rates = terms.filter(
    (t) => t.term.kind === 'rate' && t.term.basis === 'audit-cost' && t.term.series.unit === 'percent',
  );
  return rates.map((rate) => {
    const caps = terms.filter(
      (t) =>
        t.term.kind === 'cap' &&
        t.term.basis === 'subsidy' &&
        t.term.series.unit === 'inr' &&
        capFor(t, rate),
    );
    const known = caps.filter((t) => t.value !== null);
    const considered = [rate, ...known];
    const termIds = considered.map((t) => t.term.id);
    const ratePct = rate.value;
    if (ratePct === null) return () => unconfirmedComponent('audit-reimbursement', termIds);
    const capInr = known.length === 0 ? null : Decimal.min(...known.map((cap) => cap.value as Decimal));
    const confidence = weakest(considered.map((t) => t.confidence));
    const toConfirm = known.length < caps.length;
    return (facts): BenefitComponent => {
      const costInr = facts.energyAuditCostInr ?? null;
      const costShare: CostShare = { ratePct, costInr, capInr, rewardInr: null, level: null };
      const share = costInr?.times(ratePct).dividedBy(HUNDRED);
      const component: BenefitComponent = {
        kind: 'audit-reimbursement',
        amountInr: share === undefined ? null : capInr === null ? share : Decimal.min(share, capInr),
        feesInr: ZERO,
        subvention: null,
        costShare,
        termIds,
        confidence,
        toConfirm,
      };
      if (costInr === null) component.needs = 'energy-audit-cost';
      return component;
    };
  });
}

/**
 * ZED certification (schemes.md § zed-certification): the enterprise's category share of the certification cost
 * (micro 80 %, small 60 %, medium 50 %) plus the top-ups that apply (`uplift` terms: 10 points for women/SC/ST
 * ownership or a NER, Himalayan, LWE, island or aspirational district — one condition, so never both — and 5 for
 * SFURTI or MSE-CDP cluster members), after the joining reward (a `reward` amount) is taken off the cost; the reward
 * is paid too, so the enterprise gets reward + share × (cost − reward). The cost is the one quoted with the project,
 * else the scheme file's cost of the level sought (an `amount` on the certification cost, by level); with neither,
 * no figure: the component says what to enter. Without a category share (the category unknown), nothing is valued.
 */
function certificationSubsidy(
  terms: readonly TermValue[],
): ((facts: EnterpriseFacts) => BenefitComponent) | null {
  const onCost = terms.filter((t) => t.term.basis === 'certification-cost');
  const rates = onCost.filter((t) => t.term.kind === 'rate' && t.term.series.unit === 'percent');
  const uplifts = rates.filter((t) => t.term.id.includes('uplift'));
  const main = rates.filter((t) => !t.term.id.includes('uplift'));
  if (main.length === 0) return null;
  const amounts = onCost.filter((t) => t.term.kind === 'amount' && t.term.series.unit === 'inr');
  const reward = amounts.find((t) => t.term.id.includes('reward'));
  const levelCost = amounts.find((t) => !t.term.id.includes('reward'));
  // Which cost the share is on depends on the enterprise's quote: the rest is per request.
  return (facts) => certificationShare(main, uplifts, reward, levelCost, facts);
}

/** The ZED share on the cost the enterprise quotes, or else on the level's cost (see `certificationSubsidy`). */
function certificationShare(
  main: readonly TermValue[],
  uplifts: readonly TermValue[],
  reward: TermValue | undefined,
  levelCost: TermValue | undefined,
  facts: EnterpriseFacts,
): BenefitComponent {
  const quoted = facts.certificationCostInr;
  const costTerm = quoted === undefined ? levelCost : undefined;
  const used = [...main, ...uplifts, ...(costTerm ? [costTerm] : []), ...(reward ? [reward] : [])];
  if (used.some((t) => t.value === null)) {
    return unconfirmedComponent(
      'certification-subsidy',
      used.map((t) => t.term.id),
    );
  }
  const best = main.reduce((a, b) => ((a.value as Decimal).greaterThanOrEqualTo(b.value as Decimal) ? a : b));
  const ratePct = uplifts.reduce((sum, t) => sum.plus(t.value as Decimal), best.value as Decimal);
  const costInr = quoted ?? (costTerm?.value as Decimal | undefined) ?? null;
  const level =
    costTerm && facts.zedTargetLevel
      ? { id: facts.zedTargetLevel, costConfidence: costTerm.confidence }
      : null;
  const rewardTerm = costInr === null ? undefined : reward;
  const rewardInr = rewardTerm ? Decimal.min(rewardTerm.value as Decimal, costInr as Decimal) : null;
  const considered = [best, ...uplifts, ...(costTerm ? [costTerm] : []), ...(rewardTerm ? [rewardTerm] : [])];
  const component: BenefitComponent = {
    kind: 'certification-subsidy',
    amountInr: null,
    feesInr: ZERO,
    subvention: null,
    costShare: { ratePct, costInr, capInr: null, rewardInr, level },
    termIds: considered.map((t) => t.term.id),
    confidence: weakest(considered.map((t) => t.confidence)),
    toConfirm: false,
  };
  if (costInr === null) {
    component.needs = 'certification-cost';
    return component;
  }
  const kept = rewardInr ?? ZERO;
  component.amountInr = kept.plus(costInr.minus(kept).times(ratePct).dividedBy(HUNDRED));
  return component;
}

/** The rate of the first slab whose ceiling the loan does not exceed (a null ceiling is the last slab). */
function slabRate(slabs: readonly Slab[], loan: Decimal): Decimal | null {
  return slabs.find((slab) => slab.upToInr === null || loan.lessThanOrEqualTo(slab.upToInr))?.value ?? null;
}

/** The benefit in a sentence (a sentence per component), in English and Hindi; "to be confirmed" for an unknown. */
export function benefitSummary(benefit: Benefit, administrator: LocalisedText): LocalisedText {
  return {
    en: benefitSummaryIn(benefit, administrator, 'en'),
    hi: benefitSummaryIn(benefit, administrator, 'hi'),
  };
}

/** `benefitSummary` in one language. */
export function benefitSummaryIn(
  benefit: Benefit,
  administrator: LocalisedText,
  lang: keyof LocalisedText,
): string {
  const main = componentSummary(benefit, administrator, lang);
  const withExtras = benefit.extras.reduce(
    (text, component) => `${text} ${componentSummary(component, administrator, lang)}`,
    main,
  );
  return benefit.caveats.reduce((text, caveat) => `${text} ${caveat.text[lang]}`, withExtras);
}

const NO_TEXT: LocalisedText = { en: '', hi: '' };

function componentSummary(
  benefit: BenefitComponent,
  administrator: LocalisedText,
  lang: keyof LocalisedText,
): string {
  const en = lang === 'en';
  const limit = benefit.toConfirm
    ? {
        en: ` (a limit is still to be confirmed with ${administrator.en})`,
        hi: ` (एक सीमा की पुष्टि अभी ${administrator.hi} से करनी है)`,
      }
    : NO_TEXT;
  if (benefit.costShare !== undefined)
    return costShareSummary(benefit.kind, benefit.costShare, benefit.amountInr, limit, administrator)[lang];
  const toConfirm = en
    ? `Value to be confirmed with ${administrator.en}.`
    : `मूल्य की पुष्टि ${administrator.hi} से करनी है।`;
  if (benefit.amountInr === null) return toConfirm;
  const amount = formatLakhCrore(benefit.amountInr, lang);
  const caveat = limit[lang];
  switch (benefit.kind) {
    case 'grant':
      return en ? `A grant of ${amount}${caveat}.` : `${amount} का अनुदान${caveat}।`;
    case 'subsidy':
      return en ? `A capital subsidy of ${amount}${caveat}.` : `${amount} की पूंजी सब्सिडी${caveat}।`;
    case 'interest-saving': {
      const rate = benefit.subvention?.ratePct.toString() ?? '';
      const months = benefit.subvention?.months ?? 0;
      const cap = benefit.subvention?.capPerYearInr ?? null;
      const capped =
        cap === null
          ? ''
          : en
            ? `, at most ${formatLakhCrore(cap, lang)} a year`
            : `, प्रति वर्ष अधिकतम ${formatLakhCrore(cap, lang)}`;
      return en
        ? `${rate} % a year off the interest for ${months} months${capped}: ${amount} saved${caveat}.`
        : `${months} महीनों तक ब्याज में ${rate} % प्रति वर्ष की छूट${capped}: ${amount} की बचत${caveat}।`;
    }
    case 'guarantee': {
      const fees = formatLakhCrore(benefit.feesInr, lang);
      return en
        ? `Guarantee cover of ${amount}, so no collateral; fees about ${fees} over the loan${caveat}.`
        : `${amount} का गारंटी कवर, इसलिए संपार्श्विक नहीं; ऋण अवधि में लगभग ${fees} शुल्क${caveat}।`;
    }
    case 'fee-reimbursement': {
      const name = benefit.reimbursement?.schemeName ?? { en: 'the guarantee', hi: 'गारंटी' };
      const years = benefit.reimbursement?.years ?? 0;
      return en
        ? `The guarantee fee of ${name.en} paid back for ${years === 1 ? '1 year' : `${years} years`} of the loan: ${amount}${caveat}.`
        : `${name.hi} का गारंटी शुल्क ऋण के ${years === 1 ? '1 वर्ष' : `${years} वर्षों`} तक वापस: ${amount}${caveat}।`;
    }
    case 'audit-reimbursement':
    case 'certification-subsidy':
    case 'none':
      return toConfirm;
  }
}

/**
 * A share of the energy audit's or the certification's cost, with the figure; or, without the cost, the share and
 * what to enter to value it. A level's cost from a secondary source is said to be as reported (schemes.md: [S]).
 */
function costShareSummary(
  kind: BenefitKind,
  share: CostShare,
  amount: Decimal | null,
  caveat: LocalisedText,
  administrator: LocalisedText,
): LocalisedText {
  const lakh = (value: Decimal, lang: 'en' | 'hi') => formatLakhCrore(value, lang);
  const rate = share.ratePct.toString();
  if (kind === 'audit-reimbursement') {
    const capped =
      share.capInr === null
        ? { en: '', hi: '' }
        : { en: `, at most ${lakh(share.capInr, 'en')}`, hi: `, अधिकतम ${lakh(share.capInr, 'hi')}` };
    if (amount === null || share.costInr === null) {
      return {
        en: `${rate} % of the energy-audit cost paid back${capped.en}: enter the energy-audit cost to value this.`,
        hi: `ऊर्जा ऑडिट लागत का ${rate} % वापस${capped.hi}: इसका मूल्य जानने के लिए ऊर्जा ऑडिट की लागत दर्ज करें।`,
      };
    }
    return {
      en: `${rate} % of the ${lakh(share.costInr, 'en')} energy-audit cost paid back${capped.en}: ${lakh(amount, 'en')}${caveat.en}.`,
      hi: `${lakh(share.costInr, 'hi')} की ऊर्जा ऑडिट लागत का ${rate} % वापस${capped.hi}: ${lakh(amount, 'hi')}${caveat.hi}।`,
    };
  }
  if (amount === null || share.costInr === null) {
    return {
      en: `${rate} % of the ZED certification cost: enter the ZED level sought or its certification cost to value this.`,
      hi: `ज़ेड प्रमाणन लागत का ${rate} %: इसका मूल्य जानने के लिए लक्षित ज़ेड स्तर या उसकी प्रमाणन लागत दर्ज करें।`,
    };
  }
  const level = share.level && zedLevelNames[share.level.id];
  const cost = {
    en: `the ${lakh(share.costInr, 'en')} ZED ${level ? `${level.en} ` : ''}certification cost`,
    hi: `${lakh(share.costInr, 'hi')} की ज़ेड ${level ? `${level.hi} ` : ''}प्रमाणन लागत`,
  };
  const figure =
    share.rewardInr === null
      ? {
          en: `${rate} % of ${cost.en}: ${lakh(amount, 'en')}.`,
          hi: `${cost.hi} का ${rate} %: ${lakh(amount, 'hi')}।`,
        }
      : {
          en: `The ${lakh(share.rewardInr, 'en')} joining reward and ${rate} % of the rest of ${cost.en}: ${lakh(amount, 'en')}.`,
          hi: `${lakh(share.rewardInr, 'hi')} का जुड़ने का पुरस्कार और ${cost.hi} के शेष का ${rate} %: ${lakh(amount, 'hi')}।`,
        };
  if (!level || share.level?.costConfidence === 'official') return figure;
  return {
    en: `${figure.en} The ${level.en} cost is as reported; confirm it with ${administrator.en}.`,
    hi: `${figure.hi} ${level.hi} की लागत रिपोर्ट के अनुसार है; इसकी पुष्टि ${administrator.hi} से करें।`,
  };
}
