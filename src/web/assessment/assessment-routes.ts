import express, { type Request, type Response } from 'express';
import createHttpError from 'http-errors';
import type { AppDeps } from '../../app.js';
import { MIN_UNITS_FOR_DISTRIBUTION } from '../../domain/cluster-aggregates.js';
import type { AssessmentReport, UpgradePlan } from '../../services/assessment-service.js';
import { actorOf, requireRole } from '../auth.js';
import { todayInIndia } from '../format.js';
import { formFailure, parseForm, type FieldErrors } from '../forms.js';
import { amountText, FURTHER_MEASURE_FIELDS, savedPlanValues } from '../plan-fields.js';
import { renderPage } from '../render.js';
import { requestIdOf } from '../request-id.js';
import { upgradePlanForm } from './assessment-form.js';
import { assessmentView } from './assessment-view.js';

const PLAN_FIELDS = [
  'technologyId',
  'capexInr',
  'annualOmInr',
  ...FURTHER_MEASURE_FIELDS,
  'annualSavingInr',
  'savingsBasis',
  'energyAuditCostInr',
  'projectType',
  'loanInr',
  'tenureMonths',
  'moratoriumMonths',
];

/** The request's own strings for the plan's fields, to show them as the owner typed them. */
function planStrings(source: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    PLAN_FIELDS.flatMap((field) => (typeof source[field] === 'string' ? [[field, source[field]]] : [])),
  );
}

/** What the "save" and "choose this package" forms carry: the plan the report shows. */
function shownPlanValues(report: AssessmentReport, typed: Record<string, string> | null) {
  if (typed) return typed;
  if (report.showsSavedPlan && report.savedPlan) return savedPlanValues(report.savedPlan);
  const upgrade = report.upgrade;
  if (!upgrade) return null;
  if (upgrade.source !== 'application') return { technologyId: upgrade.technology.id };
  return {
    technologyId: upgrade.technology.id,
    capexInr: amountText(upgrade.capexInr),
    loanInr: amountText(upgrade.loanInr),
    tenureMonths: String(upgrade.tenureMonths),
    moratoriumMonths: String(upgrade.moratoriumMonths),
  };
}

/**
 * GET /enterprises/:id/assessment: the owner's (or their advisor's) assessment report, with the saved plan by
 * default or the plan in the query; POST …/assessment/plan saves the plan (owner only), with the package chosen.
 * Anyone else 404.
 */
export function assessmentRoutes(deps: AppDeps): express.Router {
  const { catalogue, services } = deps;
  const { assessments } = services;
  const router = express.Router();

  const rulesNow = () => ({ catalogue, asOf: todayInIndia(deps.now()) });

  const planForm = (report: AssessmentReport) => {
    const sector = report.cluster?.sector;
    return upgradePlanForm((techId) =>
      Boolean(sector && catalogue.technologyById(techId)?.applicability.sectors.includes(sector)),
    );
  };

  const baseReport = (req: Request) => {
    const id = Number(req.params.id);
    const found = Number.isSafeInteger(id) ? assessments.reportFor(actorOf(req), id, rulesNow()) : undefined;
    if (!found) throw createHttpError(404);
    return found;
  };

  const renderReport = (
    req: Request,
    res: Response,
    report: AssessmentReport,
    form: { values: Record<string, string>; errors: FieldErrors; planValues: Record<string, string> | null },
    status = 200,
  ) => {
    const errors = { ...form.errors };
    if (report.planNeedsCapex) errors[report.planNeedsCapex] = 'assessment.plan.capexNeeded';
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
        values: form.values,
        errors,
        planValues: Object.keys(errors).length > 0 ? null : form.planValues,
      },
      Object.keys(errors).length > 0 ? 422 : status,
    );
  };

  router.get('/enterprises/:id/assessment', requireRole('owner', 'advisor'), (req, res) => {
    const found = baseReport(req);
    // The upgrade plan: a technology of the enterprise's sector with the owner's quotation and terms, if given.
    const planning = typeof req.query.technologyId === 'string';
    const form = planning ? parseForm(planForm(found), req.query) : undefined;
    const report = form?.ok
      ? (assessments.reportFor(actorOf(req), found.profile.id, rulesNow(), form.data) ?? found)
      : found;
    const typed = form?.ok ? planStrings(req.query) : null;
    const values = form
      ? form.ok
        ? planStrings(req.query)
        : form.values
      : report.showsSavedPlan && report.savedPlan
        ? savedPlanValues(report.savedPlan)
        : {};
    renderReport(req, res, report, {
      values,
      errors: form && !form.ok ? form.errors : {},
      planValues: shownPlanValues(report, typed),
    });
  });

  router.post('/enterprises/:id/assessment/plan', requireRole('owner'), (req, res) => {
    const actor = actorOf(req);
    const found = baseReport(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = parseForm(planForm(found), body);
    if (!form.ok) {
      renderReport(req, res, found, { values: form.values, errors: form.errors, planValues: null }, 422);
      return;
    }
    const plan: UpgradePlan = form.data;
    // "Choose this package" carries the package's scheme ids, '+'-joined ('' for the ordinary term loan).
    const choosing = body.choose === 'package' && typeof body.package === 'string';
    const packageSchemeIds = choosing ? String(body.package).split('+').filter(Boolean) : null;
    const outcome = assessments.savePlan(actor, found.profile.id, plan, packageSchemeIds, rulesNow(), {
      actor,
      requestId: requestIdOf(req),
    });
    if (!outcome.ok) {
      if (outcome.reason === 'not-found') throw createHttpError(404);
      const report = assessments.reportFor(actor, found.profile.id, rulesNow(), plan) ?? found;
      const failure = formFailure(planStrings(body), { [outcome.field]: outcome.error });
      renderReport(req, res, report, { ...failure, planValues: null }, 422);
      return;
    }
    res.redirect(303, `/enterprises/${found.profile.id}/assessment#plan-title`);
  });

  return router;
}
