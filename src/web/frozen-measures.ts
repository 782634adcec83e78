import { Decimal } from 'decimal.js';
import { snapshotMeasures, type ApplicationSnapshot } from '../domain/application-snapshot.js';
import { formatIndianNumber, formatInr } from '../domain/indian-number.js';
import type { Lang } from './i18n.js';

// The measures of a frozen application as the owner's, the dossier's and the officer's pages show them: the
// project's name (the measures joined in order) and, for a project of more than one, a row per measure with its
// quotation and what it saves on the use the ones before it left.

type Frozen = Pick<ApplicationSnapshot, 'request' | 'results'>;

/** "Divided blast cupola + Hot-blast recuperator": the measures' names in the order applied. */
export function projectName(snapshot: Frozen, lang: Lang): string {
  return snapshotMeasures(snapshot)
    .map((measure) => measure.technologyName[lang])
    .join(' + ');
}

export interface MeasureRow {
  name: string;
  capex: string;
  annualOm: string | null;
  saving: string | null;
  co2Tonnes: string | null;
}

/** A row per measure for a project of several; [] for one technology (its figures are the project's). */
export function measureRows(snapshot: Frozen, lang: Lang): MeasureRow[] {
  const measures = snapshotMeasures(snapshot);
  if (measures.length < 2) return [];
  const rupees = (text: string | null) => (text === null ? null : formatInr(new Decimal(text)));
  return measures.map((measure) => ({
    name: measure.technologyName[lang],
    capex: formatInr(new Decimal(measure.capexInr)),
    annualOm: rupees(measure.annualOmInr),
    saving: rupees(measure.annualSavingInr),
    co2Tonnes:
      measure.annualCo2AvoidedTonnes === null
        ? null
        : formatIndianNumber(new Decimal(measure.annualCo2AvoidedTonnes), 1),
  }));
}
