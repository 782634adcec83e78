import type { Translate } from '../i18n.js';
import { pdfSection, type PdfReport, type PdfTable } from '../report-pdf.js';
import type { BarChart, ClusterPageView } from './cluster-view.js';

// The cluster's aggregate report on paper: the printable page's sections in the same order, from the same
// formatted figures, with each chart given as the table that sits beneath it on the page.

const chartTable = (chart: BarChart, itemHeading: string, valueHeading: string): PdfTable => ({
  head: [itemHeading, valueHeading],
  rows: chart.bars.map((bar) => [bar.label, bar.value]),
});

const section = pdfSection;

export function clusterReportPdf(page: ClusterPageView, t: Translate): PdfReport {
  const { potential } = page;
  const clusterName = page.titleValues.cluster;
  const item = t('clusters.table.item');
  const unitsHeading = t('clusters.table.units');
  const title = t('clusters.report.title', { cluster: clusterName });
  return {
    documentTitle: `${title} ${page.today}`,
    title,
    subtitles: [
      t('clusters.report.intro', { count: page.units, date: page.today }),
      ...(page.filter.sentence ? [page.filter.sentence] : []),
      `${t('clusters.report.rules')} ${page.rulesVersion}`,
      t('clusters.report.footer'),
    ],
    footer: `${clusterName} · ${page.today} · ${t('clusters.report.rules')} ${page.rulesVersion}`,
    sections: [
      section(t('clusters.bands.title'), {
        tables: [chartTable(page.bandChart, item, unitsHeading)],
        paragraphs: [t('clusters.bands.note')],
      }),
      section(t('clusters.category.title'), {
        tables: [chartTable(page.categoryChart, item, unitsHeading)],
        paragraphs: [t('clusters.category.note')],
      }),
      section(t('clusters.gaps.title'), {
        lead: page.topGaps,
        tables: [chartTable(page.gapsChart, item, t('clusters.table.lacking'))],
      }),
      section(t('clusters.sec.title'), {
        lead: [
          t('clusters.sec.intro'),
          ...page.sec.map((sec) =>
            sec.chart
              ? `${sec.chart.title}: ${t('clusters.sec.basis', { count: sec.units })}`
              : t(`clusters.sec.tooFew.${sec.key}`, { count: sec.units }),
          ),
        ],
        tables: page.sec.flatMap((sec) =>
          sec.chart ? [chartTable(sec.chart, sec.chart.title, t(`clusters.sec.unit.${sec.key}`))] : [],
        ),
      }),
      section(t('clusters.investment.title'), {
        lead: [
          t('clusters.investment.intro', { count: potential.assessedUnits, pct: potential.promoterSharePct }),
        ],
        tables:
          potential.technologyRows.length === 0
            ? []
            : [
                {
                  head: [
                    t('clusters.investment.technology'),
                    unitsHeading,
                    t('clusters.investment.capex'),
                    t('clusters.investment.loan'),
                  ],
                  rows: potential.technologyRows.map((row) => [
                    row.name,
                    String(row.units),
                    row.capex,
                    row.loan,
                  ]),
                },
              ],
        paragraphs: potential.technologyRows.length === 0 ? [t('clusters.investment.none')] : [],
      }),
      section(t('clusters.saving.title'), {
        lead: [t('clusters.saving.intro')],
        tables:
          potential.streamRows.length === 0
            ? []
            : [
                {
                  head: [
                    t('clusters.saving.stream'),
                    unitsHeading,
                    t('clusters.saving.gj'),
                    t('clusters.saving.toe'),
                  ],
                  rows: potential.streamRows.map((row) => [row.name, String(row.units), row.gj, row.toe]),
                },
              ],
        paragraphs: [
          ...(potential.streamRows.length === 0 ? [t('clusters.saving.none')] : []),
          t('clusters.saving.co2', { tonnes: potential.co2, count: potential.co2Units }),
        ],
      }),
      section(t('clusters.reach.title'), {
        lead: [t('clusters.reach.intro')],
        tables:
          potential.schemeRows.length === 0
            ? []
            : [
                {
                  head: [
                    t('clusters.reach.scheme'),
                    t('clusters.reach.eligible'),
                    t('clusters.reach.mayApply'),
                    t('clusters.reach.value'),
                  ],
                  rows: potential.schemeRows.map((row) => [
                    row.name,
                    String(row.eligible),
                    String(row.mayApply),
                    row.unitsWithAmount > 0
                      ? `${row.amount} (${t('clusters.reach.valueUnits', { count: row.unitsWithAmount })})`
                      : row.amount,
                  ]),
                },
              ],
        paragraphs: potential.schemeRows.length === 0 ? [t('clusters.reach.none')] : [],
      }),
    ],
  };
}
