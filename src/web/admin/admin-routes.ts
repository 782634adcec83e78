import express, { type Request, type Response } from 'express';
import createHttpError from 'http-errors';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import type { Services } from '../../services/services.js';
import { actorOf, requireRole } from '../auth.js';
import { formFailure, parseForm, type FieldErrors } from '../forms.js';
import { renderPage } from '../render.js';
import { requestIdOf } from '../request-id.js';
import { branchForm, organisationForm, userForm } from './admin-forms.js';
import { apiTokenRoutes } from './api-token-routes.js';

type Failure = { errors: FieldErrors; values: Record<string, string> };

export function adminRoutes(
  { accounts, organisations, apiTokens }: Services,
  catalogue: Catalogue,
): express.Router {
  const router = express.Router();
  router.use('/admin', requireRole('admin'));
  router.use(apiTokenRoutes(apiTokens));
  const contextOf = (req: Request) => ({ actor: actorOf(req), requestId: requestIdOf(req) });

  router.get('/admin', (req, res) => {
    renderPage(req, res, 'admin/index', {
      titleKey: 'admin.index.title',
      userCount: accounts.listUsers().length,
      organisationCount: organisations.list().length,
      catalogue,
    });
  });

  router.get('/admin/users', (req, res) => {
    const byId = new Map(organisations.list().map((organisation) => [organisation.id, organisation]));
    renderPage(req, res, 'admin/users', { titleKey: 'admin.users.title', users: accounts.listUsers(), byId });
  });

  const renderNewUser = (req: Request, res: Response, failure: Failure, status = 200) => {
    const all = organisations.list();
    renderPage(
      req,
      res,
      'admin/user-new',
      {
        titleKey: 'admin.users.newTitle',
        associations: all.filter((organisation) => organisation.kind === 'association'),
        lenders: all.filter((organisation) => organisation.kind === 'lender'),
        ...failure,
      },
      status,
    );
  };

  router.get('/admin/users/new', (req, res) => renderNewUser(req, res, { values: {}, errors: {} }));

  router.post('/admin/users', async (req, res) => {
    const form = parseForm(userForm, req.body);
    if (!form.ok) {
      renderNewUser(req, res, form, 422);
      return;
    }
    const { role, associationId, branchId } = form.data;
    const branch = role === 'bank_officer' && branchId !== null ? organisations.branch(branchId) : undefined;
    const association =
      role === 'advisor' && associationId !== null ? organisations.find(associationId) : undefined;
    const errors: FieldErrors = {};
    if (accounts.identifierTaken(form.data.identifier)) errors.identifier = 'account.errors.identifierTaken';
    if (role === 'bank_officer' && !branch) errors.branchId = 'admin.errors.branchRequired';
    if (role === 'advisor' && association?.kind !== 'association')
      errors.associationId = 'admin.errors.associationRequired';
    if (Object.keys(errors).length > 0) {
      renderNewUser(req, res, formFailure(req.body, errors), 422);
      return;
    }
    await accounts.createAccount(
      {
        identifier: form.data.identifier,
        displayName: form.data.displayName,
        password: form.data.password,
        role,
        organisationId: branch?.organisationId ?? association?.id ?? null,
        branchId: branch?.id ?? null,
      },
      contextOf(req),
    );
    res.redirect(303, '/admin/users');
  });

  router.get('/admin/organisations', (req, res) => {
    renderPage(req, res, 'admin/organisations', {
      titleKey: 'admin.organisations.title',
      organisations: organisations.list(),
      clusterById: (id: string) => catalogue.clusterById(id),
    });
  });

  const renderNewOrganisation = (req: Request, res: Response, failure: Failure, status = 200) =>
    renderPage(
      req,
      res,
      'admin/organisation-new',
      { titleKey: 'admin.organisations.newTitle', clusters: catalogue.clusters, ...failure },
      status,
    );

  router.get('/admin/organisations/new', (req, res) =>
    renderNewOrganisation(req, res, { values: {}, errors: {} }),
  );

  router.post('/admin/organisations', (req, res) => {
    const form = parseForm(
      organisationForm((id) => catalogue.clusterById(id) !== undefined),
      req.body,
    );
    if (!form.ok) {
      renderNewOrganisation(req, res, form, 422);
      return;
    }
    if (organisations.nameTaken(form.data.name)) {
      renderNewOrganisation(
        req,
        res,
        formFailure(req.body, { name: 'admin.errors.organisationNameTaken' }),
        422,
      );
      return;
    }
    const clusterIds = form.data.kind === 'association' ? form.data.clusterIds : [];
    organisations.create(form.data.kind, form.data.name, clusterIds, contextOf(req));
    res.redirect(303, '/admin/organisations');
  });

  router.post('/admin/organisations/:id/branches', (req, res) => {
    const lender = organisations.find(Number(req.params.id));
    if (lender?.kind !== 'lender') throw createHttpError(404);
    const form = parseForm(branchForm, req.body);
    if (!form.ok) {
      renderPage(
        req,
        res,
        'admin/organisations',
        {
          titleKey: 'admin.organisations.title',
          organisations: organisations.list(),
          clusterById: (id: string) => catalogue.clusterById(id),
          branchFailure: { lenderId: lender.id, ...form },
        },
        422,
      );
      return;
    }
    organisations.addBranch(lender.id, form.data.name, form.data.city, contextOf(req));
    res.redirect(303, '/admin/organisations');
  });

  return router;
}
