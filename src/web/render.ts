import type { Request, Response } from 'express';

export interface PageLocals {
  /** i18n key of the page title (also the h1 unless the view says otherwise). */
  titleKey: string;
  titleValues?: Record<string, unknown>;
  [name: string]: unknown;
}

/** htmx asks for a fragment when it targets part of the page; everything else gets the whole layout. */
export function wantsFragment(req: Request): boolean {
  return req.get('HX-Request') === 'true' && req.get('HX-Request-Type') === 'partial';
}

/**
 * The one way to answer with HTML: renders `view` and, unless htmx asked for a fragment, wraps it in
 * layouts/page. One template serves both, so the URL answers both and varies on HX-Request.
 */
export function renderPage(
  req: Request,
  res: Response,
  view: string,
  locals: PageLocals,
  status = 200,
): void {
  res.vary('HX-Request');
  res.status(status);
  res.render(view, locals, (error: Error | null, body: string) => {
    if (error) {
      req.next?.(error);
      return;
    }
    if (wantsFragment(req)) {
      res.send(body);
      return;
    }
    res.render('layouts/page', { ...locals, body });
  });
}
