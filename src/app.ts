import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type session from 'express-session';
import { stdSerializers } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Catalogue } from './catalogue/load-catalogue.js';
import type { Logger } from './log.js';
import type { Services } from './services/services.js';
import { apiRoutes } from './web/api/api-routes.js';
import { assetUrls, HTMX_URL, staticAssets } from './web/assets.js';
import { loadActor } from './web/auth.js';
import { errorHandler, notFound } from './web/errors.js';
import { formatDate, formatDateTime } from './web/format.js';
import { chooseLanguage, type Translations } from './web/i18n.js';
import { genRequestId } from './web/request-id.js';
import { routes } from './web/routes.js';
import { csrfProtection, securityHeaders, sessions } from './web/security.js';

export interface AppDeps {
  services: Services;
  catalogue: Catalogue;
  translations: Translations;
  log: Logger;
  sessionStore: session.Store;
  sessionSecret: string;
  sessionIdleMinutes: number;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* and mark cookies Secure. */
  trustProxy: boolean;
  production: boolean;
  viewsDir: string;
  publicDir: string;
  /** Requests allowed per client on POST /login in 15 minutes. */
  loginAttemptsPerWindow: number;
  /** Requests allowed per client address per minute on the JSON API. */
  apiRequestsPerMinute: number;
  /** The clock: today's date is the default asOf. */
  now: () => Date;
}

/** The composition root of the web app: reads like a table of contents. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.set('views', deps.viewsDir);
  app.set('view engine', 'ejs');
  app.set('view cache', deps.production);
  Object.assign(app.locals, {
    assetUrl: assetUrls(deps.publicDir),
    htmxUrl: HTMX_URL,
    formatDate,
    formatDateTime,
    catalogueVersion: deps.catalogue.version,
  });

  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: genRequestId,
      // Request lines are logged at info; below that level nothing would be written, so nothing is prepared.
      autoLogging: deps.log.isLevelEnabled('info') ? { ignore: (req) => req.url === '/healthz' } : false,
      // Multipart uploads carry the CSRF token in the query string; it has no place in the logs.
      serializers: {
        req: stdSerializers.wrapRequestSerializer((req) => ({
          ...req,
          url: req.url.replace(/([?&]_csrf=)[^&]*/, '$1[redacted]'),
          query: {
            ...(req.query as Record<string, unknown>),
            ...('_csrf' in (req.query as object) ? { _csrf: '[redacted]' } : {}),
          },
        })),
      },
    }),
  );
  app.use(securityHeaders());
  app.use(staticAssets(deps.publicDir));
  app.get('/healthz', (_req, res) => {
    const ok = deps.services.healthy();
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'unavailable', rulesVersion: deps.catalogue.version });
  });
  // The JSON API is stateless: it comes before sessions and CSRF, which protect the browser pages.
  app.use(
    '/api/v1',
    apiRoutes({
      catalogue: deps.catalogue,
      now: deps.now,
      requestsPerMinute: deps.apiRequestsPerMinute,
      services: deps.services,
    }),
  );
  app.use(cookieParser());
  app.use(chooseLanguage(deps.translations));
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 500 }));
  app.use(express.json({ limit: '256kb' }));
  app.use((req, res, next) => {
    // Where the language switcher returns to.
    res.locals.currentPath = req.originalUrl;
    next();
  });
  app.use(
    sessions({
      secret: deps.sessionSecret,
      idleMinutes: deps.sessionIdleMinutes,
      secureCookies: deps.trustProxy,
      store: deps.sessionStore,
    }),
  );
  app.use(csrfProtection);
  app.use(loadActor(deps.services.accounts));
  app.use(routes(deps));
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
