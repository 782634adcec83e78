import type { Decimal } from 'decimal.js';
import type { Cluster, Technology } from '../../domain/catalogue-types.js';
import { formatIndianNumber, formatInr, formatLakhCrore } from '../../domain/indian-number.js';
import type { QuickCheckResult } from '../../domain/quick-check.js';
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

export interface CheckView {
  category: { key: string; normsFrom: string; reference: string } | null;
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
