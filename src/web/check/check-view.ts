import type { Decimal } from 'decimal.js';
import type { Cluster, Technology } from '../../domain/catalogue-types.js';
import { formatIndianNumber, formatInr, formatLakhCrore } from '../../domain/indian-number.js';
import type { QuickCheckResult } from '../../domain/quick-check.js';
import { benefitSummary } from '../../domain/scheme-benefits.js';
import { formatDate } from '../format.js';
import type { Lang } from '../i18n.js';

// The quick check's results, formatted for the view (views do no arithmetic).

const oneDecimal = (value: Decimal) => formatIndianNumber(value.toDecimalPlaces(1), 1);

/** "₹12.00 lakh" or "₹12.00 lakh – ₹25.00 lakh": one figure when both ends agree once formatted. */
function range(bounds: { low: Decimal; high: Decimal }, format: (value: Decimal) => string): string {
  const [low, high] = [format(bounds.low), format(bounds.high)];
  return low === high ? low : `${low} – ${high}`;
}

export interface UpgradeView {
  id: string;
  name: string;
  annualSaving: string;
  co2Tonnes: string | null;
  capexRange: string | null;
  payback: string | null;
  confidence: string;
  calculatorLink: string;
}

export interface SchemeLine {
  id: string;
  name: string;
  summary: string;
  /** Why not, or what is still unknown, in a sentence each. */
  reasons: string[];
}

export interface CheckView {
  category: { key: string; normsFrom: string; reference: string } | null;
  schemes: { eligible: SchemeLine[]; possible: SchemeLine[]; other: SchemeLine[] };
  estimatedUse: { stream: string; amount: string; price: string; bill: string } | null;
  upgrades: UpgradeView[];
}

export function checkView(
  result: QuickCheckResult,
  context: {
    lang: Lang;
    cluster: Cluster | undefined;
    technologyById: (id: string) => Technology | undefined;
  },
): CheckView {
  const { lang } = context;
  const money = (value: Decimal) => formatLakhCrore(value, lang);
  const use = result.estimatedUse;
  return {
    category: result.classification && {
      key: result.classification.category,
      normsFrom: formatDate(result.classification.norms.from),
      reference: result.classification.norms.reference,
    },
    estimatedUse: use && {
      stream: use.stream,
      amount: formatIndianNumber(use.amount.toDecimalPlaces(0), 0),
      price: formatInr(use.priceInrPerUnit),
      bill: money(use.amount.times(use.priceInrPerUnit)),
    },
    schemes: schemeLines(result, lang),
    upgrades: result.upgrades.map((upgrade) => {
      const technology = context.technologyById(upgrade.technologyId);
      const query = new URLSearchParams({
        technology: upgrade.technologyId,
        cluster: context.cluster?.id ?? '',
      });
      return {
        id: upgrade.technologyId,
        name: technology?.name[lang] ?? upgrade.technologyId,
        annualSaving: range(upgrade.annualSavingInr, money),
        co2Tonnes: upgrade.annualCo2AvoidedTonnes && range(upgrade.annualCo2AvoidedTonnes, oneDecimal),
        capexRange: upgrade.capexInr && range(upgrade.capexInr, money),
        payback: upgrade.paybackYears && range(upgrade.paybackYears, oneDecimal),
        confidence: technology?.confidence ?? 'unconfirmed',
        calculatorLink: `/calculator?${query.toString()}`,
      };
    }),
  };
}

/** Eligible schemes first (with their value), then those that may apply (open, a fact unknown), then the rest. */
function schemeLines(result: QuickCheckResult, lang: Lang): CheckView['schemes'] {
  const line = ({ scheme, evaluation, benefit }: QuickCheckResult['schemes'][number]): SchemeLine => ({
    id: scheme.id,
    name: scheme.name[lang],
    summary: benefitSummary(benefit, scheme.administrator)[lang],
    reasons:
      evaluation.eligible === false
        ? evaluation.toMakeItYes.map((suggestion) => suggestion.text[lang])
        : evaluation.status.status !== 'open'
          ? [evaluation.status.note?.[lang] ?? '']
          : evaluation.criteria.filter((c) => c.result === 'unknown').map((c) => c.text[lang]),
  });
  const open = result.schemes.filter((m) => m.evaluation.status.status === 'open');
  return {
    eligible: open.filter((m) => m.evaluation.eligible === true).map(line),
    possible: open.filter((m) => m.evaluation.eligible === null).map(line),
    other: result.schemes
      .filter((m) => m.evaluation.eligible === false || m.evaluation.status.status !== 'open')
      .map(line),
  };
}
