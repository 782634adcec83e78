import createHttpError, { isHttpError } from 'http-errors';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log.js';
import { wantsFragment } from './render.js';
import { requestIdOf } from './request-id.js';

/** The message key shown for each status a user can meet; anything else is a 500. */
const MESSAGE_KEYS: Record<number, string> = {
  400: 'errors.badRequest',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  413: 'errors.tooLarge',
  429: 'errors.tooManyRequests',
  500: 'errors.serverError',
};

const API_CODES: Record<number, string> = {
  400: 'malformed_request',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
  500: 'internal_error',
};

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(createHttpError(404));
}

/**
 * The one error handler. Client errors (including body-parser's 400 and 413, and csrf-sync's 403) get
 * their own page or JSON; anything unexpected is logged with the request id and shown as a plain 500.
 * No stack trace ever reaches the user.
 */
export function errorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    // The router throws a plain URIError (status 400) for a path parameter that is not valid percent-encoding
    // ("/applications/%E0%A4"): something a user can type, so a 400, not a 500.
    const status =
      isHttpError(error) && error.status in MESSAGE_KEYS
        ? error.status
        : error instanceof URIError
          ? 400
          : 500;
    if (status === 500) log.error({ err: error, requestId: requestIdOf(req) }, 'unhandled error');
    else log.info({ status, requestId: requestIdOf(req), path: req.path }, 'client error');

    if (req.path.startsWith('/api/')) {
      res.status(status).json({ error: API_CODES[status] });
      return;
    }
    const titleKey = MESSAGE_KEYS[status] ?? 'errors.serverError';
    res.status(status);
    res.render('errors/error', { titleKey }, (renderError: Error | null, body: string) => {
      if (renderError) {
        // The error page itself failed: say so plainly rather than let a stack trace through.
        log.error({ err: renderError, requestId: requestIdOf(req) }, 'error page failed to render');
        res.type('text/plain').send(`${status}`);
        return;
      }
      if (wantsFragment(req)) res.send(body);
      else
        res.render('layouts/page', { titleKey, body }, (layoutError: Error | null, html: string) => {
          if (layoutError) {
            log.error({ err: layoutError, requestId: requestIdOf(req) }, 'error layout failed to render');
            res.send(body);
          } else res.send(html);
        });
    });
  };
}
