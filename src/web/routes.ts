import express from 'express';
import type { AppDeps } from '../app.js';
import { accountRoutes } from './account/account-routes.js';
import { adminRoutes } from './admin/admin-routes.js';
import { applicationRoutes } from './applications/application-routes.js';
import { assessmentRoutes } from './assessment/assessment-routes.js';
import { dossierRoutes } from './applications/dossier-routes.js';
import { advisorRoutes } from './advisor/advisor-routes.js';
import { bankRoutes } from './bank/bank-routes.js';
import { checkRoutes } from './check/check-routes.js';
import { clusterRoutes } from './clusters/cluster-routes.js';
import { calculatorRoutes } from './calculator/calculator-routes.js';
import { enterpriseRoutes } from './enterprises/enterprise-routes.js';
import { claimRoutes } from './enterprises/claim-routes.js';
import { profileRoutes } from './enterprises/profile-routes.js';
import { homeRoutes } from './home/home-routes.js';
import { schemeRoutes } from './schemes/scheme-routes.js';
import { importRoutes } from './imports/import-routes.js';
import { workshopRoutes } from './workshops/workshop-routes.js';

/**
 * The URL map at a glance. Public: / /calculator /login /signup /logout /language. Owner and advisor: /enterprises…
 * Advisor: /advisor. Bank officer: /bank/…. Admin: /admin/…. Each feature router checks roles itself.
 */
export function routes(deps: AppDeps): express.Router {
  const { services, catalogue } = deps;
  const router = express.Router();
  router.use(homeRoutes(catalogue));
  router.use(schemeRoutes(catalogue, deps.now));
  router.use(calculatorRoutes(catalogue, deps.now));
  const check = checkRoutes(catalogue, services.profiles, deps.now);
  router.use(check.router);
  router.use(accountRoutes(services.accounts, deps.loginAttemptsPerWindow, check.carryIntoNewAccount));
  router.use(enterpriseRoutes(services.enterprises, services.profiles, catalogue, deps.now));
  router.use(claimRoutes(services.claims));
  router.use(profileRoutes(services.profiles, catalogue, deps.now));
  router.use(assessmentRoutes(deps));
  // Before the owner-only application pages: officers read the dossier too.
  router.use(dossierRoutes(services.applications, deps.translations));
  router.use(applicationRoutes(services.applications, services.profiles, catalogue, deps.now));
  router.use(advisorRoutes(services.enterprises, services.organisations, catalogue));
  router.use(bankRoutes(deps));
  router.use(adminRoutes(services, catalogue));
  router.use(workshopRoutes(services, catalogue, deps.now));
  router.use(importRoutes(services.imports, catalogue));
  router.use(clusterRoutes(services, catalogue, deps.now, deps.translations));
  return router;
}
