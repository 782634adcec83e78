import { Decimal } from 'decimal.js';
import express, { type Request, type Response } from 'express';
import createHttpError from 'http-errors';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { parseAck } from '../../domain/application-ack.js';
import { snapshotMeasures } from '../../domain/application-snapshot.js';
import type { ApplicationService, ChangeOutcome } from '../../services/application-service.js';
import type { EnterpriseProfileService } from '../../services/enterprise-profile-service.js';
import { actorOf, requireRole } from '../auth.js';
import { todayInIndia } from '../format.js';
import { formFailure, parseForm, type FieldErrors } from '../forms.js';
import { amountText, furtherMeasureValues, savedPlanValues } from '../plan-fields.js';
import { renderPage } from '../render.js';
import { requestIdOf } from '../request-id.js';
import { answerForm, submissionForm, withdrawForm } from './application-forms.js';
import { applicationPage, summaryRow } from './application-view.js';

// The owner's side of an application: apply from an enterprise, follow it at /applications/:ack, answer the
// lender's questions and withdraw. Every page works without JavaScript; a stale form is a conflict, never lost.

type Failure = { errors: FieldErrors; values: Record<string, string> };

const exactOrNull = (value: string | null | undefined) => (value == null ? null : new Decimal(value));

export function applicationRoutes(
  applications: ApplicationService,
  profiles: EnterpriseProfileService,
  catalogue: Catalogue,
  now: () => Date,
): express.Router {
  const router = express.Router();
  router.use(['/applications', '/enterprises/:id/apply'], requireRole('owner'));

  const profileOf = (req: Request) => {
    const id = Number(req.params.id);
    const profile = Number.isSafeInteger(id) ? profiles.profileFor(actorOf(req), id) : undefined;
    if (!profile) throw createHttpError(404);
    return profile;
  };

  /** Technologies for the enterprise's sector, and every lender branch. */
  const choicesFor = (clusterId: string, req: Request) => {
    const sector = catalogue.clusterById(clusterId)?.sector;
    const technologies = catalogue.technologies.filter(
      (technology) => sector !== undefined && technology.applicability.sectors.includes(sector),
    );
    const branches = applications.lenderChoices().flatMap(({ lender, branches }) =>
      branches.map((branch) => ({
        value: String(branch.id),
        label: `${lender.name} — ${branch.name}, ${branch.city}`,
      })),
    );
    return {
      technologies,
      technologyOptions: technologies.map((t) => ({ value: t.id, label: t.name[req.lang] })),
      branchOptions: branches,
    };
  };

  /** The frozen measures as the form's strings: the first in the main fields, the others in the slots. */
  const measureValues = (measures: ReturnType<typeof snapshotMeasures>): Record<string, string> => {
    const [first, ...further] = measures.map((measure) => ({
      technologyId: measure.technologyId,
      capexInr: new Decimal(measure.capexInr),
      annualOmInr: exactOrNull(measure.annualOmInr),
    }));
    return {
      technologyId: first?.technologyId ?? '',
      capexInr: amountText(first?.capexInr ?? null),
      annualOmInr: amountText(first?.annualOmInr ?? null),
      ...furtherMeasureValues(further),
    };
  };

  /** A first application starts from the owner's saved upgrade plan (technology, quotation, figures, loan). */
  const savedPlanFor = (req: Request): Record<string, string> => {
    const plan = applications.savedPlan(actorOf(req), Number(req.params.id));
    return plan ? savedPlanValues(plan) : {};
  };

  const renderApply = (
    req: Request,
    res: Response,
    failure: Failure & { fromPlan?: boolean },
    status = 200,
  ) => {
    const profile = profileOf(req);
    const choices = choicesFor(profile.details.clusterId, req);
    renderPage(
      req,
      res,
      'applications/apply',
      {
        titleKey: 'applications.apply.title',
        profile,
        technologyOptions: choices.technologyOptions,
        branchOptions: choices.branchOptions,
        fromPlan: false,
        ...failure,
      },
      status,
    );
  };

  router.get('/enterprises/:id/apply', (req, res) => {
    const replaces = typeof req.query.replaces === 'string' ? parseAck(req.query.replaces) : undefined;
    const previous = replaces === undefined ? undefined : applications.forOwner(actorOf(req), replaces);
    const request = previous?.application;
    // A new version starts from what was submitted last time; the owner changes what needs changing.
    const measures = request && snapshotMeasures(request.snapshot);
    const values: Record<string, string> =
      request && measures && request.enterpriseId === Number(req.params.id)
        ? {
            ...measureValues(measures),
            loanInr: amountText(request.loanInr),
            annualSavingInr: amountText(exactOrNull(request.snapshot.request.annualSavingInr)),
            savingsBasis: request.snapshot.request.savingsBasis ?? '',
            energyAuditCostInr: amountText(exactOrNull(request.snapshot.request.energyAuditCostInr)),
            projectType: request.snapshot.request.projectType ?? '',
            tenureMonths: String(request.tenureMonths),
            moratoriumMonths: String(request.moratoriumMonths),
            branchId: String(request.branchId),
            replaces: request.ackNumber,
          }
        : replaces === undefined
          ? savedPlanFor(req)
          : {};
    renderApply(req, res, {
      values,
      errors: {},
      fromPlan: replaces === undefined && 'technologyId' in values,
    });
  });

  router.post('/enterprises/:id/apply', (req, res) => {
    const actor = actorOf(req);
    const profile = profileOf(req);
    const choices = choicesFor(profile.details.clusterId, req);
    const form = parseForm(
      submissionForm({
        technology: (id) => choices.technologies.some((t) => t.id === id),
        branch: (id) => choices.branchOptions.some((option) => option.value === String(id)),
      }),
      req.body,
    );
    if (!form.ok) {
      renderApply(req, res, form, 422);
      return;
    }
    const outcome = applications.submit(
      actor,
      {
        enterpriseId: profile.id,
        technologyId: form.data.technologyId,
        capexInr: form.data.capexInr,
        annualOmInr: form.data.annualOmInr,
        furtherMeasures: form.data.furtherMeasures,
        annualSavingInr: form.data.annualSavingInr,
        savingsBasis: form.data.savingsBasis,
        energyAuditCostInr: form.data.energyAuditCostInr,
        projectType: form.data.projectType,
        loanInr: form.data.loanInr,
        tenureMonths: form.data.tenureMonths,
        moratoriumMonths: form.data.moratoriumMonths,
        branchId: form.data.branchId,
        consentGiven: true,
        replacesAck: form.data.replaces,
      },
      { catalogue, assessedOn: todayInIndia(now()) },
      { actor, requestId: requestIdOf(req) },
    );
    if (!outcome.ok) {
      if (outcome.reason === 'not-found') throw createHttpError(404);
      renderApply(req, res, formFailure(req.body, { [outcome.field]: outcome.error }), 422);
      return;
    }
    res.redirect(303, `/applications/${outcome.ackNumber}`);
  });

  router.get('/applications', (req, res) => {
    renderPage(req, res, 'applications/list', {
      titleKey: 'applications.list.title',
      applications: applications.listForOwner(actorOf(req)).map((a) => summaryRow(a, req.lang)),
    });
  });

  const viewOf = (req: Request) => {
    const ack = parseAck(String(req.params.ack));
    const view = ack === undefined ? undefined : applications.forOwner(actorOf(req), ack);
    if (!view) throw createHttpError(404);
    return view;
  };

  const renderShow = (req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const page = applicationPage(viewOf(req), req.lang);
    renderPage(
      req,
      res,
      'applications/show',
      {
        titleKey: 'applications.show.title',
        titleValues: { ack: page.ackNumber },
        page,
        justSubmitted: false,
        values: {},
        errors: {},
        conflict: false,
        ...extra,
      },
      status,
    );
  };

  router.get('/applications/:ack', (req, res) => {
    renderShow(req, res);
  });

  /** After a change: back to the file (303); or the file again with what went wrong (409 / 422). */
  const answerChange = (
    req: Request,
    res: Response,
    outcome: ChangeOutcome,
    rerender: (status: number, extra: Record<string, unknown>) => void,
  ) => {
    if (outcome.ok) {
      res.redirect(303, `/applications/${String(req.params.ack)}`);
      return;
    }
    switch (outcome.reason) {
      case 'not-found':
        throw createHttpError(404);
      case 'not-allowed':
      case 'conflict':
        rerender(409, { conflict: true });
        return;
      case 'invalid':
        rerender(
          422,
          formFailure(req.body, { [outcome.field === 'message' ? 'answer' : outcome.field]: outcome.error }),
        );
        return;
    }
  };

  router.post('/applications/:ack/answer', (req, res) => {
    const actor = actorOf(req);
    const view = viewOf(req);
    const form = parseForm(answerForm, req.body);
    if (!form.ok) {
      renderShow(req, res, form, 422);
      return;
    }
    const outcome = applications.act(
      actor,
      view.application.ackNumber,
      form.data.version,
      { action: 'answer-information', message: form.data.answer },
      { actor, requestId: requestIdOf(req) },
    );
    answerChange(req, res, outcome, (status, extra) => renderShow(req, res, extra, status));
  });

  const renderWithdraw = (req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const page = applicationPage(viewOf(req), req.lang);
    if (!page.canWithdraw && status === 200) throw createHttpError(404);
    renderPage(
      req,
      res,
      'applications/withdraw',
      {
        titleKey: 'applications.withdraw.title',
        titleValues: { ack: page.ackNumber },
        page,
        values: {},
        errors: {},
        conflict: false,
        ...extra,
      },
      status,
    );
  };

  // Withdrawing is confirmed on a page of its own, so it works the same without JavaScript.
  router.get('/applications/:ack/withdraw', (req, res) => {
    renderWithdraw(req, res);
  });

  router.post('/applications/:ack/withdraw', (req, res) => {
    const actor = actorOf(req);
    const view = viewOf(req);
    const form = parseForm(withdrawForm, req.body);
    if (!form.ok) {
      renderWithdraw(req, res, form, 422);
      return;
    }
    const outcome = applications.act(
      actor,
      view.application.ackNumber,
      form.data.version,
      { action: 'withdraw', message: form.data.reason === '' ? undefined : form.data.reason },
      { actor, requestId: requestIdOf(req) },
    );
    answerChange(req, res, outcome, (status, extra) => renderWithdraw(req, res, extra, status));
  });

  return router;
}
