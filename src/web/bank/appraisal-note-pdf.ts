import { formatDate } from '../format.js';
import type { Translate } from '../i18n.js';
import { pdfSection, type PdfReport, type PdfSection } from '../report-pdf.js';
import type { AppraisalNote } from './appraisal-note-view.js';

// The credit appraisal note on paper: the printable page's sections in the same order, from the same formatted
// figures (nothing is worked out again here). A heading inside a page section (the readiness gates, the weakest
// factors, the factor points, the key ratios, the officers) becomes a section of its own.

const section = pdfSection;

export function appraisalNotePdf(note: AppraisalNote, t: Translate): PdfReport {
  const { page: p, readiness, keyRatios, claimed, today } = note;
  const b = p.borrower;
  const unknown = t('bank.review.unknown');
  const none = t('bank.review.none');
  const dash = (value: string | null | undefined) => value || '—';
  const title = t('bank.note.heading', { ack: p.ackNumber });
  const economics = p.economics;
  const sensitivity = p.sensitivity;

  const readinessSections: PdfSection[] = [
    section(t('bank.note.readiness.title'), {
      lead: [t('bank.readiness.lead', { date: formatDate(p.assessedOn), version: p.rulesVersion })],
      rows: readiness
        ? [
            {
              label: t('bank.note.readiness.score'),
              value: t('bank.note.readiness.scoreOf', { score: readiness.view.score }),
            },
            {
              label: t('bank.note.readiness.band'),
              value: t(`readiness.band.${readiness.view.band ?? 'pending'}`),
            },
          ]
        : [],
      paragraphs: readiness ? [] : [t('bank.readiness.unavailable')],
    }),
    ...(readiness
      ? [
          section(t('readiness.gates.title'), {
            lead: readiness.view.gates.map(
              (gate) =>
                `${t(`readiness.gateState.${gate.state}`)}: ${gate.text}${gate.reason ? ` — ${gate.reason}` : ''}`,
            ),
          }),
          section(t('bank.note.readiness.weakest'), {
            lead:
              readiness.weakest.length === 0
                ? [t('bank.note.readiness.noneWeak')]
                : readiness.weakest.map(
                    (factor, index) =>
                      `${index + 1}. ${t('bank.note.readiness.weak', {
                        factor: factor.label,
                        points: factor.points,
                        max: factor.maxPoints,
                        missed: factor.missed,
                      })}`,
                  ),
          }),
          section(t('bank.note.readiness.factors'), {
            tables: [
              {
                head: [
                  t('readiness.factors.factor'),
                  t('readiness.factors.points'),
                  t('readiness.factors.value'),
                  t('readiness.factors.result'),
                ],
                rows: readiness.view.factors.map((factor) => [
                  factor.label,
                  t('readiness.pillars.pointsOf', { points: factor.points, max: factor.maxPoints }),
                  factor.value ?? t('readiness.factors.notKnown'),
                  t(`readiness.outcome.${factor.state}`),
                ]),
              },
            ],
          }),
        ]
      : []),
    section(t('bank.note.keyRatios.title'), {
      rows: keyRatios.rows.map((row) => ({
        label: t(row.labelKey, { year: keyRatios.fiscalYear ?? '—' }),
        value: dash(row.value),
      })),
    }),
  ];

  const schemesSection = claimed
    ? section(t('bank.note.schemes.title'), {
        lead: claimed.schemes.length === 0 ? [t('dossier.plainLoanPackage')] : [],
        rows: [
          { label: t('dossier.packageNetProjectCost'), value: dash(claimed.netProjectCost) },
          { label: t('dossier.packageNetCost'), value: dash(claimed.netCost) },
          { label: t('dossier.packageEmi'), value: dash(claimed.emi) },
        ],
        tables:
          claimed.schemes.length === 0
            ? []
            : [
                {
                  head: [
                    t('bank.note.schemes.scheme'),
                    t('bank.note.schemes.status', { date: formatDate(p.assessedOn) }),
                    t('bank.note.schemes.benefit'),
                    t('bank.schemes.whoPays'),
                  ],
                  rows: claimed.schemes.map((scheme) => [
                    scheme.name,
                    `${scheme.status ? t(`schemes.status.${scheme.status}`) : t('bank.note.schemes.notInCatalogue')}${
                      scheme.statusNote ? ` (${scheme.statusNote})` : ''
                    }`,
                    scheme.benefit ||
                      (scheme.administrator
                        ? t('bank.note.schemes.toConfirm', { administrator: scheme.administrator })
                        : t('bank.note.schemes.toConfirmUnnamed')),
                    scheme.payers
                      .map((payer) =>
                        t(`bank.schemes.paidBy.${payer.kind}`, { administrator: payer.administrator }),
                      )
                      .join(' '),
                  ]),
                },
              ],
        paragraphs: [
          ...(claimed.netCost ? [] : [t('dossier.packageNotCosted')]),
          t('dossier.packageChosenOn', { date: formatDate(claimed.chosenAt) }),
        ],
      })
    : section(t('bank.note.schemes.title'), { paragraphs: [t('bank.note.schemes.none')] });

  const officerEvents = p.events.filter((e) => e.kind === 'status-changed' || e.kind === 'comment');

  return {
    documentTitle: t('bank.note.title', { ack: p.ackNumber }),
    title,
    heading: b.name,
    subtitles: [
      p.lender,
      `${t('bank.note.prepared', { date: formatDate(today) })} · ${t('bank.review.frozen', {
        date: formatDate(p.assessedOn),
        version: p.rulesVersion,
      })}`,
    ],
    footer: t('bank.note.pdf.footer', {
      ack: p.ackNumber,
      date: formatDate(p.assessedOn),
      version: p.rulesVersion,
    }),
    sections: [
      section(t('bank.review.borrower'), {
        rows: [
          { label: t('bank.fields.cluster'), value: b.cluster },
          {
            label: t('bank.fields.category'),
            value: b.category ? t(`bank.category.${b.category}`) : unknown,
          },
          {
            label: t('bank.fields.vintage'),
            value: b.vintageYears === null ? unknown : t('bank.review.years', { count: b.vintageYears }),
          },
          { label: t('bank.fields.udyam'), value: b.udyamNumber || none },
          {
            label: t('bank.fields.cmr'),
            value: b.newToCredit
              ? t('bank.review.newToCredit')
              : b.cmrRank === null
                ? unknown
                : `CMR-${b.cmrRank}`,
          },
          { label: t('bank.fields.existingLoans'), value: b.existingLoans || none },
        ],
      }),
      section(t('bank.note.project'), {
        rows: [
          { label: t('bank.fields.technology'), value: p.request.technology },
          ...p.request.measures.map((m) => ({
            label: m.name,
            value: t('applications.measures.row', { capex: m.capex, saving: m.saving ?? '—' }),
          })),
          { label: t('bank.fields.capex'), value: dash(p.request.capex) },
          { label: t('bank.fields.loan'), value: dash(p.request.loan) },
          {
            label: t('bank.fields.tenure'),
            value: t('bank.review.months', { count: p.request.tenureMonths }),
          },
          ...(economics
            ? [
                { label: t('bank.economics.annualSaving'), value: dash(economics.annualSaving) },
                { label: t('bank.economics.payback'), value: dash(economics.paybackYears) },
                { label: t('bank.economics.minDscr'), value: dash(economics.minDscr) },
              ]
            : []),
        ],
      }),
      section(t('bank.review.ratios'), {
        tables:
          p.ratios.length === 0
            ? []
            : [
                {
                  head: [
                    t('bank.ratios.year'),
                    t('bank.ratios.currentRatio'),
                    t('bank.ratios.tolTnw'),
                    t('bank.ratios.dscr'),
                    t('bank.ratios.cashProfit'),
                  ],
                  rows: p.ratios.map((row) => [
                    row.fiscalYear,
                    dash(row.currentRatio),
                    dash(row.tolTnw),
                    dash(row.dscr),
                    dash(row.cashProfit),
                  ]),
                },
              ],
        paragraphs: p.ratios.length === 0 ? [t('bank.review.noStatements')] : [],
      }),
      ...(economics && economics.dscrYears.length > 0
        ? [
            section(t('bank.economics.dscrCaption'), {
              tables: [
                {
                  head: [
                    t('bank.economics.year'),
                    t('bank.economics.netSaving'),
                    t('bank.economics.debtService'),
                    t('bank.ratios.dscr'),
                  ],
                  rows: economics.dscrYears.map((row) => [
                    String(row.year),
                    dash(row.netSaving),
                    dash(row.debtService),
                    dash(row.dscr),
                  ]),
                },
              ],
            }),
          ]
        : []),
      section(
        t('bank.sensitivity.title'),
        sensitivity
          ? {
              lead: [t('bank.sensitivity.caption')],
              tables: [
                {
                  head: [
                    t('bank.sensitivity.case'),
                    t('bank.sensitivity.minDscr'),
                    t('bank.sensitivity.year1Dscr'),
                    t('bank.sensitivity.payback'),
                  ],
                  rows: sensitivity.rows.map((row) => [
                    row.label,
                    `${dash(row.minDscr)}${row.belowOne ? ` (${t('bank.sensitivity.belowOne')})` : ''}`,
                    dash(row.year1Dscr),
                    dash(row.paybackYears),
                  ]),
                },
              ],
              paragraphs: [
                ...(sensitivity.breakEven
                  ? [
                      t('bank.sensitivity.breakEven', {
                        saving: sensitivity.breakEven.saving,
                        headroom: sensitivity.breakEven.headroomPct,
                      }),
                    ]
                  : sensitivity.breakEvenReason
                    ? [sensitivity.breakEvenReason]
                    : []),
                ...sensitivity.notes,
              ],
            }
          : { paragraphs: [t('bank.review.noEconomics')] },
      ),
      ...readinessSections,
      schemesSection,
      section(t('bank.checklist.title'), {
        tables: [
          {
            head: [t('bank.checklist.document'), t('bank.checklist.given'), t('bank.checklist.mark')],
            rows: p.checklist.map((item) => [
              item.label,
              t(`bank.provenance.${item.provenance}`),
              item.mark
                ? `${t(`bank.checklist.marks.${item.mark}`)}${item.reason ? `: ${item.reason}` : ''} (${
                    item.by ?? '—'
                  }, ${formatDate(item.at ?? '')})`
                : '—',
            ]),
          },
        ],
      }),
      section(t('bank.note.recommendation'), {
        lead: [
          `${t('bank.fields.status')}: ${t(`bank.status.${p.status}`)}`,
          ...(p.pending
            ? [
                [
                  t('bank.actions.pending', { maker: p.pending.maker, date: formatDate(p.pending.at) }),
                  ...(p.pending.amount
                    ? [
                        t('bank.actions.pendingTerms', {
                          amount: p.pending.amount,
                          rate: p.pending.ratePct,
                          months: p.pending.tenureMonths,
                        }),
                      ]
                    : []),
                ].join(' '),
              ]
            : []),
        ],
      }),
      section(t('bank.note.officers'), {
        lead: officerEvents.map((event) => {
          const what =
            event.kind === 'status-changed'
              ? t(`applications.events.${event.action ?? ''}`)
              : t('applications.events.comment');
          const reasons =
            event.reasons.length > 0
              ? `: ${event.reasons.map((reason) => t(`applications.declineReasons.${reason}`)).join(', ')}`
              : '';
          const message = event.message ? ` — ${event.message}` : '';
          return `${formatDate(event.occurredAt)} · ${event.actor} · ${what}${reasons}${message}`;
        }),
      }),
    ],
  };
}
