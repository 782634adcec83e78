import { Decimal } from 'decimal.js';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import type { Cluster } from '../../domain/catalogue-types.js';
import type { ClusterAggregates, ClusterPotential, Distribution } from '../../domain/cluster-aggregates.js';
import { UNIT_BANDS, type UnitBand } from '../../domain/cluster-filter.js';
import { msmeCategories } from '../../domain/enterprise-facts.js';
import type { IsoDate } from '../../domain/dated.js';
import { formatIndianNumber, formatLakhCrore } from '../../domain/indian-number.js';
import { displayDate } from '../../domain/scheme-status.js';
import type { ClusterPicture } from '../../services/cluster-dashboard-service.js';
import type { Translate } from '../i18n.js';
import { filterQuery } from './cluster-filter-form.js';

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
      // A negative value (energy a measure adds) draws no bar; the table beneath gives its figure.
      width: Decimal.max(row.value, 0).times(BAR_SPACE).dividedBy(max).toDecimalPlaces(1).toNumber(),
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

/**
 * What the figures are drawn from, in words ("… 3 of the cluster's 8"), and the filter as a query string
 * for the links that must carry it.
 */
export function filterView(picture: ClusterPicture, t: Translate) {
  const { filter } = picture;
  const parts = [
    ...(filter.sector
      ? [t('clusters.filter.sectorIs', { sector: t(`clusters.sectors.${filter.sector}`) })]
      : []),
    ...(filter.band ? [t('clusters.filter.bandIs', { band: t(`clusters.bands.${filter.band}`) })] : []),
  ];
  return {
    query: filterQuery(filter),
    /** Null when every unit is counted: the intro's count says it all. */
    sentence:
      parts.length === 0
        ? null
        : t('clusters.filter.some', {
            filters: parts.join(t('clusters.filter.and')),
            shown: picture.aggregates.units,
            total: picture.clusterUnits,
          }),
  };
}

export function dashboardView(aggregates: ClusterAggregates, bands: Record<UnitBand, number>, t: Translate) {
  const categories = [...msmeCategories, 'unknown' as const];
  return {
    units: aggregates.units,
    bandChart: barChart(
      'bands',
      t('clusters.bands.title'),
      UNIT_BANDS.map((band) => ({
        label: t(`clusters.bands.${band}`),
        value: new Decimal(bands[band]),
        text: String(bands[band]),
      })),
    ),
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

/**
 * The aggregate as CSV rows: section, item, units, value. Counts and shares only. A filtered export says so in
 * its first rows, so the file explains itself once downloaded.
 */
export function dashboardCsvRows(picture: ClusterPicture): string[][] {
  const { aggregates, bands, filter } = picture;
  const rows: string[][] = [['section', 'item', 'units', 'value']];
  if (filter.sector) rows.push(['filter', 'sector', '', filter.sector]);
  if (filter.band) rows.push(['filter', 'band', '', filter.band]);
  if (filter.sector || filter.band) rows.push(['units', 'cluster-total', String(picture.clusterUnits), '']);
  rows.push(['units', 'total', String(aggregates.units), '']);
  for (const band of UNIT_BANDS) rows.push(['readiness-band', band, String(bands[band]), '']);
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

const rangeText = (low: Decimal, high: Decimal, lang: 'en' | 'hi') =>
  low.equals(high)
    ? formatLakhCrore(low, lang)
    : `${formatLakhCrore(low, lang)} – ${formatLakhCrore(high, lang)}`;

/** Investment and loan demand, saving potential and scheme reach as charts and table rows, names from the catalogue. */
export function potentialView(
  potential: ClusterPotential & { assessedUnits: number; promoterSharePct: Decimal },
  catalogue: Pick<Catalogue, 'technologies' | 'schemes'>,
  lang: 'en' | 'hi',
  t: Translate,
) {
  const technologyName = (id: string) =>
    catalogue.technologies.find((technology) => technology.id === id)?.name[lang] ?? id;
  const schemeName = (id: string) => catalogue.schemes.find((scheme) => scheme.id === id)?.name[lang] ?? id;
  const streamName = (stream: string) => t(`calculator.streams.${stream}`);
  return {
    assessedUnits: potential.assessedUnits,
    promoterSharePct: formatIndianNumber(potential.promoterSharePct, 0),
    technologyChart: barChart(
      'technology',
      t('clusters.investment.chart'),
      potential.technologies.map((row) => ({
        label: technologyName(row.technologyId),
        value: new Decimal(row.units),
        text: String(row.units),
      })),
    ),
    technologyRows: potential.technologies.map((row) => ({
      name: technologyName(row.technologyId),
      units: row.units,
      capex: rangeText(row.capexLowInr, row.capexHighInr, lang),
      loan: rangeText(row.loanLowInr, row.loanHighInr, lang),
    })),
    streamChart: barChart(
      'streams',
      t('clusters.saving.chart'),
      potential.streams.map((row) => ({
        label: streamName(row.stream),
        value: row.energyGj,
        text: formatIndianNumber(row.energyGj, 0),
      })),
    ),
    streamRows: potential.streams.map((row) => ({
      name: streamName(row.stream),
      units: row.units,
      gj: formatIndianNumber(row.energyGj, 0),
      toe: formatIndianNumber(row.toe, 1),
    })),
    co2: formatIndianNumber(potential.co2Tonnes, 0),
    co2Units: potential.co2Units,
    schemeRows: potential.schemes.map((row) => ({
      name: schemeName(row.schemeId),
      eligible: row.eligible,
      mayApply: row.mayApply,
      amount: row.unitsWithAmount > 0 ? formatLakhCrore(row.amountInr, lang) : '—',
      unitsWithAmount: row.unitsWithAmount,
    })),
  };
}

/** The potential as CSV rows in the same four columns as the aggregates. */
export function potentialCsvRows(potential: ClusterPotential): string[][] {
  const rows: string[][] = [];
  const rupees = (value: Decimal) => value.toDecimalPlaces(0).toFixed(0);
  for (const row of potential.technologies) {
    rows.push(['capex-low-inr', row.technologyId, String(row.units), rupees(row.capexLowInr)]);
    rows.push(['capex-high-inr', row.technologyId, String(row.units), rupees(row.capexHighInr)]);
    rows.push(['loan-low-inr', row.technologyId, String(row.units), rupees(row.loanLowInr)]);
    rows.push(['loan-high-inr', row.technologyId, String(row.units), rupees(row.loanHighInr)]);
  }
  for (const row of potential.streams) {
    rows.push(['saving-gj', row.stream, String(row.units), row.energyGj.toDecimalPlaces(1).toFixed(1)]);
    rows.push(['saving-toe', row.stream, String(row.units), row.toe.toDecimalPlaces(2).toFixed(2)]);
  }
  rows.push([
    'co2-avoided-tonnes',
    'total',
    String(potential.co2Units),
    potential.co2Tonnes.toDecimalPlaces(1).toFixed(1),
  ]);
  for (const row of potential.schemes) {
    rows.push(['scheme-eligible', row.schemeId, String(row.eligible), '']);
    rows.push(['scheme-may-apply', row.schemeId, String(row.mayApply), '']);
    rows.push(['scheme-value-inr', row.schemeId, String(row.unitsWithAmount), rupees(row.amountInr)]);
  }
  return rows;
}

/**
 * Everything the dashboard, the printable report and the PDF show, formatted once in one language, so the three
 * cannot disagree.
 */
export function clusterPageView(
  cluster: Cluster,
  picture: ClusterPicture,
  rules: { catalogue: Pick<Catalogue, 'technologies' | 'schemes' | 'version'>; asOf: IsoDate },
  lang: 'en' | 'hi',
  t: Translate,
) {
  return {
    titleValues: { cluster: cluster.name[lang] },
    cluster,
    today: displayDate(rules.asOf),
    rulesVersion: rules.catalogue.version,
    chartWidth: CHART_WIDTH,
    filter: filterView(picture, t),
    ...dashboardView(picture.aggregates, picture.bands, t),
    potential: potentialView(picture.potential, rules.catalogue, lang, t),
  };
}

export type ClusterPageView = ReturnType<typeof clusterPageView>;
