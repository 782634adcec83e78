import express, { type Request, type Response } from 'express';
import createHttpError from 'http-errors';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import {
  DOCUMENT_IDS,
  FINANCIAL_FIGURES,
  PROFILE_STEPS,
  recentFiscalYears,
  type EnterpriseProfile,
  type ProfileStep,
} from '../../domain/enterprise-profile.js';
import type { EnterpriseProfileService } from '../../services/enterprise-profile-service.js';
import { actorOf, requireRole } from '../auth.js';
import { formFailure, parseForm, type FieldErrors } from '../forms.js';
import { todayInIndia } from '../format.js';
import { renderPage } from '../render.js';
import { requestIdOf } from '../request-id.js';
import { ENERGY_FIELDS, formValues, stepSchema } from './profile-forms.js';

const isStep = (value: string): value is ProfileStep => (PROFILE_STEPS as readonly string[]).includes(value);

/**
 * The enterprise profile, one step per page (save and resume later): /enterprises/:id/profile/:step.
 * Each form carries the version it was opened at; a save from a stale tab is refused with 409 and both
 * versions shown side by side.
 */
export function profileRoutes(
  profiles: EnterpriseProfileService,
  catalogue: Catalogue,
  now: () => Date,
): express.Router {
  const router = express.Router();
  router.use('/enterprises/:id/profile', requireRole('owner', 'advisor'));

  const load = (req: Request): EnterpriseProfile => {
    const id = Number(req.params.id);
    const profile = Number.isSafeInteger(id) ? profiles.profileFor(actorOf(req), id) : undefined;
    if (!profile) throw createHttpError(404);
    return profile;
  };
  const stepOf = (req: Request): ProfileStep => {
    const step = String(req.params.step);
    if (!isStep(step)) throw createHttpError(404);
    return step;
  };
  const context = () => {
    const today = todayInIndia(now());
    return {
      isKnownCluster: (id: string) => catalogue.clusterById(id) !== undefined,
      thisYear: Number(today.slice(0, 4)),
      fiscalYears: recentFiscalYears(today),
    };
  };

  const show = (
    req: Request,
    res: Response,
    profile: EnterpriseProfile,
    step: ProfileStep,
    form: {
      values: Record<string, string>;
      errors: FieldErrors;
      version: number;
      conflict?: Record<string, string>;
    },
    status = 200,
  ) => {
    const { fiscalYears } = context();
    renderPage(
      req,
      res,
      'enterprises/profile-step',
      {
        titleKey: `profile.steps.${step}`,
        profile,
        step,
        steps: PROFILE_STEPS,
        nextStep: PROFILE_STEPS[PROFILE_STEPS.indexOf(step) + 1],
        clusters: catalogue.clusters,
        fiscalYears,
        financialFigures: FINANCIAL_FIGURES,
        energyFields: ENERGY_FIELDS,
        documentIds: DOCUMENT_IDS,
        ...form,
      },
      status,
    );
  };

  router.get('/enterprises/:id/profile/:step', (req, res) => {
    const profile = load(req);
    const step = stepOf(req);
    show(req, res, profile, step, {
      values: formValues(step, profile, context().fiscalYears),
      errors: {},
      version: profile.version,
    });
  });

  router.post('/enterprises/:id/profile/:step', (req, res) => {
    const profile = load(req);
    const step = stepOf(req);
    const version = Number((req.body as Record<string, unknown>).version);
    const form = parseForm(stepSchema(step, context()), req.body);
    if (!form.ok) {
      show(req, res, profile, step, { values: form.values, errors: form.errors, version }, 422);
      return;
    }
    const actor = actorOf(req);
    const outcome = profiles.saveStep(actor, profile.id, version, form.data, {
      actor,
      requestId: requestIdOf(req),
    });
    if (!outcome.ok) {
      // Keep what this tab typed, show what the other tab saved beside it; saving again overwrites knowingly.
      show(
        req,
        res,
        outcome.saved,
        step,
        {
          ...formFailure(req.body, { _form: 'profile.conflict.message' }),
          version: outcome.saved.version,
          conflict: formValues(step, outcome.saved, context().fiscalYears),
        },
        409,
      );
      return;
    }
    const next = PROFILE_STEPS[PROFILE_STEPS.indexOf(step) + 1];
    res.redirect(303, next ? `/enterprises/${profile.id}/profile/${next}` : `/enterprises/${profile.id}`);
  });

  return router;
}
