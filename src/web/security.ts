import { csrfSync } from 'csrf-sync';
import session from 'express-session';
import helmet from 'helmet';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Strict CSP: scripts and styles only from our own origin, no inline anything. htmx is configured
 * (meta htmx-config) not to inject its indicator style and we use no hx-on / js: attributes, so it needs
 * neither 'unsafe-inline' nor 'unsafe-eval'.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
}

export interface SessionOptions {
  secret: string;
  idleMinutes: number;
  secureCookies: boolean;
  store: session.Store;
}

/** Sessions in SQLite; the idle timeout is a rolling cookie whose life restarts with every request. */
export function sessions(options: SessionOptions): RequestHandler {
  return session({
    name: 'haritsetu.sid',
    secret: options.secret,
    store: options.store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      maxAge: options.idleMinutes * 60_000,
    },
  });
}

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  // Forms send a hidden field; htmx sends the header set on <body hx-headers:inherited>.
  getTokenFromRequest: (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    const fromBody = body?._csrf;
    if (typeof fromBody === 'string') return fromBody;
    // A file upload's body is read only by its route (multer), after this check: such a form carries its token
    // in the action URL instead. Only multipart requests may, so ordinary forms cannot be sent that way.
    const fromQuery: unknown = req.query._csrf;
    if (req.is('multipart/form-data') && typeof fromQuery === 'string') return fromQuery;
    return req.get('X-CSRF-Token');
  },
});

/** Synchroniser-token CSRF protection on every state-changing request, and the token for the views. */
export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  csrfSynchronisedProtection(req, res, (error?: unknown) => {
    if (error) {
      next(error);
      return;
    }
    res.locals.csrfToken = generateToken(req);
    next();
  });
}
