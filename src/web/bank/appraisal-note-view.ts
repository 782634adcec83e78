import { Decimal } from 'decimal.js';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import type { ApplicationSnapshot } from '../../domain/application-snapshot.js';
import { formatInr } from '../../domain/indian-number.js';
import { schemeStatusOn, type SchemeStatusCode } from '../../domain/scheme-status.js';
import type { OfficerFile } from '../../services/application-review-service.js';
import { snapshotReadiness } from '../../services/snapshot-readiness.js';
import type { Lang } from '../i18n.js';
import { formatPoints, readinessView, type ReadinessView } from '../readiness/readiness-view.js';
import { defaultChoice, reviewView, type ReviewPage } from './bank-view.js';
import { payersOf, type SchemePayer } from './scheme-overlay.js';

// The sections of the credit appraisal note that sum the file up for the sanctioning authority: its readiness as
// submitted (score, band, gates, each factor's points, the weakest factors, the key ratios) and the schemes the
// applicant claimed, each with its status and its benefit exactly as frozen at submission.

/** The factors that lost the most points, as many as a reader takes in at a glance. */
const WEAKEST_SHOWN = 3;

export interface NoteReadiness {
  view: ReadinessView;
  weakest: { id: string; label: string; points: string; maxPoints: string; missed: string }[];
}

/**
 * The readiness of the file as the review page shows it. The weakest factors are those that missed the most
 * points (ties in the scorecard's order); a factor at full points, or not assessed, is never among them.
 */
export function noteReadiness(
  snapshot: ApplicationSnapshot,
  catalogue: Catalogue,
  lang: Lang,
): NoteReadiness | null {
  const result = snapshotReadiness(snapshot, catalogue);
  if (!result) return null;
  const view = readinessView(result, lang);
  const weakest = result.assessment.factors
    .filter((factor) => !result.pending.factors.includes(factor.id))
    .map((factor) => ({ factor, missed: factor.maxPoints.minus(factor.points) }))
    .filter(({ missed }) => missed.greaterThan(0))
    .sort((a, b) => b.missed.comparedTo(a.missed))
    .slice(0, WEAKEST_SHOWN)
    .map(({ factor, missed }) => ({
      id: factor.id,
      label: factor.label[lang],
      points: formatPoints(factor.points),
      maxPoints: formatPoints(factor.maxPoints),
      missed: formatPoints(missed),
    }));
  return { view, weakest };
}

/**
 * The ratios a credit note leads with, already formatted on the review page: the latest fiscal year's DSCR,
 * current ratio and TOL/TNW, and the project's least DSCR on the new loan, payback and IRR.
 */
export function keyRatios(page: ReviewPage) {
  const latest = page.ratios[0];
  const economics = page.economics;
  return {
    fiscalYear: latest?.fiscalYear ?? null,
    rows: [
      { labelKey: 'bank.note.keyRatios.dscr', value: latest?.dscr ?? null },
      { labelKey: 'bank.note.keyRatios.currentRatio', value: latest?.currentRatio ?? null },
      { labelKey: 'bank.note.keyRatios.tolTnw', value: latest?.tolTnw ?? null },
      { labelKey: 'bank.note.keyRatios.projectDscr', value: economics?.minDscr ?? null },
      { labelKey: 'bank.note.keyRatios.payback', value: economics?.paybackYears ?? null },
      { labelKey: 'bank.note.keyRatios.irr', value: economics?.irrPct ?? null },
    ],
  };
}

export interface ClaimedScheme {
  id: string;
  name: string;
  /** The scheme's status on the assessment date; null when the catalogue no longer holds the scheme. */
  status: SchemeStatusCode | null;
  statusNote: string | null;
  /** The benefit as frozen at submission: a rupee figure, or the words "to be confirmed with …". */
  benefit: string | null;
  /** Who to confirm an unvalued benefit with; null when the catalogue no longer names the administrator. */
  administrator: string | null;
  payers: SchemePayer[];
}

const money = (text: string | null) => (text === null ? null : formatInr(new Decimal(text)));

/**
 * The schemes the applicant claimed: those of the financing package frozen into the application, each with its
 * benefit as valued at submission (a figure is never recomputed, so an unconfirmed one stays "to be confirmed")
 * and its status on the assessment date. Null when the application carries no package.
 */
export function claimedSchemes(snapshot: ApplicationSnapshot, catalogue: Catalogue, lang: Lang) {
  const chosen = snapshot.results.financingPackage;
  if (!chosen) return null;
  const schemes: ClaimedScheme[] = chosen.schemes.map((frozen) => {
    const scheme = catalogue.schemes.find((candidate) => candidate.id === frozen.id);
    const status = scheme && schemeStatusOn(scheme.validity, scheme.administrator, snapshot.assessedOn);
    return {
      id: frozen.id,
      name: frozen.name[lang],
      status: status?.status ?? null,
      statusNote: status?.note?.[lang] ?? null,
      benefit: frozen.benefitSummary[lang] || null,
      administrator: scheme?.administrator[lang] ?? null,
      payers: scheme ? payersOf(scheme, lang) : [],
    };
  });
  return {
    schemes,
    netProjectCost: money(chosen.netProjectCostInr),
    netCost: money(chosen.netCostInr),
    emi: money(chosen.emiInr),
    chosenAt: chosen.chosenAt,
  };
}

/**
 * Everything the appraisal note shows, built once and drawn twice: as the printable page and as the PDF. The
 * review as the officer first sees it (the default sensitivity cases), plus the note's own summaries.
 */
export function appraisalNote(
  file: OfficerFile,
  options: { catalogue: Catalogue; lang: Lang; today: string },
) {
  const { catalogue, lang, today } = options;
  const { snapshot } = file.application;
  const page = reviewView(file, { catalogue, lang, today, choice: defaultChoice(catalogue, snapshot) });
  return {
    page,
    readiness: noteReadiness(snapshot, catalogue, lang),
    keyRatios: keyRatios(page),
    claimed: claimedSchemes(snapshot, catalogue, lang),
    today,
  };
}

export type AppraisalNote = ReturnType<typeof appraisalNote>;
