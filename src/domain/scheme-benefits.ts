import { Decimal } from 'decimal.js';
import type { LocalisedText } from './catalogue-types.js';
import type { Confidence, IsoDate } from './dated.js';
import { entryOn } from './dated.js';
import { conditionResult } from './eligibility.js';
import type { EnterpriseFacts } from './enterprise-facts.js';
import { totalSubvention } from './finance/loan.js';
import { formatLakhCrore } from './indian-number.js';
import './money.js';
import type { Scheme, SchemeKind, SchemeTerm, Slab } from './scheme-types.js';

// What a scheme is worth to one project, in rupees, from its dated terms: a capital subsidy or grant as a share
// of the cost it is on (capped), an interest subvention or a loan line's concession as the interest it saves over
// its period on the actual loan schedule, a guarantee as the cover it gives and the fee it costs. A term whose
// value is unconfirmed gives no rupee figure: the result says it is to be confirmed with the administrator.

export interface ProjectTerms {
  capexInr: Decimal;
  loanInr: Decimal;
  annualRatePct: Decimal;
  tenureMonths: number;
  moratoriumMonths: number;
}

export type BenefitKind = 'grant' | 'subsidy' | 'interest-saving' | 'guarantee' | 'none';

export interface Benefit {
  kind: BenefitKind;
  /** Rupees the enterprise keeps (grant, subsidy, interest saved), or the cover for a guarantee; null if unknown. */
  amountInr: Decimal | null;
  /** Guarantee fees the enterprise pays over the loan, when the scheme charges them. */
  feesInr: Decimal;
  /**
   * Subvention rate (percent a year), months and the most it pays in one loan year (null = no yearly cap), for the
   * package's loan schedule.
   */
  subvention: { ratePct: Decimal; months: number; capPerYearInr: Decimal | null } | null;
  /** Which terms the figure rests on, by id, and the weakest confidence among them. */
  termIds: string[];
  confidence: Confidence;
  toConfirm: boolean;
  /**
   * A scheme of several kinds (a state policy with a capital subsidy and an interest subsidy) has its further
   * components here, each valued on its own; the main one is the scheme's first kind that could be valued.
   */
  extras: BenefitComponent[];
}

/** One kind of support a scheme gives, valued on its own. */
export type BenefitComponent = Omit<Benefit, 'extras'>;

const ZERO = new Decimal(0);
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

/** The applying terms with their values in force on `asOf`. */
function termsInForce(scheme: Scheme, facts: EnterpriseFacts, asOf: IsoDate): TermValue[] {
  return termsApplying(scheme, facts, asOf).flatMap((term): TermValue[] => {
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
});

export function valueScheme(
  scheme: Scheme,
  facts: EnterpriseFacts,
  project: ProjectTerms,
  asOf: IsoDate,
): Benefit {
  const terms = termsInForce(scheme, facts, asOf);
  const has = (kind: SchemeKind) => scheme.kinds.includes(kind);
  const capital = has('capital-subsidy') || has('grant');
  const support = capital ? capitalSupport(terms, project) : null;
  const components: BenefitComponent[] = [
    ...(support ? [{ ...support, kind: has('grant') ? ('grant' as const) : ('subsidy' as const) }] : []),
    ...(has('interest-subvention') || has('loan-line')
      ? [interestSaving(terms, project, has('loan-line'), !capital)]
      : []),
    ...(has('guarantee') ? [guarantee(terms, project)] : []),
  ].filter((component): component is BenefitComponent => component !== null);
  const [main, ...rest] = components;
  if (!main) {
    const unconfirmed = terms.some((t) => t.value === null && t.slabs === null);
    return empty(unconfirmed || terms.length === 0, weakest(terms.map((t) => t.confidence)));
  }
  // A further component counts only when it has a value; an unconfirmed one still marks the whole as to confirm.
  const extras = rest.filter((component) => component.amountInr !== null);
  return {
    ...main,
    extras,
    toConfirm: main.toConfirm || rest.some((component) => component.amountInr === null),
  };
}

/** A share of the project's cost (or of the loan, for credit-linked subsidies), capped, with any regional uplift. */
function capitalSupport(terms: TermValue[], project: ProjectTerms): Omit<BenefitComponent, 'kind'> | null {
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
    return {
      amountInr: null,
      feesInr: ZERO,
      subvention: null,
      termIds: used.map((t) => t.term.id),
      confidence: 'unconfirmed',
      toConfirm: true,
    };
  }
  const best = main.reduce((a, b) => ((a.value as Decimal).greaterThanOrEqualTo(b.value as Decimal) ? a : b));
  const rate = (best.value as Decimal).plus(uplifts.reduce((sum, t) => sum.plus(t.value as Decimal), ZERO));
  const basisOf = best.term.basis === 'loan' ? project.loanInr : project.capexInr;
  // The cost the share is taken on is itself capped by a cap on the same basis (e.g. eligible machinery cost).
  const baseCaps = terms.filter(
    (t) =>
      t.term.kind === 'cap' &&
      t.term.basis === best.term.basis &&
      t.term.series.unit === 'inr' &&
      t.value &&
      capFor(t, best),
  );
  const base = baseCaps.reduce((amount, cap) => Decimal.min(amount, cap.value as Decimal), basisOf);
  // A cap on the subsidy limits the rate it names, or any rate when it names none (each component its own cap).
  const subsidyCaps = terms.filter(
    (t) =>
      t.term.kind === 'cap' && (t.term.basis === 'subsidy' || t.term.basis === 'grant') && capFor(t, best),
  );
  const known = subsidyCaps.filter((t) => t.value !== null);
  const amount = known.reduce(
    (value, cap) => Decimal.min(value, cap.value as Decimal),
    base.times(rate).dividedBy(HUNDRED),
  );
  const considered = [best, ...uplifts, ...baseCaps, ...known];
  return {
    amountInr: amount,
    feesInr: ZERO,
    subvention: null,
    termIds: considered.map((t) => t.term.id),
    confidence: weakest(considered.map((t) => t.confidence)),
    // A cap that exists but is unconfirmed may lower the figure: say so.
    toConfirm: known.length < subsidyCaps.length,
  };
}

/**
 * Interest saved: the subvention (or a loan line's concession) applied on the actual schedule for its period.
 * `ownsSubsidyCaps`: the scheme gives no capital subsidy or grant, so a cap on "the subsidy" caps this.
 */
function interestSaving(
  terms: TermValue[],
  project: ProjectTerms,
  loanLine: boolean,
  ownsSubsidyCaps: boolean,
): BenefitComponent | null {
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
    return { ...empty(true, 'unconfirmed'), kind: 'interest-saving', termIds: rates.map((t) => t.term.id) };
  }
  // Where sources give a range (a low and a high concession), the low one: never promise the better case.
  const chosen = loanLine
    ? known.reduce((a, b) => ((a.value as Decimal).lessThanOrEqualTo(b.value as Decimal) ? a : b))
    : known.reduce((a, b) => ((a.value as Decimal).greaterThanOrEqualTo(b.value as Decimal) ? a : b));
  const period = terms.find((t) => t.term.kind === 'duration' && /period|tenor/.test(t.term.id));
  const periodMonths = Math.min(months(period) ?? project.tenureMonths, project.tenureMonths);
  const ceiling = terms.find(
    (t) => t.term.kind === 'cap' && t.term.basis === 'loan' && t.term.series.unit === 'inr' && t.value,
  );
  const coveredLoan = ceiling ? Decimal.min(project.loanInr, ceiling.value as Decimal) : project.loanInr;
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
  const subventionInr = totalSubvention({
    principalInr: coveredLoan,
    annualRatePct: project.annualRatePct,
    tenureMonths: project.tenureMonths,
    moratoriumMonths: project.moratoriumMonths,
    interestSubventionPct: chosen.value as Decimal,
    subventionMonths: periodMonths,
    subventionCapPerYearInr: capPerYearInr,
  });
  const considered = [chosen, ...(period ? [period] : []), ...(ceiling ? [ceiling] : []), ...yearlyCaps];
  // A cap on the support that exists but is unconfirmed (ADEETIE's per-unit cap) may lower the figure: say so, as
  // for capital support.
  const unconfirmedCap = terms.some(
    (t) =>
      t.term.kind === 'cap' &&
      t.value === null &&
      capFor(t, chosen) &&
      (t.term.basis === 'annual-interest' || (ownsSubsidyCaps && t.term.basis === 'subsidy')),
  );
  return {
    kind: 'interest-saving',
    amountInr: subventionInr,
    feesInr: ZERO,
    subvention: { ratePct: chosen.value as Decimal, months: periodMonths, capPerYearInr },
    termIds: considered.map((t) => t.term.id),
    confidence: weakest(considered.map((t) => t.confidence)),
    toConfirm: (rates.length > known.length && !loanLine) || unconfirmedCap,
  };
}

/** Cover on the loan (within the ceiling) and the yearly fee on the amount guaranteed, less any concession. */
function guarantee(terms: TermValue[], project: ProjectTerms): BenefitComponent {
  const covers = terms.filter(
    (t) =>
      t.term.kind === 'rate' &&
      t.term.basis === 'loan' &&
      t.term.series.unit === 'percent' &&
      /cover/.test(t.term.id),
  );
  const known = covers.filter((t) => t.value !== null);
  if (known.length === 0)
    return { ...empty(true, 'unconfirmed'), kind: 'guarantee', termIds: covers.map((t) => t.term.id) };
  const cover = known.reduce((a, b) =>
    (a.value as Decimal).greaterThanOrEqualTo(b.value as Decimal) ? a : b,
  );
  const ceiling = terms.find(
    (t) => t.term.kind === 'cap' && t.term.basis === 'loan' && t.term.series.unit === 'inr' && t.value,
  );
  const loan = ceiling ? Decimal.min(project.loanInr, ceiling.value as Decimal) : project.loanInr;
  const guaranteed = loan.times(cover.value as Decimal).dividedBy(HUNDRED);
  const years = Math.ceil(project.tenureMonths / 12);
  const feeTerms = terms.filter(
    (t) =>
      /fee/.test(t.term.id) &&
      (t.term.kind === 'rate' || t.term.kind === 'slab-rate') &&
      t.term.basis !== 'annual-guarantee-fee',
  );
  const concession = terms.find((t) => t.term.basis === 'annual-guarantee-fee' && t.value);
  let annualFee = ZERO;
  for (const fee of feeTerms) {
    const rate = fee.slabs ? slabRate(fee.slabs, project.loanInr) : fee.value;
    if (rate) annualFee = Decimal.max(annualFee, guaranteed.times(rate).dividedBy(HUNDRED));
  }
  if (concession) annualFee = annualFee.times(HUNDRED.minus(concession.value as Decimal)).dividedBy(HUNDRED);
  const considered = [cover, ...(ceiling ? [ceiling] : []), ...feeTerms, ...(concession ? [concession] : [])];
  return {
    kind: 'guarantee',
    amountInr: guaranteed,
    // The yearly fee on the cover for each year of the loan (a simplification: fees fall as the loan is repaid).
    feesInr: annualFee.times(years),
    subvention: null,
    termIds: considered.map((t) => t.term.id),
    confidence: weakest(considered.map((t) => t.confidence)),
    toConfirm: feeTerms.some((t) => t.value === null && t.slabs === null),
  };
}

/** The rate of the first slab whose ceiling the loan does not exceed (a null ceiling is the last slab). */
function slabRate(slabs: readonly Slab[], loan: Decimal): Decimal | null {
  return slabs.find((slab) => slab.upToInr === null || loan.lessThanOrEqualTo(slab.upToInr))?.value ?? null;
}

/** The benefit in a sentence (a sentence per component), in English and Hindi; "to be confirmed" for an unknown. */
export function benefitSummary(benefit: Benefit, administrator: LocalisedText): LocalisedText {
  const parts = [benefit, ...benefit.extras].map((component) => componentSummary(component, administrator));
  return { en: parts.map((part) => part.en).join(' '), hi: parts.map((part) => part.hi).join(' ') };
}

function componentSummary(benefit: BenefitComponent, administrator: LocalisedText): LocalisedText {
  const lakh = (value: Decimal, lang: 'en' | 'hi') => formatLakhCrore(value, lang);
  const amount = benefit.amountInr;
  if (amount === null) {
    return {
      en: `Value to be confirmed with ${administrator.en}.`,
      hi: `मूल्य की पुष्टि ${administrator.hi} से करनी है।`,
    };
  }
  const caveat = benefit.toConfirm
    ? {
        en: ` (a limit is still to be confirmed with ${administrator.en})`,
        hi: ` (एक सीमा की पुष्टि अभी ${administrator.hi} से करनी है)`,
      }
    : { en: '', hi: '' };
  switch (benefit.kind) {
    case 'grant':
      return {
        en: `A grant of ${lakh(amount, 'en')}${caveat.en}.`,
        hi: `${lakh(amount, 'hi')} का अनुदान${caveat.hi}।`,
      };
    case 'subsidy':
      return {
        en: `A capital subsidy of ${lakh(amount, 'en')}${caveat.en}.`,
        hi: `${lakh(amount, 'hi')} की पूंजी सब्सिडी${caveat.hi}।`,
      };
    case 'interest-saving': {
      const rate = benefit.subvention?.ratePct.toString() ?? '';
      const months = benefit.subvention?.months ?? 0;
      const cap = benefit.subvention?.capPerYearInr ?? null;
      const capped =
        cap === null
          ? { en: '', hi: '' }
          : { en: `, at most ${lakh(cap, 'en')} a year`, hi: `, प्रति वर्ष अधिकतम ${lakh(cap, 'hi')}` };
      return {
        en: `${rate} % a year off the interest for ${months} months${capped.en}: ${lakh(amount, 'en')} saved${caveat.en}.`,
        hi: `${months} महीनों तक ब्याज में ${rate} % प्रति वर्ष की छूट${capped.hi}: ${lakh(amount, 'hi')} की बचत${caveat.hi}।`,
      };
    }
    case 'guarantee':
      return {
        en: `Guarantee cover of ${lakh(amount, 'en')}, so no collateral; fees about ${lakh(benefit.feesInr, 'en')} over the loan${caveat.en}.`,
        hi: `${lakh(amount, 'hi')} का गारंटी कवर, इसलिए संपार्श्विक नहीं; ऋण अवधि में लगभग ${lakh(benefit.feesInr, 'hi')} शुल्क${caveat.hi}।`,
      };
    case 'none':
      return {
        en: `Value to be confirmed with ${administrator.en}.`,
        hi: `मूल्य की पुष्टि ${administrator.hi} से करनी है।`,
      };
  }
}
