import express from 'express';
import createHttpError from 'http-errors';
import type { AppDeps } from '../../app.js';
import { MIN_UNITS_FOR_DISTRIBUTION } from '../../domain/cluster-aggregates.js';
import { actorOf, requireRole } from '../auth.js';
import { todayInIndia } from '../format.js';
import { parseForm } from '../forms.js';
import { renderPage } from '../render.js';
import { upgradePlanForm } from './assessment-form.js';
import { assessmentView } from './assessment-view.js';

/** The query's own strings, to show the plan's fields as the owner typed them. */
function stringValues(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** GET /enterprises/:id/assessment: the owner's (or their advisor's) assessment report; anyone else 404. */
export function assessmentRoutes(deps: AppDeps): express.Router {
  const { catalogue, services } = deps;
  const { assessments } = services;
  const router = express.Router();

  router.get('/enterprises/:id/assessment', requireRole('owner', 'advisor'), (req, res) => {
    const id = Number(req.params.id);
    const actor = actorOf(req);
    const rules = { catalogue, asOf: todayInIndia(deps.now()) };
    const found = Number.isSafeInteger(id) ? assessments.reportFor(actor, id, rules) : undefined;
    if (!found) throw createHttpError(404);
    // The upgrade plan: a technology of the enterprise's sector with the owner's quotation and terms, if given.
    const sector = found.cluster?.sector;
    const planning = typeof req.query.technologyId === 'string';
    const form = planning
      ? parseForm(
          upgradePlanForm((techId) =>
            Boolean(sector && catalogue.technologyById(techId)?.applicability.sectors.includes(sector)),
          ),
          req.query,
        )
      : undefined;
    const report = form?.ok ? (assessments.reportFor(actor, id, rules, form.data) ?? found) : found;
    const values = form ? (form.ok ? stringValues(req.query) : form.values) : {};
    const errors: Record<string, string> = form && !form.ok ? { ...form.errors } : {};
    if (report.planNeedsCapex) errors.capexInr = 'assessment.plan.capexNeeded';
    const schemeName = (schemeId: string) =>
      catalogue.schemes.find((scheme) => scheme.id === schemeId)?.name[req.lang] ?? schemeId;
    renderPage(
      req,
      res,
      'assessment/show',
      {
        titleKey: 'assessment.title',
        titleValues: { name: report.profile.details.name },
        report: assessmentView(report, req.lang, MIN_UNITS_FOR_DISTRIBUTION, schemeName),
        values,
        errors,
      },
      Object.keys(errors).length > 0 ? 422 : 200,
    );
  });

  return router;
}
