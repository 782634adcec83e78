import express, { type Request, type Response } from 'express';
import createHttpError from 'http-errors';
import { z } from 'zod';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { sectors } from '../../domain/catalogue-types.js';
import { UNIT_BANDS, type ClusterFilter } from '../../domain/cluster-filter.js';
import { DOCUMENT_IDS, type EnterpriseProfile } from '../../domain/enterprise-profile.js';
import { checkState, figureGroups } from '../../domain/figure-checks.js';
import { CSV_BOM, csvLine } from '../../domain/import-csv.js';
import type { Services } from '../../services/services.js';
import { actorOf, requireRole } from '../auth.js';
import { todayInIndia } from '../format.js';
import { parseForm } from '../forms.js';
import type { Translations } from '../i18n.js';
import { renderPage, wantsFragment } from '../render.js';
import { DEVANAGARI_FONT, devanagariFontAvailable, renderReportPdf } from '../report-pdf.js';
import { requestIdOf } from '../request-id.js';
import { cfcRoutes } from './cfc-routes.js';
import { clusterFilterSchema } from './cluster-filter-form.js';
import { clusterReportPdf } from './cluster-report-pdf.js';
import { clusterPageView, dashboardCsvRows, potentialCsvRows } from './cluster-view.js';

/** A form field that may come once, many times or not at all, as a list. */
const manyValues = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const checksForm = z.object({
  documents: manyValues().pipe(z.array(z.enum(DOCUMENT_IDS, { error: 'clusters.checks.errors.document' }))),
  figures: manyValues().pipe(
    z.array(
      z.string().regex(/^(energy|credit|compliance|financials\.\d{4}-\d{2})$/, {
        error: 'clusters.checks.errors.figure',
      }),
    ),
  ),
});

/**
 * The association advisor's cluster pages: /clusters/:id (aggregates, anonymised, filtered by sector and readiness
 * band from the query string), its /export.csv, /report (printable) and /report.pdf with the same filter,
 * /clusters/:id/units (the units, to check their papers) and /enterprises/:id/checks (mark documents and
 * groups of figures advisor-checked). A cluster the advisor's association does not serve is "not found".
 */
export function clusterRoutes(
  services: Services,
  catalogue: Catalogue,
  now: () => Date,
  translations: Translations,
): express.Router {
  const { clusters, enterprises, profiles } = services;
  const router = express.Router();
  router.use('/clusters', requireRole('advisor'));

  const clusterOf = (req: Request) => {
    const cluster = catalogue.clusterById(String(req.params.id));
    if (!cluster || !clusters.serves(actorOf(req), cluster.id)) throw createHttpError(404);
    return cluster;
  };

  const pictureOf = (req: Request, filter: ClusterFilter) => {
    const cluster = clusterOf(req);
    const rules = { catalogue, asOf: todayInIndia(now()) };
    const picture = clusters.pictureFor(actorOf(req), cluster, rules, filter);
    if (!picture) throw createHttpError(404);
    return { cluster, picture, rules };
  };

  /**
   * The filter of an export, report or PDF link; undefined after sending a hand-edited link with a value outside
   * the lists back to the dashboard, whose form says what is wrong.
   */
  const filterOrRedirect = (req: Request, res: Response): ClusterFilter | undefined => {
    const cluster = clusterOf(req);
    const form = parseForm(clusterFilterSchema, req.query);
    if (form.ok) return form.data;
    const search = req.originalUrl.indexOf('?');
    res.redirect(303, `/clusters/${cluster.id}${search === -1 ? '' : req.originalUrl.slice(search)}`);
    return undefined;
  };

  router.get('/clusters/:id', (req, res) => {
    const form = parseForm(clusterFilterSchema, req.query);
    const filter = form.ok ? form.data : {};
    const { cluster, picture, rules } = pictureOf(req, filter);
    renderPage(
      req,
      res,
      wantsFragment(req) ? 'clusters/_results' : 'clusters/show',
      {
        titleKey: 'clusters.title',
        ...clusterPageView(cluster, picture, rules, req.lang, req.t),
        sectorOptions: sectors.map((sector) => ({
          value: sector,
          label: req.t(`clusters.sectors.${sector}`),
        })),
        bandOptions: UNIT_BANDS.map((band) => ({ value: band, label: req.t(`clusters.bands.${band}`) })),
        values: form.ok ? { sector: filter.sector ?? '', band: filter.band ?? '' } : form.values,
        errors: form.ok ? {} : form.errors,
      },
      form.ok ? 200 : 422,
    );
  });

  router.get('/clusters/:id/report', (req, res) => {
    const filter = filterOrRedirect(req, res);
    if (!filter) return;
    const { cluster, picture, rules } = pictureOf(req, filter);
    renderPage(req, res, 'clusters/report', {
      titleKey: 'clusters.report.title',
      ...clusterPageView(cluster, picture, rules, req.lang, req.t),
    });
  });

  router.get('/clusters/:id/report.pdf', async (req, res) => {
    const filter = filterOrRedirect(req, res);
    if (!filter) return;
    const { cluster, picture, rules } = pictureOf(req, filter);
    const font = devanagariFontAvailable() ? DEVANAGARI_FONT : null;
    // Without a Devanagari font the PDF is in English rather than boxes; the print page is always in Hindi too.
    const lang = font ? req.lang : 'en';
    const t = translations.forLang(lang);
    const pdf = await renderReportPdf(
      clusterReportPdf(clusterPageView(cluster, picture, rules, lang, t), t),
      font,
    );
    res.type('application/pdf').attachment(`${cluster.id}-report-${rules.asOf}.pdf`).send(pdf);
  });

  router.get('/clusters/:id/export.csv', (req, res) => {
    const filter = filterOrRedirect(req, res);
    if (!filter) return;
    const { cluster, picture, rules } = pictureOf(req, filter);
    res.type('text/csv; charset=utf-8');
    res.attachment(`${cluster.id}-aggregates-${rules.asOf}.csv`);
    res.send(
      CSV_BOM + [...dashboardCsvRows(picture), ...potentialCsvRows(picture.potential)].map(csvLine).join(''),
    );
  });

  router.use(cfcRoutes(services, catalogue, now));

  router.get('/clusters/:id/units', (req, res) => {
    const cluster = clusterOf(req);
    renderPage(req, res, 'clusters/units', {
      titleKey: 'clusters.units.title',
      titleValues: { cluster: cluster.name[req.lang] },
      cluster,
      units: enterprises.visibleTo(actorOf(req)).filter((unit) => unit.clusterId === cluster.id),
    });
  });

  const loadProfile = (req: Request) => {
    const id = Number(req.params.id);
    const profile = Number.isSafeInteger(id) ? profiles.profileFor(actorOf(req), id) : undefined;
    if (!profile) throw createHttpError(404);
    return profile;
  };

  const renderChecks = (
    req: Request,
    res: Response,
    profile: EnterpriseProfile,
    state: { checkedNow: number | null; figuresNow: number | null; errors: Record<string, string> },
    status = 200,
  ) => {
    renderPage(
      req,
      res,
      'clusters/checks',
      {
        titleKey: 'clusters.checks.title',
        titleValues: { name: profile.details.name },
        profile,
        documentIds: DOCUMENT_IDS,
        records: Object.fromEntries(profile.documents.map((record) => [record.documentId, record])),
        figureRows: [...figureGroups(profile).keys()].map((group) => ({
          group,
          state: checkState(profile, group),
          check: profile.figureChecks?.find((check) => check.group === group) ?? null,
        })),
        ...state,
      },
      status,
    );
  };

  router.get('/enterprises/:id/checks', requireRole('advisor'), (req, res) => {
    const count = (name: string) => (typeof req.query[name] === 'string' ? Number(req.query[name]) : null);
    renderChecks(req, res, loadProfile(req), {
      checkedNow: count('checked'),
      figuresNow: count('figures'),
      errors: {},
    });
  });

  router.post('/enterprises/:id/checks', requireRole('advisor'), (req, res) => {
    const profile = loadProfile(req);
    const form = parseForm(checksForm, req.body);
    const actor = actorOf(req);
    const context = { actor, requestId: requestIdOf(req) };
    if (!form.ok) {
      renderChecks(req, res, profile, { checkedNow: null, figuresNow: null, errors: form.errors }, 422);
      return;
    }
    const documents = clusters.checkDocuments(actor, profile.id, form.data.documents, context);
    const figures = clusters.checkFigures(actor, profile.id, form.data.figures, context);
    if (!documents || !figures) throw createHttpError(404);
    const figuresDone = figures.length > 0 ? `&figures=${figures.length}` : '';
    res.redirect(303, `/enterprises/${profile.id}/checks?checked=${documents.length}${figuresDone}`);
  });

  return router;
}
