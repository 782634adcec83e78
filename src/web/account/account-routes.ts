import express, { type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Role, User } from '../../db/user-repository.js';
import type { AccountService } from '../../services/account-service.js';
import { HOME_OF } from '../auth.js';
import { formFailure, parseForm } from '../forms.js';
import { LANGUAGE_COOKIE } from '../i18n.js';
import { renderPage } from '../render.js';
import { requestIdOf } from '../request-id.js';
import { languageForm, loginForm, MIN_PASSWORD_LENGTH, signupForm } from './account-forms.js';

const LOGIN_VIEW = 'account/login';
const SIGNUP_VIEW = 'account/signup';

/** Regenerates the session at login so a session id planted before login is worthless afterwards. */
function startSession(req: Request, user: User): Promise<void> {
  const { returnTo, quickCheck } = req.session;
  return new Promise((resolve, reject) => {
    req.session.regenerate((error) => {
      if (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      req.session.userId = user.id;
      req.session.returnTo = returnTo;
      req.session.quickCheck = quickCheck;
      req.session.save((saveError) => (saveError ? reject(saveError as Error) : resolve()));
    });
  });
}

function landingFor(req: Request, role: Role): string {
  const returnTo = req.session.returnTo;
  delete req.session.returnTo;
  return returnTo ?? HOME_OF[role];
}

/** Where a new owner goes after signing up, when something they did before (the quick check) says so. */
export type AfterSignup = (req: Request) => string | undefined;

export function accountRoutes(
  accounts: AccountService,
  loginAttemptsPerWindow: number,
  afterSignup: AfterSignup,
): express.Router {
  const router = express.Router();

  const loginLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: loginAttemptsPerWindow,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      renderPage(
        req,
        res,
        LOGIN_VIEW,
        { titleKey: 'account.login.title', values: {}, errors: { _form: 'account.errors.tooManyAttempts' } },
        429,
      );
    },
  });

  router.get('/login', (req, res) => {
    if (req.actor) {
      res.redirect(303, HOME_OF[req.actor.role]);
      return;
    }
    renderPage(req, res, LOGIN_VIEW, { titleKey: 'account.login.title', values: {}, errors: {} });
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const form = parseForm(loginForm, req.body);
    if (!form.ok) {
      renderPage(req, res, LOGIN_VIEW, { titleKey: 'account.login.title', ...form }, 422);
      return;
    }
    const outcome = await accounts.logIn(form.data.identifier, form.data.password, requestIdOf(req));
    if (!outcome.ok) {
      const errors = {
        _form: outcome.reason === 'locked' ? 'account.errors.locked' : 'account.errors.credentials',
      };
      renderPage(
        req,
        res,
        LOGIN_VIEW,
        { titleKey: 'account.login.title', ...formFailure(req.body, errors) },
        422,
      );
      return;
    }
    await startSession(req, outcome.user);
    res.redirect(303, landingFor(req, outcome.user.role));
  });

  router.get('/signup', (req, res) => {
    renderPage(req, res, SIGNUP_VIEW, {
      titleKey: 'account.signup.title',
      values: {},
      errors: {},
      minPasswordLength: MIN_PASSWORD_LENGTH,
    });
  });

  router.post('/signup', async (req, res) => {
    const form = parseForm(signupForm, req.body);
    const rerender = (failure: { errors: Record<string, string>; values: Record<string, string> }) =>
      renderPage(
        req,
        res,
        SIGNUP_VIEW,
        { titleKey: 'account.signup.title', minPasswordLength: MIN_PASSWORD_LENGTH, ...failure },
        422,
      );
    if (!form.ok) {
      rerender(form);
      return;
    }
    if (accounts.identifierTaken(form.data.identifier)) {
      rerender(formFailure(req.body, { identifier: 'account.errors.identifierTaken' }));
      return;
    }
    const user = await accounts.createAccount(
      {
        identifier: form.data.identifier,
        displayName: form.data.displayName,
        password: form.data.password,
        role: 'owner',
        organisationId: null,
        branchId: null,
      },
      { actor: null, requestId: requestIdOf(req) },
    );
    await startSession(req, user);
    req.actor = { userId: user.id, role: user.role, organisationId: null, branchId: null };
    res.redirect(303, afterSignup(req) ?? landingFor(req, user.role));
  });

  router.post('/logout', (req: Request, res: Response, next) => {
    if (req.actor) accounts.logOut(req.actor.userId, requestIdOf(req));
    req.session.destroy((error) => {
      if (error) {
        next(error);
        return;
      }
      res.clearCookie('haritsetu.sid');
      res.redirect(303, '/');
    });
  });

  router.post('/language', (req, res) => {
    const form = parseForm(languageForm, req.body);
    if (!form.ok) {
      res.redirect(303, '/');
      return;
    }
    res.cookie(LANGUAGE_COOKIE, form.data.lang, {
      maxAge: 365 * 24 * 60 * 60_000,
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
    });
    res.redirect(303, form.data.returnTo);
  });

  return router;
}
