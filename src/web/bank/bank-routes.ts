import express from 'express';
import type { OrganisationService } from '../../services/organisation-service.js';
import { actorOf, requireRole } from '../auth.js';
import { renderPage } from '../render.js';

export function bankRoutes(organisations: OrganisationService): express.Router {
  const router = express.Router();
  router.get('/bank/applications', requireRole('bank_officer'), (req, res) => {
    const actor = actorOf(req);
    const lender = actor.organisationId === null ? undefined : organisations.find(actor.organisationId);
    const branch = actor.branchId === null ? undefined : organisations.branch(actor.branchId);
    // The queue itself arrives with applications (issue 7); until then the officer sees it is empty.
    renderPage(req, res, 'bank/applications', {
      titleKey: 'bank.applications.title',
      lender,
      branch,
      applications: [],
    });
  });
  return router;
}
