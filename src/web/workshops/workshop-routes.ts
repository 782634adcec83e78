import express, { type Request, type Response } from 'express';
import createHttpError from 'http-errors';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { WORKSHOP_OUTCOMES, type Workshop } from '../../db/workshop-repository.js';
import { normsOn } from '../../domain/classification.js';
import { fromPaise } from '../../domain/money.js';
import { workshopAggregates } from '../../domain/workshop-aggregates.js';
import type { Services } from '../../services/services.js';
import { actorOf, requireRole } from '../auth.js';
import { formatDate, todayInIndia } from '../format.js';
import { formFailure, parseForm, type FieldErrors } from '../forms.js';
import { renderPage, wantsFragment } from '../render.js';
import { requestIdOf } from '../request-id.js';
import { outcomeForm, quickAddForm, registerForm, workshopForm } from './workshop-forms.js';

const REFUSAL_MESSAGES = {
  'cluster-not-yours': 'workshops.errors.cluster',
  'not-a-lender': 'workshops.errors.lenders',
  'unit-not-found': 'workshops.errors.unit',
  'udyam-taken': 'enterprises.errors.udyamTaken',
} as const;

/**
 * Workshop mode for association advisors: /workshops (list, create), /workshops/:id (register units, record
 * outcomes), /workshops/:id/projector (anonymised, large type, refreshed by htmx polling) and
 * /workshops/:id/summary (to print).
 */
export function workshopRoutes(services: Services, catalogue: Catalogue, now: () => Date): express.Router {
  const { workshops, enterprises, organisations } = services;
  const router = express.Router();
  router.use('/workshops', requireRole('advisor'));

  /** The financing products lenders present: loan lines, subventions and guarantees in the catalogue. */
  const products = catalogue.schemes.filter((scheme) =>
    scheme.kinds.some(
      (kind) => kind === 'loan-line' || kind === 'interest-subvention' || kind === 'guarantee',
    ),
  );
  const isProduct = (id: string) => products.some((scheme) => scheme.id === id);
  const lenders = () => organisations.list().filter((organisation) => organisation.kind === 'lender');
  const context = (req: Request) => ({ actor: actorOf(req), requestId: requestIdOf(req) });

  const load = (req: Request): Workshop => {
    const id = Number(req.params.id);
    const workshop = Number.isSafeInteger(id) ? workshops.find(actorOf(req), id) : undefined;
    if (!workshop) throw createHttpError(404);
    return workshop;
  };

  const aggregates = (workshop: Workshop) => {
    const units = workshops.units(workshop);
    const totals = workshopAggregates(
      units.map((unit) => ({
        investmentInr: unit.investmentPaise === null ? null : fromPaise(unit.investmentPaise),
        turnoverInr: unit.revenuePaise === null ? null : fromPaise(unit.revenuePaise),
        outcome: unit.outcome,
        interests: unit.interests,
      })),
      WORKSHOP_OUTCOMES,
      normsOn(catalogue, todayInIndia(now())),
    );
    return { units, totals };
  };

  const describe = (req: Request, workshop: Workshop) => ({
    workshop,
    cluster: catalogue.clusterById(workshop.clusterId),
    heldOn: formatDate(workshop.heldOn),
    lenderNames: workshop.lenderIds.map((id) => organisations.find(id)?.name ?? String(id)),
    products: products.map((scheme) => ({ id: scheme.id, name: scheme.name[req.lang] })),
    outcomes: WORKSHOP_OUTCOMES,
  });

  const renderList = (
    req: Request,
    res: Response,
    failure: { errors: FieldErrors; values: Record<string, string> },
    status = 200,
  ) => {
    const actor = actorOf(req);
    const own = new Set(enterprises.clustersOf(actor));
    renderPage(
      req,
      res,
      'workshops/index',
      {
        titleKey: 'workshops.title',
        workshops: workshops.listFor(actor).map((workshop) => ({
          ...workshop,
          heldOnText: formatDate(workshop.heldOn),
          clusterName: catalogue.clusterById(workshop.clusterId)?.name[req.lang] ?? workshop.clusterId,
        })),
        clusters: catalogue.clusters.filter((cluster) => own.has(cluster.id)),
        lenders: lenders(),
        ...failure,
      },
      status,
    );
  };

  router.get('/workshops', (req, res) => renderList(req, res, { errors: {}, values: {} }));

  router.post('/workshops', (req, res) => {
    const actor = actorOf(req);
    const own = enterprises.clustersOf(actor);
    const form = parseForm(
      workshopForm((id) => own.includes(id)),
      req.body,
    );
    if (!form.ok) {
      renderList(req, res, form, 422);
      return;
    }
    const created = workshops.create(actor, form.data, context(req));
    if (typeof created === 'string') {
      renderList(req, res, formFailure(req.body, { lenderIds: REFUSAL_MESSAGES[created] }), 422);
      return;
    }
    res.redirect(303, `/workshops/${created}`);
  });

  const renderWorkshop = (
    req: Request,
    res: Response,
    workshop: Workshop,
    errors: FieldErrors = {},
    values: Record<string, string> = {},
    status = 200,
  ) => {
    const { units, totals } = aggregates(workshop);
    const registered = new Set(units.map((unit) => unit.enterpriseId));
    renderPage(
      req,
      res,
      'workshops/show',
      {
        titleKey: 'workshops.show.title',
        titleValues: { date: formatDate(workshop.heldOn) },
        ...describe(req, workshop),
        units,
        totals,
        candidates: enterprises
          .visibleTo(actorOf(req))
          .filter(
            (enterprise) => enterprise.clusterId === workshop.clusterId && !registered.has(enterprise.id),
          ),
        errors,
        values,
      },
      status,
    );
  };

  router.get('/workshops/:id', (req, res) => renderWorkshop(req, res, load(req)));

  router.post('/workshops/:id/units', (req, res) => {
    const workshop = load(req);
    const form = parseForm(registerForm, req.body);
    const refusal = form.ok
      ? workshops.register(actorOf(req), workshop, form.data.enterpriseId, context(req))
      : 'unit-not-found';
    if (refusal) {
      renderWorkshop(req, res, workshop, { enterpriseId: REFUSAL_MESSAGES[refusal] }, {}, 422);
      return;
    }
    res.redirect(303, `/workshops/${workshop.id}`);
  });

  router.post('/workshops/:id/quick-add', (req, res) => {
    const workshop = load(req);
    const form = parseForm(quickAddForm, req.body);
    if (!form.ok) {
      renderWorkshop(req, res, workshop, form.errors, form.values, 422);
      return;
    }
    const refusal = workshops.quickAdd(actorOf(req), workshop, form.data, context(req));
    if (refusal) {
      const failure = formFailure(req.body, { udyamNumber: REFUSAL_MESSAGES[refusal] });
      renderWorkshop(req, res, workshop, failure.errors, failure.values, 422);
      return;
    }
    res.redirect(303, `/workshops/${workshop.id}`);
  });

  router.post('/workshops/:id/units/:enterpriseId', (req, res) => {
    const workshop = load(req);
    const form = parseForm(outcomeForm(isProduct), req.body);
    const refusal = form.ok
      ? workshops.recordOutcome(
          actorOf(req),
          workshop,
          Number(req.params.enterpriseId),
          form.data.outcome,
          form.data.interests,
          context(req),
        )
      : 'unit-not-found';
    if (refusal) {
      renderWorkshop(
        req,
        res,
        workshop,
        { outcome: form.ok ? REFUSAL_MESSAGES[refusal] : (Object.values(form.errors)[0] ?? 'forms.invalid') },
        {},
        422,
      );
      return;
    }
    res.redirect(303, `/workshops/${workshop.id}#unit-${req.params.enterpriseId}`);
  });

  router.get('/workshops/:id/projector', (req, res) => {
    const workshop = load(req);
    const { totals } = aggregates(workshop);
    renderPage(req, res, wantsFragment(req) ? 'workshops/_projector-figures' : 'workshops/projector', {
      titleKey: 'workshops.projector.title',
      bodyClass: 'projector',
      ...describe(req, workshop),
      totals,
      productName: (id: string) => products.find((scheme) => scheme.id === id)?.name[req.lang] ?? id,
    });
  });

  router.get('/workshops/:id/summary', (req, res) => {
    const workshop = load(req);
    const { units, totals } = aggregates(workshop);
    renderPage(req, res, 'workshops/summary', {
      titleKey: 'workshops.summary.title',
      titleValues: { date: formatDate(workshop.heldOn) },
      ...describe(req, workshop),
      units,
      totals,
      productName: (id: string) => products.find((scheme) => scheme.id === id)?.name[req.lang] ?? id,
    });
  });

  return router;
}
