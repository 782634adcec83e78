import { Decimal } from 'decimal.js';
import type { ClusterAggregates, Distribution } from '../../domain/cluster-aggregates.js';
import { msmeCategories } from '../../domain/enterprise-facts.js';
import { formatIndianNumber } from '../../domain/indian-number.js';
import type { Translate } from '../i18n.js';

// The dashboard's figures as text and its bar charts as SVG geometry, computed here so the templates do no
// arithmetic. Chart and table show the same rows.

export interface Bar {
  label: string;
  value: string;
  /** Bar length in SVG units, 0 – BAR_SPACE. */
  width: number;
  y: number;
}

export interface BarChart {
  id: string;
  title: string;
  bars: Bar[];
  height: number;
}

const LABEL_SPACE = 230;
const BAR_SPACE = 300;
const ROW_HEIGHT = 30;
export const CHART_WIDTH = LABEL_SPACE + BAR_SPACE + 90;

function barChart(
  id: string,
  title: string,
  rows: { label: string; value: Decimal; text: string }[],
): BarChart {
  const max = Decimal.max(new Decimal(1), ...rows.map((row) => row.value));
  return {
    id,
    title,
    height: rows.length * ROW_HEIGHT + 10,
    bars: rows.map((row, index) => ({
      label: row.label,
      value: row.text,
      width: row.value.times(BAR_SPACE).dividedBy(max).toDecimalPlaces(1).toNumber(),
      y: index * ROW_HEIGHT + 5,
    })),
  };
}

const percentText = (percent: Decimal) => `${formatIndianNumber(percent, 0)} %`;

function secChart(id: string, title: string, distribution: Distribution, t: Translate): BarChart | null {
  if (!distribution.percentiles) return null;
  return barChart(
    id,
    title,
    distribution.percentiles.map(({ percentile, value }) => ({
      label: t('clusters.sec.percentile', { percentile }),
      value,
      text: formatIndianNumber(value, 0),
    })),
  );
}

export function dashboardView(aggregates: ClusterAggregates, t: Translate) {
  const categories = [...msmeCategories, 'unknown' as const];
  return {
    units: aggregates.units,
    categoryChart: barChart(
      'category',
      t('clusters.category.title'),
      categories.map((category) => ({
        label: t(`clusters.category.${category}`),
        value: new Decimal(aggregates.byCategory[category]),
        text: String(aggregates.byCategory[category]),
      })),
    ),
    gapsChart: barChart(
      'gaps',
      t('clusters.gaps.title'),
      aggregates.missingDocuments.map((gap) => ({
        label: t(`profile.documents.${gap.documentId}`),
        value: gap.percent,
        text: percentText(gap.percent),
      })),
    ),
    topGaps: aggregates.missingDocuments
      .filter((gap) => gap.units > 0)
      .slice(0, 3)
      .map((gap) =>
        t('clusters.gaps.sentence', {
          percent: percentText(gap.percent),
          document: t(`profile.documents.${gap.documentId}`),
        }),
      ),
    sec: [
      {
        key: 'electricity',
        units: aggregates.sec.electricityKwhPerTonne.units,
        chart: secChart(
          'sec-electricity',
          t('clusters.sec.electricity'),
          aggregates.sec.electricityKwhPerTonne,
          t,
        ),
      },
      {
        key: 'coke',
        units: aggregates.sec.cokeKgPerTonne.units,
        chart: secChart('sec-coke', t('clusters.sec.coke'), aggregates.sec.cokeKgPerTonne, t),
      },
    ],
  };
}

/** The aggregate as CSV rows: section, item, units, value. Counts and shares only. */
export function dashboardCsvRows(aggregates: ClusterAggregates): string[][] {
  const rows: string[][] = [['section', 'item', 'units', 'value']];
  rows.push(['units', 'total', String(aggregates.units), '']);
  for (const [category, count] of Object.entries(aggregates.byCategory))
    rows.push(['msme-category', category, String(count), '']);
  for (const gap of aggregates.missingDocuments)
    rows.push([
      'missing-document-percent',
      gap.documentId,
      String(gap.units),
      gap.percent.toDecimalPlaces(1).toFixed(1),
    ]);
  for (const [name, distribution] of Object.entries(aggregates.sec)) {
    for (const { percentile, value } of distribution.percentiles ?? [])
      rows.push([
        `sec-${name}`,
        `p${percentile}`,
        String(distribution.units),
        value.toDecimalPlaces(1).toFixed(1),
      ]);
  }
  return rows;
}
