import type { Decimal } from 'decimal.js';
import type { LocalisedText } from '../../domain/catalogue-types.js';
import type { Classification } from '../../domain/classification.js';
import type { IsoDate } from '../../domain/dated.js';
import type { Criterion, CriterionResult } from '../../domain/eligibility.js';
import {
  benefitSummaryIn,
  type Benefit,
  type BenefitNeed,
  type CostShare,
} from '../../domain/scheme-benefits.js';
import { packageExplanation, type PackageFigures, type SchemeMatch } from '../../domain/scheme-matching.js';
import type { Scheme } from '../../domain/scheme-types.js';
import { moneyOut, percentOut, ratioOut, yearsOut } from './api-format.js';

// The POST /api/v1/matches answer as JSON text, written here rather than by JSON.stringify of a body object (issue 4):
// most of the text is each scheme's and each criterion's id, wording and references, the same for every enterprise.
// Written once per catalogue object and language, it is neither built into objects nor escaped again for each
// request: on the build, a match with its text as res.send takes it is ~6 % faster (~30 µs of ~510). The text is the
// one JSON.stringify gives for the same body, same keys in the same order and same escaping: every part not
// remembered is JSON.stringify'd on its own, and the remembered parts were written by it too.

type Lang = keyof LocalisedText;

/** What the answer is written from: the match, in one language. */
export interface MatchesOutcome {
  lang: Lang;
  classification: Classification | null;
  matches: readonly SchemeMatch[];
  packages: readonly PackageFigures[];
  rulesVersion: string;
  asOf: IsoDate;
}

const json = JSON.stringify;

export function matchesJson(outcome: MatchesOutcome): string {
  const { lang, classification, packages } = outcome;
  const money = moneyWrittenOnce();
  // The pieces are gathered in one list and joined once: joining each level's pieces again copied the text anew.
  const out = [`{"classification":${json(classification && classificationOut(classification))},"schemes":[`];
  outcome.matches.forEach((match, index) => {
    if (index > 0) out.push(',');
    writeScheme(out, match, lang, money);
  });
  const packagesOut = packages.map((p, index) => packageOut(p, index, packages[0], lang, money));
  out.push(
    `],"packages":${json(packagesOut)}`,
    `,"rulesVersion":${json(outcome.rulesVersion)},"asOf":${json(outcome.asOf)}}`,
  );
  return out.join('');
}

function writeScheme(out: string[], { scheme, evaluation, benefit }: SchemeMatch, lang: Lang, money: Money) {
  const fixed = schemeFixed(scheme, lang);
  out.push(
    fixed.upToStatus,
    json(evaluation.status.status),
    fixed.validUntil,
    json(evaluation.status.note?.[lang] ?? null),
    ',"eligible":',
    json(evaluation.eligible),
    ',"criteria":[',
  );
  evaluation.criteria.forEach((criterion, index) => {
    if (index > 0) out.push(',');
    writeCriterion(out, criterion, lang);
  });
  out.push(
    '],"toMakeItYes":',
    json(evaluation.toMakeItYes.map((suggestion) => suggestion.text[lang])),
    ',"benefit":',
    json(benefitOut(benefit, scheme, lang, money)),
    fixed.references,
  );
}

function writeCriterion(out: string[], criterion: Criterion, lang: Lang) {
  const fixed = criterionFixed(criterion, lang);
  out.push(fixed.upToValue[criterion.result], json(criterion.value), fixed.fromThreshold);
}

/** A scheme's parts that are the same for every enterprise, as JSON, with the keys around them. */
interface SchemeFixed {
  /** `{"id":…,"name":…,"administrator":…,"kind":[…],"status":` */
  upToStatus: string;
  /** `,"validUntil":…,"statusNote":` */
  validUntil: string;
  /** `,"references":[…]}` */
  references: string;
}

// Keyed by the catalogue's own objects, so another catalogue (tests load several) is written anew and a dropped
// one takes its text with it.
const schemesFixed = new WeakMap<Scheme, Partial<Record<Lang, SchemeFixed>>>();

function schemeFixed(scheme: Scheme, lang: Lang): SchemeFixed {
  let byLang = schemesFixed.get(scheme);
  if (byLang === undefined) {
    byLang = {};
    schemesFixed.set(scheme, byLang);
  }
  return (byLang[lang] ??= {
    upToStatus:
      `{"id":${json(scheme.id)},"name":${json(scheme.name[lang])}` +
      `,"administrator":${json(scheme.administrator[lang])},"kind":${json(scheme.kinds)},"status":`,
    validUntil: `,"validUntil":${json(scheme.validity.validUntil)},"statusNote":`,
    references: `,"references":${json(scheme.references.map((reference) => reference.url))}}`,
  });
}

/** A criterion's parts that are the same for every enterprise, as JSON, and what they were written with. */
interface CriterionFixed {
  id: string;
  threshold: string | null;
  reference: string;
  /** `{"id":…,"text":…,"result":…,"value":` for each result. */
  upToValue: Record<CriterionResult, string>;
  /** `,"threshold":…,"reference":…}` */
  fromThreshold: string;
}

// eligibility.ts words each condition once for a scheme and date, with its threshold then (a condition to be
// confirmed once for good): that text object stands for the criterion's fixed parts. What they were written with is
// checked, so a text ever shared by two conditions is not written with the other's id, threshold or reference.
const criteriaFixed = new WeakMap<LocalisedText, Partial<Record<Lang, CriterionFixed>>>();

function criterionFixed(criterion: Criterion, lang: Lang): CriterionFixed {
  let byLang = criteriaFixed.get(criterion.text);
  if (byLang === undefined) {
    byLang = {};
    criteriaFixed.set(criterion.text, byLang);
  }
  let fixed = byLang[lang];
  if (
    fixed?.id !== criterion.id ||
    fixed.threshold !== criterion.threshold ||
    fixed.reference !== criterion.reference
  ) {
    const upToResult = `{"id":${json(criterion.id)},"text":${json(criterion.text[lang])},"result":`;
    const upToValue = (result: CriterionResult) => `${upToResult}${json(result)},"value":`;
    fixed = {
      id: criterion.id,
      threshold: criterion.threshold,
      reference: criterion.reference,
      upToValue: { passed: upToValue('passed'), failed: upToValue('failed'), unknown: upToValue('unknown') },
      fromThreshold: `,"threshold":${json(criterion.threshold)},"reference":${json(criterion.reference)}}`,
    };
    byLang[lang] = fixed;
  }
  return fixed;
}

// Amounts recur across the schemes and the packages (the loan, a fee of nothing): each is written once.
type Money = (value: Decimal) => string;

function moneyWrittenOnce(): Money {
  const written = new Map<Decimal, string>();
  return (value) => {
    let text = written.get(value);
    if (text === undefined) {
      text = moneyOut(value);
      written.set(value, text);
    }
    return text;
  };
}

function classificationOut(classification: Classification) {
  return {
    category: classification.category,
    norms: {
      id: classification.norms.value.id,
      effectiveFrom: classification.norms.from,
      reference: classification.norms.reference,
    },
  };
}

/** The request fields, any one of which would value a component that has no figure for want of a cost. */
const NEEDED_FIELDS: Record<BenefitNeed, string[]> = {
  'energy-audit-cost': ['project.energyAuditCostInr'],
  'certification-cost': ['project.zedTargetLevel', 'project.certificationCostInr'],
};

function benefitOut(benefit: Benefit, scheme: Scheme, lang: Lang, money: Money) {
  return {
    summary: benefitSummaryIn(benefit, scheme.administrator, lang),
    amountInr: benefit.amountInr && money(benefit.amountInr),
    details: {
      kind: benefit.kind,
      feesInr: money(benefit.feesInr),
      subventionPct: benefit.subvention && percentOut(benefit.subvention.ratePct),
      subventionMonths: benefit.subvention?.months ?? null,
      terms: benefit.termIds,
      components: [benefit, ...benefit.extras].map((component) => ({
        kind: component.kind,
        amountInr: component.amountInr && money(component.amountInr),
        needs: component.needs ? NEEDED_FIELDS[component.needs] : null,
        costShare: component.costShare ? costShareOut(component.costShare) : null,
      })),
      caveats: benefit.caveats.map((caveat) => caveat.text[lang]),
    },
    confidence: benefit.confidence,
  };
}

function costShareOut(share: CostShare) {
  return {
    sharePct: percentOut(share.ratePct),
    costInr: moneyOut(share.costInr),
    capInr: moneyOut(share.capInr),
    rewardInr: moneyOut(share.rewardInr),
    zedLevel: share.level?.id ?? null,
  };
}

function packageOut(
  p: PackageFigures,
  index: number,
  best: PackageFigures | undefined,
  lang: Lang,
  money: Money,
) {
  return {
    schemeIds: p.schemeIds,
    netCostInr: money(p.netCostInr),
    emiInr: money(p.emiInr),
    explanation: packageExplanation(p, index, best, lang),
    netProjectCostInr: money(p.netProjectCostInr),
    loanInr: money(p.loanInr),
    ownContributionInr: money(p.ownContributionInr),
    annualRatePct: percentOut(p.annualRatePct),
    totalInterestAfterSubventionInr: money(p.totalInterestAfterSubventionInr),
    guaranteeFeesInr: money(p.guaranteeFeesInr),
    feeReimbursementInr: money(p.feeReimbursementInr),
    auditAndCertificationSupportInr: money(p.auditAndCertificationSupportInr),
    paybackYears: yearsOut(p.paybackYears),
    minDscr: ratioOut(p.minDscr),
  };
}
