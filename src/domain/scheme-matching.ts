import { Decimal } from 'decimal.js';
import type { Cluster, LocalisedText } from './catalogue-types.js';
import type { IsoDate } from './dated.js';
import { evaluateScheme, type SchemeEvaluation } from './eligibility.js';
import type { EnterpriseFacts } from './enterprise-facts.js';
import { formatLakhCrore } from './indian-number.js';
import { greater, lesser } from './money.js';
import {
  valueScheme,
  type Benefit,
  type BenefitComponent,
  type BenefitKind,
  type GuaranteeOf,
  type ProjectTerms,
} from './scheme-benefits.js';
import { ProjectLoans, type LoanYears } from './finance/loan.js';
import type { Scheme } from './scheme-types.js';

// Every scheme for one enterprise and one project on one date — status, eligibility explained, what it is worth —
// and the financing packages that can be built from the eligible ones, ranked.

export interface SchemeMatch {
  scheme: Scheme;
  evaluation: SchemeEvaluation;
  benefit: Benefit;
}

export interface FinancingPackage {
  schemeIds: string[];
  /** Capex less grants and subsidies. */
  netProjectCostInr: Decimal;
  loanInr: Decimal;
  ownContributionInr: Decimal;
  annualRatePct: Decimal;
  emiInr: Decimal;
  totalInterestAfterSubventionInr: Decimal;
  /** The guarantee's fees over the loan less what a scheme in the package pays back of them. */
  guaranteeFeesInr: Decimal;
  /** What a scheme in the package pays back of the guarantee's fees (Punjab's CGTMSE fee reimbursement). */
  feeReimbursementInr: Decimal;
  /**
   * What the package's schemes pay of the energy audit's and the ZED certification's costs given with the project
   * (Haryana's 75 % of the audit, ZED's subsidy). Those costs are outside the project cost, and the enterprise's in
   * every package alike, so only this support enters the net cost.
   */
  auditAndCertificationSupportInr: Decimal;
  /**
   * What the project costs the enterprise over the loan's life: net project cost + interest after subvention + fees,
   * less the support for the audit and the certification.
   */
  netCostInr: Decimal;
  paybackYears: Decimal | null;
  minDscr: Decimal | null;
  /** What the package's figures rest on that is still to be confirmed: its schemes' caveats (SIDBI 4E's 2017 rate). */
  caveats: LocalisedText[];
  explanation: LocalisedText;
}

/** A financing package's figures, before it is explained. */
export type PackageFigures = Omit<FinancingPackage, 'explanation'>;

/** The cluster's scheme-relevant flags as facts; an unknown flag (null) stays absent, never false. */
export function clusterFacts(cluster: Cluster | undefined): Partial<EnterpriseFacts> {
  if (!cluster) return {};
  const flags = cluster.flags;
  const facts: Record<string, unknown> = {
    state: cluster.state,
    district: cluster.district,
    clusterId: cluster.id,
    sector: cluster.sector,
  };
  const put = (key: string, value: unknown) => {
    if (value !== null && value !== undefined) facts[key] = value;
  };
  put('northEastHillOrIsland', flags.northEastHillOrIsland.value);
  put('aspirationalDistrict', flags.aspirationalDistrict.value);
  put('lweDistrict', flags.lweDistrict.value);
  put('adeetieNotifiedCluster', flags.adeetieNotifiedCluster.value);
  put('punjabBorderDistrict', flags.punjabBorderDistrict?.value);
  put('punjabKandiArea', flags.punjabKandiArea?.value);
  put('westBengalZone', flags.westBengalZone?.value);
  return facts;
}

export function matchSchemes(
  schemes: readonly Scheme[],
  facts: EnterpriseFacts,
  project: ProjectTerms,
  asOf: IsoDate,
  loans: ProjectLoans = new ProjectLoans(),
): SchemeMatch[] {
  // A scheme that pays back another's guarantee fee is valued on that scheme's fee for this same loan, so each
  // scheme is valued once and looked up by the reimbursing one.
  const byId = new Map(schemes.map((scheme) => [scheme.id, scheme]));
  const benefits = new Map<string, Benefit>();
  const valuing = new Set<string>();
  const benefitOf = (scheme: Scheme): Benefit => {
    let benefit = benefits.get(scheme.id);
    if (benefit === undefined) {
      valuing.add(scheme.id);
      benefit = valueScheme(scheme, facts, project, asOf, guaranteeOf, loans);
      valuing.delete(scheme.id);
      benefits.set(scheme.id, benefit);
    }
    return benefit;
  };
  const guaranteeOf: GuaranteeOf = (schemeId) => {
    const other = byId.get(schemeId);
    if (other === undefined || valuing.has(schemeId)) return undefined;
    const benefit = benefitOf(other);
    return {
      scheme: other,
      guarantee: [benefit, ...benefit.extras].find((component) => component.kind === 'guarantee') ?? null,
    };
  };
  return schemes.map((scheme) => ({
    scheme,
    evaluation: evaluateScheme(scheme, facts, asOf),
    benefit: benefitOf(scheme),
  }));
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
/** Support paid on the energy audit's or the certification's cost, not on the project cost. */
const COST_SUPPORT = new Set<BenefitKind>(['audit-reimbursement', 'certification-subsidy']);
const COST_SUPPORT_OR_GRANT = new Set<BenefitKind>([...COST_SUPPORT, 'grant', 'subsidy']);

/**
 * Packages of one loan route (a scheme's loan line, or an ordinary term loan at the cost of debt) with the
 * eligible support that can stack with it: every grant and subsidy, the best interest subvention (whether two
 * subventions stack is not established, so one is taken) and the guarantee with the widest cover, with every
 * scheme that pays back that guarantee's fee (its fees are then what is left to pay). Where two schemes exclude
 * each other, both variants are built. Ranked by the lowest net cost over the loan's life, then the highest minimum
 * DSCR.
 */
export function financingPackages(
  matches: readonly SchemeMatch[],
  project: ProjectTerms,
  annualSavingsInr: Decimal | null,
  loans: ProjectLoans = new ProjectLoans(),
): FinancingPackage[] {
  const ranked = rankedPackages(matches, project, annualSavingsInr, loans);
  return ranked.map((p, index) => ({
    ...p,
    explanation: {
      en: packageExplanation(p, index, ranked[0], 'en'),
      hi: packageExplanation(p, index, ranked[0], 'hi'),
    },
  }));
}

/** `financingPackages` without their explanations: the API words only the language it answers in. */
export function rankedPackages(
  matches: readonly SchemeMatch[],
  project: ProjectTerms,
  annualSavingsInr: Decimal | null,
  loans: ProjectLoans = new ProjectLoans(),
): PackageFigures[] {
  const usable = matches.filter((m) => m.evaluation.eligible === true && m.benefit.amountInr !== null);
  const loanLines = usable.filter((m) => m.scheme.kinds.includes('loan-line'));
  const support = usable.filter((m) => !m.scheme.kinds.includes('loan-line'));
  const variants = supportVariants(support);
  const packages: PackageFigures[] = [];
  // Packages on the same loan have the same least DSCR.
  const covers = new Map<LoanYears, Decimal | null>();
  for (const loanLine of [null, ...loanLines]) {
    for (const variant of variants) {
      const chosen = [...(loanLine ? [loanLine] : []), ...variant];
      if (conflicts(chosen)) continue;
      packages.push(cost(chosen, loanLine, project, annualSavingsInr, loans, covers));
    }
  }
  const unique = new Map(packages.map((p) => [p.schemeIds.join('+'), p]));
  return [...unique.values()].sort(
    (a, b) => a.netCostInr.comparedTo(b.netCostInr) || (b.minDscr ?? ZERO).comparedTo(a.minDscr ?? ZERO),
  );
}

function conflicts(chosen: readonly SchemeMatch[]): boolean {
  const ids = new Set(chosen.map((m) => m.scheme.id));
  return chosen.some((m) =>
    m.scheme.stacking.some((rule) => rule.rule === 'not-with' && ids.has(rule.scheme)),
  );
}

/**
 * Every grant and subsidy, plus at most one subvention and one guarantee, with the schemes that pay back that
 * guarantee's fee; each exclusion splits the variants.
 */
function supportVariants(support: readonly SchemeMatch[]): SchemeMatch[][] {
  // A share of the audit's or the certification's cost stacks as a grant does: in every variant it fits.
  const grants = support.filter((m) => COST_SUPPORT_OR_GRANT.has(m.benefit.kind));
  const subventions = support.filter((m) => m.benefit.kind === 'interest-saving');
  const guarantees = support.filter((m) => m.benefit.kind === 'guarantee');
  // A scheme whose main benefit is a fee reimbursement joins the guarantee it pays back. One whose reimbursement is
  // a further component comes with its main benefit: a grant or subsidy is in every variant, a subvention in its own
  // (a second subvention would not be taken, and the first would be ambiguous).
  const reimbursers = support.filter((m) => m.benefit.kind === 'fee-reimbursement');
  const pick = <T>(options: readonly T[]): (T | null)[] => [null, ...options];
  const variants: SchemeMatch[][] = [];
  for (const subvention of pick(subventions)) {
    for (const guarantee of pick(guarantees)) {
      const chosen = [...(subvention ? [subvention] : []), ...(guarantee ? [guarantee] : [])];
      const paying = guarantee
        ? reimbursers.filter(
            (m) => m.benefit.reimbursement?.schemeId === guarantee.scheme.id && !conflicts([...chosen, m]),
          )
        : [];
      const base = [...chosen, ...paying];
      // Grants and subsidies: all that fit with the rest; a grant excluded by the choice above is left out.
      const all = [...base, ...grants.filter((g) => !conflicts([...base, g]))];
      variants.push(resolveGrantConflicts(all));
    }
  }
  return variants;
}

/**
 * Among grants and subsidies that exclude each other, keep the larger; and one grant per project, since two
 * grants (a CFC and an estate, say) would pay twice for the same cost.
 */
function resolveGrantConflicts(chosen: SchemeMatch[]): SchemeMatch[] {
  const kept = [...chosen].sort((a, b) =>
    (b.benefit.amountInr ?? ZERO).comparedTo(a.benefit.amountInr ?? ZERO),
  );
  const result: SchemeMatch[] = [];
  for (const match of kept) {
    const secondGrant = match.benefit.kind === 'grant' && result.some((m) => m.benefit.kind === 'grant');
    if (!secondGrant && !conflicts([...result, match])) result.push(match);
  }
  return result;
}

/**
 * The largest own share any chosen scheme demands of the project cost (an SPV's 10 %, a bank margin of 25 %),
 * as a fraction: support can never take the enterprise's own share below it.
 */
function minimumOwnShare(chosen: readonly SchemeMatch[]): Decimal {
  return chosen
    .flatMap((m) => ownSharesOf(m.scheme))
    .reduce((max, share) => greater(max, share), ZERO)
    .dividedBy(100);
}

// A scheme's own-share minimums (percent), read once per scheme: every package of every match asks.
const ownShares = new WeakMap<Scheme, Decimal[]>();
function ownSharesOf(scheme: Scheme): Decimal[] {
  let shares = ownShares.get(scheme);
  if (shares === undefined) {
    shares = scheme.terms.flatMap((term) => {
      if (term.kind !== 'minimum' || term.basis !== 'project-cost' || term.series.unit !== 'percent')
        return [];
      const latest = [...term.series.values].sort((a, b) => b.from.localeCompare(a.from))[0];
      return latest?.value ? [latest.value as Decimal] : [];
    });
    ownShares.set(scheme, shares);
  }
  return shares;
}

function cost(
  chosen: readonly SchemeMatch[],
  loanLine: SchemeMatch | null,
  project: ProjectTerms,
  annualSavingsInr: Decimal | null,
  loans: ProjectLoans,
  covers: Map<LoanYears, Decimal | null>,
): PackageFigures {
  // Every grant or subsidy among the chosen schemes' components, including a state policy's second component.
  // A loan line's concession lowers the loan's rate (below); it is not a subvention on top.
  const components = chosen.filter((m) => m !== loanLine).flatMap((m) => [m.benefit, ...m.benefit.extras]);
  const grants = components.filter((b) => b.kind === 'grant' || b.kind === 'subsidy');
  const subvention =
    chosen.find((m) => m.benefit.kind === 'interest-saving' && !m.scheme.kinds.includes('loan-line'))
      ?.benefit ?? components.find((b) => b.kind === 'interest-saving');
  const guarantee = chosen.find((m) => m.benefit.kind === 'guarantee');
  const ceiling = project.capexInr.times(ONE.minus(minimumOwnShare(chosen)));
  const supportInr = lesser(
    grants.reduce((sum, b) => sum.plus(b.amountInr ?? ZERO), ZERO),
    ceiling,
  );
  const netProjectCostInr = greater(project.capexInr.minus(supportInr), ZERO);
  const loanInr = lesser(project.loanInr, netProjectCostInr);
  // A loan line's concession lowers the rate for the whole loan; a subvention pays part of the interest.
  const concession = loanLine?.benefit.subvention?.ratePct ?? ZERO;
  const annualRatePct = greater(project.annualRatePct.minus(concession), ZERO);
  const loan = loans.years({
    principalInr: loanInr,
    annualRatePct,
    tenureMonths: project.tenureMonths,
    moratoriumMonths: project.moratoriumMonths,
    interestSubventionPct: subvention?.subvention?.ratePct ?? ZERO,
    subventionMonths: subvention?.subvention?.months ?? 0,
    // A yearly cap on the subvention (Punjab's ₹5 lakh) caps each loan year of the package's loan too.
    subventionCapPerYearInr: subvention?.subvention?.capPerYearInr ?? null,
  });
  const interest = loan.totalInterestInr.minus(loan.totalSubventionInr);
  const paidBack = guarantee
    ? components.filter(
        (b) => b.kind === 'fee-reimbursement' && b.reimbursement?.schemeId === guarantee.scheme.id,
      )
    : [];
  const { feesInr: fees, reimbursedInr } = feesAfterReimbursement(guarantee?.benefit, paidBack);
  const costSupportInr = components
    .filter((b) => COST_SUPPORT.has(b.kind))
    .reduce((sum, b) => sum.plus(b.amountInr ?? ZERO), ZERO);
  return {
    schemeIds: chosen.map((m) => m.scheme.id),
    netProjectCostInr,
    loanInr,
    ownContributionInr: netProjectCostInr.minus(loanInr),
    annualRatePct,
    emiInr: loan.emiInr,
    totalInterestAfterSubventionInr: interest,
    guaranteeFeesInr: fees,
    feeReimbursementInr: reimbursedInr,
    auditAndCertificationSupportInr: costSupportInr,
    netCostInr: netProjectCostInr.plus(interest).plus(fees).minus(costSupportInr),
    paybackYears: annualSavingsInr?.greaterThan(0) ? netProjectCostInr.dividedBy(annualSavingsInr) : null,
    minDscr: annualSavingsInr ? leastCover(loan, annualSavingsInr, covers) : null,
    caveats: chosen.flatMap((m) => m.benefit.caveats.map((caveat) => caveat.text)),
  };
}

/**
 * The least DSCR over the loan years with debt service, the saving being the same every year: the saving over the
 * largest debt service (the smallest, for a negative saving). It is the least of the years' ratios, since rounding
 * a quotient keeps its order, in one division instead of one a year.
 */
function leastCover(
  loan: LoanYears,
  savingInr: Decimal,
  covers: Map<LoanYears, Decimal | null>,
): Decimal | null {
  const known = covers.get(loan);
  if (known !== undefined) return known;
  let extreme: Decimal | undefined;
  for (const { debtServiceInr } of loan.years) {
    if (debtServiceInr.isZero()) continue;
    const further = savingInr.isNegative()
      ? debtServiceInr.lessThan(extreme ?? debtServiceInr)
      : debtServiceInr.greaterThan(extreme ?? debtServiceInr);
    if (extreme === undefined || further) extreme = debtServiceInr;
  }
  const cover = extreme === undefined ? null : savingInr.dividedBy(extreme);
  covers.set(loan, cover);
  return cover;
}

/**
 * The guarantee's fees less what the package's reimbursements pay back, year by year: each loan year's fee less
 * what is paid back of it that year, never below nothing (the reimbursements are worked on the same yearly fees).
 */
function feesAfterReimbursement(
  guarantee: Benefit | undefined,
  reimbursements: readonly BenefitComponent[],
): { feesInr: Decimal; reimbursedInr: Decimal } {
  if (guarantee === undefined) return { feesInr: ZERO, reimbursedInr: ZERO };
  const byYear = guarantee.feesByYearInr;
  if (byYear === undefined || reimbursements.length === 0)
    return { feesInr: guarantee.feesInr, reimbursedInr: ZERO };
  const reimbursedInr = byYear.reduce((total, fee, index) => {
    const back = reimbursements.reduce((sum, r) => sum.plus(r.reimbursement?.byYearInr[index] ?? ZERO), ZERO);
    return total.plus(lesser(fee, back));
  }, ZERO);
  return { feesInr: guarantee.feesInr.minus(reimbursedInr), reimbursedInr };
}

/**
 * Why the package ranks where it does (`index` from 0, after `best`), in one language, then what its figures rest
 * on that is still to be confirmed.
 */
export function packageExplanation(
  p: PackageFigures,
  index: number,
  best: PackageFigures | undefined,
  lang: keyof LocalisedText,
): string {
  const names = p.schemeIds.length === 0 ? null : p.schemeIds.join(' + ');
  const cost = formatLakhCrore(p.netCostInr, lang);
  const net = formatLakhCrore(p.netProjectCostInr, lang);
  const interest = formatLakhCrore(p.totalInterestAfterSubventionInr, lang);
  const fees = formatLakhCrore(p.guaranteeFeesInr, lang);
  const guarantee = p.guaranteeFeesInr.greaterThan(0);
  const paidBack = p.feeReimbursementInr.greaterThan(0) ? formatLakhCrore(p.feeReimbursementInr, lang) : null;
  const costSupport = p.auditAndCertificationSupportInr.greaterThan(0)
    ? formatLakhCrore(p.auditAndCertificationSupportInr, lang)
    : null;
  const more = index === 0 || !best ? null : formatLakhCrore(p.netCostInr.minus(best.netCostInr), lang);
  const explanation =
    lang === 'en'
      ? `${names ?? 'An ordinary term loan without scheme support'}: the project costs ${cost} over the loan's life (net project cost ${net}, interest after subvention ${interest}, guarantee fees ${fees}${paidBack ? ` after ${paidBack} of them paid back` : ''}${costSupport ? `, less ${costSupport} paid of the energy audit's or certification's cost` : ''}).` +
        (guarantee ? ' The guarantee makes the loan collateral-free; its fees are the price of that.' : '') +
        (more === null
          ? ' Ranked first: the lowest cost to the enterprise.'
          : ` ${more} more than the first package.`)
      : `${names ?? 'बिना योजना सहायता का सामान्य सावधि ऋण'}: ऋण की अवधि में परियोजना की लागत ${cost} (शुद्ध परियोजना लागत ${net}, सब्वेंशन के बाद ब्याज ${interest}, गारंटी शुल्क ${fees}${paidBack ? `, ${paidBack} की प्रतिपूर्ति के बाद` : ''}${costSupport ? `, ऊर्जा ऑडिट या प्रमाणन की लागत के ${costSupport} के भुगतान को घटाकर` : ''})।` +
        (guarantee ? ' गारंटी से ऋण बिना संपार्श्विक के मिलता है; उसका शुल्क इसी की कीमत है।' : '') +
        (more === null ? ' पहले स्थान पर: उद्यम के लिए सबसे कम लागत।' : ` पहले पैकेज से ${more} अधिक।`);
  return p.caveats.reduce((text, caveat) => `${text} ${caveat[lang]}`, explanation);
}
