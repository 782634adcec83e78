import express, { type Request, type Response } from 'express';
import createHttpError from 'http-errors';
import { z } from 'zod';
import type { ApiTokenService } from '../../services/api-token-service.js';
import { actorOf } from '../auth.js';
import { formFailure, parseForm, type FieldErrors } from '../forms.js';
import { renderPage } from '../render.js';
import { requestIdOf } from '../request-id.js';

const tokenForm = z.object({
  label: z
    .string()
    .trim()
    .min(1, { error: 'admin.apiTokens.errors.label' })
    .max(100, { error: 'admin.apiTokens.errors.label' }),
  actingUserId: z
    .string({ error: 'admin.apiTokens.errors.officer' })
    .regex(/^\d{1,9}$/, { error: 'admin.apiTokens.errors.officer' })
    .transform(Number),
});

/**
 * API tokens for lenders' systems (issue 7), under /admin (the admin router checks the role): the list, a form to
 * create one (the token is shown once, on the answer to the POST, and never again) and revocation.
 */
export function apiTokenRoutes(apiTokens: ApiTokenService): express.Router {
  const router = express.Router();
  const contextOf = (req: Request) => ({ actor: actorOf(req), requestId: requestIdOf(req) });

  const render = (
    req: Request,
    res: Response,
    extra: { created?: string; values?: Record<string, string>; errors?: FieldErrors } = {},
    status = 200,
  ) => {
    // The page may carry a secret shown once: never cached.
    res.set('Cache-Control', 'no-store');
    renderPage(
      req,
      res,
      'admin/api-tokens',
      {
        titleKey: 'admin.apiTokens.title',
        tokens: apiTokens.list(actorOf(req)),
        officers: apiTokens.actingOfficers(),
        created: extra.created,
        values: extra.values ?? {},
        errors: extra.errors ?? {},
      },
      status,
    );
  };

  router.get('/admin/api-tokens', (req, res) => render(req, res));

  router.post('/admin/api-tokens', (req, res) => {
    const form = parseForm(tokenForm, req.body);
    if (!form.ok) {
      render(req, res, form, 422);
      return;
    }
    const outcome = apiTokens.create(actorOf(req), form.data, contextOf(req));
    if (!outcome.ok) {
      render(req, res, formFailure(req.body, { [outcome.field]: outcome.error }), 422);
      return;
    }
    render(req, res, { created: outcome.token }, 201);
  });

  router.post('/admin/api-tokens/:id/revoke', (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id) || !apiTokens.revoke(actorOf(req), id, contextOf(req)))
      throw createHttpError(404);
    res.redirect(303, '/admin/api-tokens');
  });

  return router;
}
