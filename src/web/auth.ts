import createHttpError from 'http-errors';
import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../db/user-repository.js';
import type { AccountService } from '../services/account-service.js';

/** Where each role works; also where logging in lands. */
export const HOME_OF: Record<Role, string> = {
  owner: '/enterprises',
  advisor: '/advisor',
  bank_officer: '/bank/applications',
  admin: '/admin',
};

/** Puts the signed-in user (if any) on the request as an Actor and on the views as currentUser. */
export function loadActor(accounts: AccountService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const userId = req.session.userId;
    const user = userId === undefined ? undefined : accounts.findUser(userId);
    if (user) {
      req.actor = {
        userId: user.id,
        role: user.role,
        organisationId: user.organisationId,
        branchId: user.branchId,
      };
      res.locals.currentUser = { displayName: user.displayName, role: user.role, home: HOME_OF[user.role] };
    } else {
      res.locals.currentUser = null;
    }
    next();
  };
}

/**
 * Every non-public route goes through this. Not signed in: to the login page (coming back afterwards).
 * Signed in with another role: 403, the area exists but is not theirs. Objects outside a user's reach are
 * refused by the services as "not found" (404), so their ids reveal nothing.
 */
export function requireRole(...roles: Role[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.actor) {
      if (req.method === 'GET' && !req.get('HX-Request')) {
        req.session.returnTo = req.originalUrl;
        res.redirect(303, '/login');
        return;
      }
      next(createHttpError(403));
      return;
    }
    if (!roles.includes(req.actor.role)) {
      next(createHttpError(403));
      return;
    }
    next();
  };
}

/** The actor of a route already behind requireRole. */
export function actorOf(req: Request) {
  if (!req.actor) throw createHttpError(403);
  return req.actor;
}
