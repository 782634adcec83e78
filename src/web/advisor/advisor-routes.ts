import express from 'express';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import type { EnterpriseService } from '../../services/enterprise-service.js';
import type { OrganisationService } from '../../services/organisation-service.js';
import { actorOf, requireRole } from '../auth.js';
import { renderPage } from '../render.js';

export function advisorRoutes(
  enterprises: EnterpriseService,
  organisations: OrganisationService,
  catalogue: Catalogue,
): express.Router {
  const router = express.Router();
  router.get('/advisor', requireRole('advisor'), (req, res) => {
    const actor = actorOf(req);
    const association = actor.organisationId === null ? undefined : organisations.find(actor.organisationId);
    const units = enterprises.visibleTo(actor);
    const clusters = enterprises.clustersOf(actor).map((id) => ({
      id,
      cluster: catalogue.clusterById(id),
      unitCount: units.filter((unit) => unit.clusterId === id).length,
    }));
    renderPage(req, res, 'advisor/index', { titleKey: 'advisor.title', association, clusters });
  });
  return router;
}
