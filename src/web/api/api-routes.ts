import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import type { Services } from '../../services/services.js';
import { todayInIndia } from '../format.js';
import { classificationResponse } from './classification-api.js';
import { economicsResponse } from './economics-api.js';
import { apiJsonBody } from './json-body.js';
import { lenderApiRoutes } from './lender-api.js';
import { openApiDocument } from './openapi.js';
import { schemeDocument, schemeList } from './scheme-catalogue-api.js';
import { matchesResponse } from './scheme-matches-api.js';
import { knownDocumentIds, readinessResponse } from './readiness-api.js';

export interface ApiDeps {
  catalogue: Catalogue;
  now: () => Date;
  /** Requests allowed per client address per minute. */
  requestsPerMinute: number;
  /** For the lenders' API (bearer tokens, applications, decisions). */
  services: Pick<Services, 'apiTokens' | 'applications' | 'reviews'>;
}

// A client's rate-limit key (its address, or its /56 for IPv6) takes parsing the address; under load that cost a
// tenth of an economics call, so each address's key is remembered. Bounded: cleared past MAX_REMEMBERED.
const MAX_REMEMBERED = 10_000;
const clientKeys = new Map<string, string>();
function clientKey(req: Request): string {
  const ip = req.ip ?? '';
  let key = clientKeys.get(ip);
  if (key === undefined) {
    if (clientKeys.size >= MAX_REMEMBERED) clientKeys.clear();
    key = ipKeyGenerator(ip);
    clientKeys.set(ip, key);
  }
  return key;
}

/**
 * JSON API v1 (design/api-v1.md): stateless, no login, no session and so no CSRF; rate-limited per client
 * address; malformed JSON is a 400, bad input a 422 listing every issue.
 */
export function apiRoutes(deps: ApiDeps): express.Router {
  const router = express.Router();
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: deps.requestsPerMinute,
      keyGenerator: clientKey,
      // draft-7's RateLimit header carries no hashed partition key (draft-8 hashes it on every request).
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429).json({ error: 'rate_limited' });
      },
    }),
  );
  router.use(apiJsonBody(256 * 1024));
  const jsonErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
    if (error.type === 'entity.parse.failed') res.status(400).json({ error: 'malformed_json' });
    else if (error.type === 'entity.too.large') res.status(413).json({ error: 'payload_too_large' });
    else next(error);
  };
  router.use(jsonErrors);

  const today = () => todayInIndia(deps.now());
  const rulesVersion = deps.catalogue.version;
  const requireJson = (req: Request, res: Response): boolean => {
    if (req.is('application/json')) return true;
    res.status(415).json({ error: 'unsupported_media_type', message: 'Send Content-Type: application/json' });
    return false;
  };

  router.post('/economics', (req, res) => {
    if (!requireJson(req, res)) return;
    const result = economicsResponse(req.body, { rulesVersion, asOf: today() });
    res.status(result.status).json(result.body);
  });

  router.post('/classification', (req, res) => {
    if (!requireJson(req, res)) return;
    const result = classificationResponse(req.body, { catalogue: deps.catalogue, asOf: today() });
    res.status(result.status).json(result.body);
  });

  const knownDocuments = knownDocumentIds(deps.catalogue);
  router.post('/readiness', (req, res) => {
    if (!requireJson(req, res)) return;
    const result = readinessResponse(req.body, { catalogue: deps.catalogue, asOf: today(), knownDocuments });
    res.status(result.status).json(result.body);
  });

  router.post('/matches', (req, res) => {
    if (!requireJson(req, res)) return;
    const result = matchesResponse(req.body, { catalogue: deps.catalogue, asOf: today() });
    // The answer comes as JSON text (matches-json.ts); sent as res.json sends its own, with the same headers.
    if (result.status === 200) res.type('application/json').send(result.json);
    else res.status(result.status).json(result.body);
  });

  router.get('/schemes', (_req, res) => {
    res.json(schemeList(deps.catalogue, today()));
  });

  router.get('/schemes/:id', (req, res) => {
    const scheme = deps.catalogue.schemeById(req.params.id);
    if (!scheme) {
      res.status(404).json({ error: 'not_found', rulesVersion, asOf: today() });
      return;
    }
    res.json({ scheme: schemeDocument(scheme, today()), rulesVersion, asOf: today() });
  });

  router.get('/technologies', (_req, res) => {
    res.json({ technologies: deps.catalogue.technologies, rulesVersion, asOf: today() });
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument(rulesVersion));
  });

  // Lenders' systems, with a bearer token (issue 7).
  router.use('/applications', lenderApiRoutes(deps.services));

  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  return router;
}
