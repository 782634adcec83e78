import express from 'express';
import createHttpError from 'http-errors';
import type { ClaimService } from '../../services/claim-service.js';
import { actorOf, requireRole } from '../auth.js';
import { renderPage } from '../render.js';
import { requestIdOf } from '../request-id.js';

/**
 * Claiming a unit an advisor created: the advisor makes a one-time link (POST /enterprises/:id/claim-link, shown
 * once); the owner opens /claim/:token, signs in or up (they come back here), confirms, and the profile is theirs.
 * A link that is unknown, used, expired or for a unit already owned is "not found".
 */
export function claimRoutes(claims: ClaimService): express.Router {
  const router = express.Router();

  router.post('/enterprises/:id/claim-link', requireRole('advisor'), (req, res) => {
    const actor = actorOf(req);
    const token = claims.createLink(actor, Number(req.params.id), { actor, requestId: requestIdOf(req) });
    if (!token) throw createHttpError(404);
    res.set('Cache-Control', 'no-store');
    renderPage(req, res, 'enterprises/claim-link', {
      titleKey: 'enterprises.claim.linkTitle',
      link: `${req.protocol}://${req.get('host') ?? 'localhost'}/claim/${token}`,
      enterpriseId: Number(req.params.id),
    });
  });

  router.get('/claim/:token', requireRole('owner'), (req, res) => {
    const found = claims.preview(String(req.params.token));
    if (!found) throw createHttpError(404);
    renderPage(req, res, 'enterprises/claim', {
      titleKey: 'enterprises.claim.title',
      name: found.name,
      token: req.params.token,
    });
  });

  router.post('/claim/:token', requireRole('owner'), (req, res) => {
    const actor = actorOf(req);
    const outcome = claims.claim(actor, String(req.params.token), { actor, requestId: requestIdOf(req) });
    if (!outcome.ok) throw createHttpError(404);
    res.redirect(303, `/enterprises/${outcome.enterpriseId}`);
  });

  return router;
}
