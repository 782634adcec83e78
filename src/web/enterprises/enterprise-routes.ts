import express from 'express';
import createHttpError from 'http-errors';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { PROFILE_STEPS } from '../../domain/enterprise-profile.js';
import type { EnterpriseProfileService } from '../../services/enterprise-profile-service.js';
import type { EnterpriseService } from '../../services/enterprise-service.js';
import { profileReadiness } from '../../services/readiness-service.js';
import { actorOf, requireRole } from '../auth.js';
import { todayInIndia } from '../format.js';
import { formFailure, parseForm } from '../forms.js';
import { renderPage } from '../render.js';
import { readinessView } from '../readiness/readiness-view.js';
import { requestIdOf } from '../request-id.js';
import { enterpriseForm } from './enterprise-forms.js';

export function enterpriseRoutes(
  enterprises: EnterpriseService,
  profiles: EnterpriseProfileService,
  catalogue: Catalogue,
  now: () => Date,
): express.Router {
  const router = express.Router();
  router.use('/enterprises', requireRole('owner', 'advisor'));

  /** Owners pick any cluster; advisors only their association's. */
  const clustersFor = (actor: ReturnType<typeof actorOf>) => {
    if (actor.role !== 'advisor') return catalogue.clusters;
    const allowed = new Set(enterprises.clustersOf(actor));
    return catalogue.clusters.filter((cluster) => allowed.has(cluster.id));
  };

  router.get('/enterprises', (req, res) => {
    const actor = actorOf(req);
    renderPage(req, res, 'enterprises/list', {
      titleKey: actor.role === 'owner' ? 'enterprises.list.ownerTitle' : 'enterprises.list.advisorTitle',
      enterprises: enterprises.visibleTo(actor),
      clusterById: (id: string) => catalogue.clusterById(id),
    });
  });

  router.get('/enterprises/new', (req, res) => {
    renderPage(req, res, 'enterprises/new', {
      titleKey: 'enterprises.new.title',
      clusters: clustersFor(actorOf(req)),
      values: {},
      errors: {},
    });
  });

  router.post('/enterprises', (req, res) => {
    const actor = actorOf(req);
    const clusters = clustersFor(actor);
    const form = parseForm(
      enterpriseForm((id) => clusters.some((cluster) => cluster.id === id)),
      req.body,
    );
    const rerender = (failure: { errors: Record<string, string>; values: Record<string, string> }) =>
      renderPage(
        req,
        res,
        'enterprises/new',
        { titleKey: 'enterprises.new.title', clusters, ...failure },
        422,
      );
    if (!form.ok) {
      rerender(form);
      return;
    }
    if (form.data.udyamNumber && enterprises.udyamTaken(form.data.udyamNumber)) {
      rerender(formFailure(req.body, { udyamNumber: 'enterprises.errors.udyamTaken' }));
      return;
    }
    const id = enterprises.create(actor, form.data, { actor, requestId: requestIdOf(req) });
    res.redirect(303, `/enterprises/${id}/profile/enterprise`);
  });

  router.get('/enterprises/:id', (req, res) => {
    const id = Number(req.params.id);
    const profile = Number.isSafeInteger(id) ? profiles.profileFor(actorOf(req), id) : undefined;
    if (!profile) throw createHttpError(404);
    // A saved profile has no project yet: readiness shows what can be assessed and names what is missing.
    const readiness = profileReadiness(profile, { catalogue, asOf: todayInIndia(now()) });
    renderPage(req, res, 'enterprises/show', {
      titleKey: 'enterprises.show.title',
      titleValues: { name: profile.details.name },
      profile,
      steps: PROFILE_STEPS,
      cluster: catalogue.clusterById(profile.details.clusterId),
      readiness: readiness && readinessView(readiness, req.lang),
    });
  });

  return router;
}
