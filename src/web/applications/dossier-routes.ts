import express, { type Request } from 'express';
import createHttpError from 'http-errors';
import type { ApplicationService, ApplicationView } from '../../services/application-service.js';
import { actorOf, requireRole } from '../auth.js';
import type { Translations } from '../i18n.js';
import { renderPage } from '../render.js';
import { DEVANAGARI_FONT, devanagariFontAvailable } from '../report-pdf.js';
import { renderDossierPdf } from './dossier-pdf.js';
import { buildDossier } from './dossier-view.js';

/**
 * The bank-ready dossier of a submitted application, from its frozen snapshot: /applications/:ack/dossier
 * (a print-ready page) and /applications/:ack/dossier.pdf. The owner and the lender's officers may read it;
 * anyone else gets 404.
 */
export function dossierRoutes(applications: ApplicationService, translations: Translations): express.Router {
  const router = express.Router();
  router.use('/applications/:ack/dossier', requireRole('owner', 'bank_officer'));

  const load = (req: Request): ApplicationView => {
    const actor = actorOf(req);
    const ack = String(req.params.ack);
    const view =
      actor.role === 'owner' ? applications.forOwner(actor, ack) : applications.forOfficer(actor, ack);
    if (!view) throw createHttpError(404);
    return view;
  };

  router.get('/applications/:ack/dossier', (req, res) => {
    const dossier = buildDossier(load(req), req.t, translations.forLang('en'), req.lang);
    renderPage(req, res, 'applications/dossier', { titleKey: 'dossier.title', dossier });
  });

  router.get('/applications/:ack/dossier.pdf', async (req, res) => {
    const view = load(req);
    const font = devanagariFontAvailable() ? DEVANAGARI_FONT : null;
    // Without a Devanagari font the PDF is in English rather than boxes; the print page is always in Hindi too.
    const lang = font ? req.lang : 'en';
    const t = translations.forLang(lang);
    const pdf = await renderDossierPdf(buildDossier(view, t, translations.forLang('en'), lang), font);
    res
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="haritsetu-${view.application.ackNumber}.pdf"`)
      .send(pdf);
  });

  return router;
}
