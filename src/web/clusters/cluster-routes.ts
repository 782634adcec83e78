import express, { type Request } from 'express';
import createHttpError from 'http-errors';
import { z } from 'zod';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { normsOn } from '../../domain/classification.js';
import { DOCUMENT_IDS } from '../../domain/enterprise-profile.js';
import { CSV_BOM, csvLine } from '../../domain/import-csv.js';
import { displayDate } from '../../domain/scheme-status.js';
import type { Services } from '../../services/services.js';
import { actorOf, requireRole } from '../auth.js';
import { todayInIndia } from '../format.js';
import { parseForm } from '../forms.js';
import { renderPage } from '../render.js';
import { requestIdOf } from '../request-id.js';
import {
  CHART_WIDTH,
  dashboardCsvRows,
  dashboardView,
  potentialCsvRows,
  potentialView,
} from './cluster-view.js';
import { cfcRoutes } from './cfc-routes.js';

const checksForm = z.object({
  documents: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.enum(DOCUMENT_IDS, { error: 'clusters.checks.errors.document' }))),
});

/**
 * The association advisor's cluster pages: /clusters/:id (aggregates, anonymised), /clusters/:id/export.csv,
 * /clusters/:id/units (the units, to check their papers) and /enterprises/:id/checks (mark documents
 * advisor-checked). A cluster the advisor's association does not serve is "not found".
 */
export function clusterRoutes(services: Services, catalogue: Catalogue, now: () => Date): express.Router {
  const { clusters, enterprises, profiles } = services;
  const router = express.Router();
  router.use('/clusters', requireRole('advisor'));

  const aggregatesOf = (req: Request) => {
    const clusterId = String(req.params.id);
    const cluster = catalogue.clusterById(clusterId);
    const aggregates = cluster
      ? clusters.aggregatesFor(actorOf(req), clusterId, normsOn(catalogue, todayInIndia(now())))
      : undefined;
    if (!cluster || !aggregates) throw createHttpError(404);
    return { cluster, aggregates };
  };

  const figuresOf = (req: Request) => {
    const { cluster, aggregates } = aggregatesOf(req);
    const today = todayInIndia(now());
    const potential = clusters.potentialFor(
      actorOf(req),
      cluster,
      catalogue,
      normsOn(catalogue, today),
      today,
    );
    if (!potential) throw createHttpError(404);
    return { cluster, aggregates, potential, today };
  };

  const pageData = (req: Request) => {
    const { cluster, aggregates, potential, today } = figuresOf(req);
    return {
      titleValues: { cluster: cluster.name[req.lang] },
      cluster,
      today: displayDate(today),
      chartWidth: CHART_WIDTH,
      ...dashboardView(aggregates, req.t),
      potential: potentialView(potential, catalogue, req.lang, req.t),
    };
  };

  router.get('/clusters/:id', (req, res) => {
    renderPage(req, res, 'clusters/show', { titleKey: 'clusters.title', ...pageData(req) });
  });

  router.get('/clusters/:id/report', (req, res) => {
    renderPage(req, res, 'clusters/report', { titleKey: 'clusters.report.title', ...pageData(req) });
  });

  router.get('/clusters/:id/export.csv', (req, res) => {
    const { cluster, aggregates, potential, today } = figuresOf(req);
    res.type('text/csv; charset=utf-8');
    res.attachment(`${cluster.id}-aggregates-${today}.csv`);
    res.send(
      CSV_BOM + [...dashboardCsvRows(aggregates), ...potentialCsvRows(potential)].map(csvLine).join(''),
    );
  });

  router.use(cfcRoutes(services, catalogue, now));

  router.get('/clusters/:id/units', (req, res) => {
    const { cluster } = aggregatesOf(req);
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

  router.get('/enterprises/:id/checks', requireRole('advisor'), (req, res) => {
    const profile = loadProfile(req);
    renderPage(req, res, 'clusters/checks', {
      titleKey: 'clusters.checks.title',
      titleValues: { name: profile.details.name },
      profile,
      documentIds: DOCUMENT_IDS,
      records: Object.fromEntries(profile.documents.map((record) => [record.documentId, record])),
      checkedNow: typeof req.query.checked === 'string' ? Number(req.query.checked) : null,
      errors: {},
    });
  });

  router.post('/enterprises/:id/checks', requireRole('advisor'), (req, res) => {
    const profile = loadProfile(req);
    const form = parseForm(checksForm, req.body);
    const actor = actorOf(req);
    const changed = form.ok
      ? clusters.checkDocuments(actor, profile.id, form.data.documents, {
          actor,
          requestId: requestIdOf(req),
        })
      : undefined;
    if (!form.ok || !changed) {
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
          checkedNow: null,
          errors: form.ok ? { documents: 'clusters.checks.errors.document' } : form.errors,
        },
        422,
      );
      return;
    }
    res.redirect(303, `/enterprises/${profile.id}/checks?checked=${changed.length}`);
  });

  return router;
}
