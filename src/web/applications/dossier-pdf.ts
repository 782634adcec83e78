import { renderReportPdf } from '../report-pdf.js';
import type { Dossier } from './dossier-view.js';

/** The dossier as a printed report: the enterprise under the title, the acknowledgement number on every page. */
export function renderDossierPdf(dossier: Dossier, fontPath: string | null): Promise<Buffer> {
  return renderReportPdf(
    {
      documentTitle: `${dossier.title} ${dossier.ackNumber}`,
      title: dossier.title,
      heading: dossier.enterpriseName,
      subtitles: [dossier.subtitle],
      sections: dossier.sections,
      footer: `${dossier.footer} · ${dossier.ackNumber}`,
    },
    fontPath,
  );
}
