import { Decimal } from 'decimal.js';
import { FINANCIAL_FIGURES } from '../../domain/enterprise-profile.js';
import { formatIndianNumber, formatInr } from '../../domain/indian-number.js';
import type { ApplicationView } from '../../services/application-service.js';
import { formatDate, formatDateTime } from '../format.js';
import { measureRows, projectName } from '../frozen-measures.js';
import type { Translate } from '../i18n.js';

// The bank-ready dossier as plain sections of labelled rows and tables, built once from the frozen snapshot and
// drawn twice: as a print page (HTML) and as a PDF. Labels are in the owner's language with the English term
// beside them where a bank officer reads the figure.

export interface DossierRow {
  label: string;
  value: string;
}

export interface DossierTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface DossierSection {
  title: string;
  rows: DossierRow[];
  tables: DossierTable[];
  paragraphs: string[];
}

export interface Dossier {
  title: string;
  ackNumber: string;
  enterpriseName: string;
  subtitle: string;
  sections: DossierSection[];
  footer: string;
}

const money = (text: string | null | undefined) => (text == null ? '—' : formatInr(new Decimal(text)));
const number = (text: string | null | undefined, places: number) =>
  text == null ? '—' : formatIndianNumber(new Decimal(text), places);

export function buildDossier(
  view: ApplicationView,
  t: Translate,
  tEn: Translate,
  lang: 'en' | 'hi',
): Dossier {
  const { application } = view;
  const { snapshot } = application;
  const { profile, request, results } = snapshot;
  const economics = results.economics;
  /** The owner's chosen financing package; snapshots from before packages could be chosen have none. */
  const chosen = results.financingPackage;
  /** "राजस्व (Revenue)" in Hindi; just "Revenue" in English. */
  const label = (key: string) => (lang === 'en' ? t(key) : `${t(key)} (${tEn(key)})`);
  const section = (titleKey: string, parts: Partial<Omit<DossierSection, 'title'>>): DossierSection => ({
    title: label(titleKey),
    rows: parts.rows ?? [],
    tables: parts.tables ?? [],
    paragraphs: parts.paragraphs ?? [],
  });
  const details = profile.details;
  const energy = profile.energy;

  return {
    title: t('dossier.title'),
    ackNumber: application.ackNumber,
    enterpriseName: details.name,
    subtitle: t('dossier.subtitle', {
      ack: application.ackNumber,
      date: formatDate(application.submittedAt),
      lender: `${request.lenderName} — ${request.branchName}, ${request.branchCity}`,
    }),
    sections: [
      section('dossier.sections.enterprise', {
        rows: [
          { label: label('enterprises.fields.name'), value: details.name },
          { label: label('enterprises.fields.udyamNumber'), value: details.udyamNumber ?? '—' },
          { label: label('profile.fields.gstNumber'), value: details.gstNumber ?? '—' },
          {
            label: label('profile.fields.constitution'),
            value: details.constitution ? t(`profile.constitutions.${details.constitution}`) : '—',
          },
          {
            label: label('profile.fields.yearOfStart'),
            value: details.yearOfStart === null ? '—' : String(details.yearOfStart),
          },
          { label: label('enterprises.fields.cluster'), value: snapshot.cluster.name[lang] },
          {
            label: label('profile.fields.ownership'),
            value:
              details.ownership === null
                ? '—'
                : details.ownership.length === 0
                  ? t('profile.ownership.none')
                  : details.ownership.map((g) => t(`profile.ownership.${g}`)).join(', '),
          },
          { label: label('profile.fields.investmentInr'), value: money(details.investmentInr) },
        ],
      }),
      section('dossier.sections.energy', {
        rows: energy
          ? [
              { label: label('profile.fields.productionTonnes'), value: number(energy.productionTonnes, 0) },
              { label: label('profile.fields.electricityKwh'), value: number(energy.electricityKwh, 0) },
              { label: label('profile.fields.cokeTonnes'), value: number(energy.cokeTonnes, 1) },
              {
                label: label('profile.fields.annualEnergyBillInr'),
                value: money(energy.annualEnergyBillInr),
              },
            ]
          : [],
        paragraphs: energy ? [] : [t('dossier.notGiven')],
      }),
      section('dossier.sections.finances', {
        tables:
          profile.financials.length === 0
            ? []
            : [
                {
                  caption: label('dossier.sections.finances'),
                  head: [label('dossier.figure'), ...profile.financials.map((year) => year.fiscalYear)],
                  rows: FINANCIAL_FIGURES.map((figure) => [
                    label(`profile.figures.${figure}`),
                    ...profile.financials.map((year) => money(year[figure])),
                  ]),
                },
              ],
        paragraphs: profile.financials.length === 0 ? [t('dossier.notGiven')] : [],
      }),
      section('dossier.sections.project', {
        rows: [
          { label: label('dossier.technology'), value: projectName(snapshot, lang) },
          ...measureRows(snapshot, lang).map((m) => ({
            label: m.name,
            value: t('applications.measures.row', { capex: m.capex, saving: m.saving ?? '—' }),
          })),
          { label: label('dossier.quotation'), value: money(request.capexInr) },
          {
            label: label('assessment.plan.projectType'),
            value: request.projectType ? t(`assessment.plan.projectTypes.${request.projectType}`) : '—',
          },
          { label: label('dossier.loan'), value: money(request.loanInr) },
          {
            label: label('dossier.tenure'),
            value: t('dossier.months', {
              tenure: request.tenureMonths,
              moratorium: request.moratoriumMonths,
            }),
          },
          { label: label('dossier.annualSaving'), value: money(results.annualSavingInr) },
          {
            label: label('dossier.savingsBasis'),
            value: request.savingsBasis
              ? t(`assessment.plan.auditKind.${request.savingsBasis}`)
              : t('dossier.modelEstimate'),
          },
          { label: label('dossier.co2'), value: number(results.annualCo2AvoidedTonnes, 1) },
        ],
      }),
      section('dossier.sections.economics', {
        rows: economics
          ? [
              { label: label('dossier.payback'), value: number(economics.simplePaybackYears, 1) },
              { label: label('dossier.npv'), value: money(economics.npvInr) },
              { label: label('dossier.irr'), value: number(economics.irrPct, 1) },
              { label: label('dossier.emi'), value: money(economics.loan?.emiInr) },
              { label: label('dossier.minDscr'), value: number(economics.loan?.minDscr, 2) },
              { label: label('dossier.projectionRate'), value: number(results.projectionRatePct, 2) },
            ]
          : [],
        tables: economics?.loan
          ? [
              {
                caption: label('dossier.dscrTable'),
                head: [
                  label('dossier.loanYear'),
                  label('dossier.debtService'),
                  label('dossier.netSaving'),
                  'DSCR',
                ],
                rows: economics.loan.years.map((year) => [
                  String(year.year),
                  money(year.debtServiceInr),
                  money(year.netSavingInr),
                  number(year.dscr, 2),
                ]),
              },
            ]
          : [],
        paragraphs: economics
          ? []
          : [t('dossier.economicsMissing', { figures: results.needsInput.join(', ') })],
      }),
      section('dossier.sections.package', {
        rows: chosen
          ? [
              ...chosen.schemes.map((scheme) => ({
                label: lang === 'en' ? scheme.name.en : `${scheme.name[lang]} (${scheme.name.en})`,
                value: scheme.benefitSummary[lang] || '—',
              })),
              { label: label('dossier.packageNetProjectCost'), value: money(chosen.netProjectCostInr) },
              { label: label('dossier.packageNetCost'), value: money(chosen.netCostInr) },
              { label: label('dossier.packageEmi'), value: money(chosen.emiInr) },
            ]
          : [],
        paragraphs: !chosen
          ? [t('dossier.noPackage')]
          : [
              ...(chosen.schemeIds.length === 0 ? [t('dossier.plainLoanPackage')] : []),
              ...(chosen.netCostInr === null ? [t('dossier.packageNotCosted')] : []),
              t('dossier.packageChosenOn', { date: formatDate(chosen.chosenAt) }),
            ],
      }),
      section('dossier.sections.documents', {
        tables: [
          {
            caption: label('dossier.sections.documents'),
            head: [label('dossier.document'), label('dossier.provenance')],
            rows: profile.documents.map((document) => [
              t(`profile.documents.${document.documentId}`),
              t(`dossier.provenances.${document.provenance}`),
            ]),
          },
        ],
        paragraphs: profile.documents.length === 0 ? [t('dossier.noDocuments')] : [],
      }),
      section('dossier.sections.declaration', {
        paragraphs: [
          t('dossier.declaration', {
            date: formatDateTime(application.consent.at),
            version: application.consent.textVersion,
          }),
        ],
      }),
    ],
    footer: t('dossier.footer', { rules: snapshot.rulesVersion, date: formatDate(snapshot.assessedOn) }),
  };
}
