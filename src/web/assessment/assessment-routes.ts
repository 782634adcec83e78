import express from 'express';
import createHttpError from 'http-errors';
import type { AppDeps } from '../../app.js';
import type { Repositories } from '../../db/repositories.js';
import { MIN_UNITS_FOR_DISTRIBUTION } from '../../domain/cluster-aggregates.js';
import { AssessmentService, type ClusterFiguresSource } from '../../services/assessment-service.js';
import { actorOf, requireRole } from '../auth.js';
import { todayInIndia } from '../format.js';
import { renderPage } from '../render.js';
import { assessmentView } from './assessment-view.js';

/**
 * The cluster's unit figures. The services do not expose the cluster repository to the web layer, so it is read
 * from the cluster dashboard service, which holds it. Once an `assessments` entry joins `Services`
 * (services.ts), this goes.
 */
function clusterFiguresOf(deps: AppDeps): ClusterFiguresSource {
  const repos = (deps.services.clusters as unknown as { repos: Repositories }).repos;
  return { unitFigures: (clusterId) => repos.clusters.unitFigures(clusterId) };
}

/** GET /enterprises/:id/assessment: the owner's (or their advisor's) assessment report; anyone else 404. */
export function assessmentRoutes(deps: AppDeps): express.Router {
  const { catalogue, services } = deps;
  const assessments = new AssessmentService(services.profiles, services.applications, clusterFiguresOf(deps));
  const router = express.Router();

  router.get('/enterprises/:id/assessment', requireRole('owner', 'advisor'), (req, res) => {
    const id = Number(req.params.id);
    const actor = actorOf(req);
    const report = Number.isSafeInteger(id)
      ? assessments.reportFor(actor, id, { catalogue, asOf: todayInIndia(deps.now()) })
      : undefined;
    if (!report) throw createHttpError(404);
    const schemeName = (schemeId: string) =>
      catalogue.schemes.find((scheme) => scheme.id === schemeId)?.name[req.lang] ?? schemeId;
    renderPage(req, res, 'assessment/show', {
      titleKey: 'assessment.title',
      titleValues: { name: report.profile.details.name },
      report: assessmentView(report, req.lang, MIN_UNITS_FOR_DISTRIBUTION, schemeName),
    });
  });

  return router;
}
