import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Application } from '../../db/application-repository.js';
import { APPLICATION_STATUSES, DECLINE_REASONS } from '../../domain/application-status.js';
import { moneyString } from '../../domain/money.js';
import type { ApiClient, ApiTokenService } from '../../services/api-token-service.js';
import type { ActionRequest, ApplicationService } from '../../services/application-service.js';
import type { ApplicationReviewService } from '../../services/application-review-service.js';
import { requestIdOf } from '../request-id.js';
import { countField, invalidRequestBody, moneyField, percentField } from './api-validation.js';

// The API for lenders' systems (issue 7): a lender's applications, each as its frozen snapshot, and decisions on
// them. Authorization: Bearer <token>; the token acts as the lender officer an admin named when creating it, so
// every rule of the officer's pages holds: another lender's file is 404; the status machine; one pending
// recommendation at a time; and above the maker-checker limit a sanction needs an officer other than the one who
// recommended (a token cannot sanction what it recommended itself: a second officer does, on the pages or with a
// token acting as them).

export interface LenderApiDeps {
  apiTokens: ApiTokenService;
  applications: ApplicationService;
  reviews: ApplicationReviewService;
}

/** The decisions a lender's system may take: the officer's actions (comments stay on the pages). */
export const API_DECISIONS = [
  'start-review',
  'request-information',
  'recommend',
  'return-to-review',
  'sanction',
  'decline',
] as const;

export const decisionRequestSchema = z
  .strictObject(
    {
      action: z.enum(API_DECISIONS, {
        error: (issue) =>
          issue.input === undefined
            ? 'action is required'
            : `action must be one of ${API_DECISIONS.join(', ')}`,
      }),
      message: z
        .string({ error: 'message must be a string' })
        .max(4000, { error: 'message must be at most 4000 characters' })
        .optional()
        .meta({ description: "The question, or the officer's words to the applicant" }),
      reasons: z
        .array(
          z.enum(DECLINE_REASONS, { error: `each reason must be one of ${DECLINE_REASONS.join(', ')}` }),
          {
            error: 'reasons must be a list',
          },
        )
        .optional(),
      sanction: z
        .strictObject({
          amountInr: moneyField('sanction.amountInr', { positive: true }),
          ratePct: percentField('sanction.ratePct'),
          tenureMonths: countField('sanction.tenureMonths', 1, 360),
          conditions: z.string({ error: 'sanction.conditions must be a string' }).max(4000).default(''),
        })
        .optional(),
      expectedVersion: z
        .int({ error: 'expectedVersion must be a whole number' })
        .min(1)
        .optional()
        .meta({ description: 'The version read; a decision on a file changed since is a 409 conflict' }),
    },
    { error: 'The request body must be a JSON object' },
  )
  .superRefine((body, ctx) => {
    if (body.action === 'request-information' || body.action === 'return-to-review') {
      if ((body.message ?? '').trim() === '')
        ctx.addIssue({
          code: 'custom',
          path: ['message'],
          message: `message is required for ${body.action}`,
        });
    }
    if (body.action === 'decline' && (body.reasons ?? []).length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['reasons'],
        message: 'reasons needs at least one reason to decline',
      });
    if (body.action === 'sanction' && body.sanction === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['sanction'],
        message: 'sanction terms are required to sanction',
      });
  });

const statusQuerySchema = z.strictObject({
  status: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw) =>
      raw === undefined
        ? []
        : [raw]
            .flat()
            .flatMap((s) => s.split(','))
            .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(APPLICATION_STATUSES, { error: `status must be among ${APPLICATION_STATUSES.join(', ')}` }),
      ),
    ),
  page: z.coerce.number({ error: 'page must be a whole number' }).int().min(1).optional(),
  pageSize: z.coerce.number({ error: 'pageSize must be a whole number' }).int().min(1).max(100).optional(),
});

const summaryOf = (application: Omit<Application, 'snapshot'>) => ({
  ackNumber: application.ackNumber,
  status: application.status,
  version: application.version,
  branchId: application.branchId,
  enterpriseName: application.enterpriseName,
  clusterId: application.clusterId,
  technologyId: application.technologyId,
  capexInr: moneyString(application.capexInr),
  loanInr: moneyString(application.loanInr),
  tenureMonths: application.tenureMonths,
  moratoriumMonths: application.moratoriumMonths,
  rulesVersion: application.rulesVersion,
  assessedOn: application.assessedOn,
  submittedAt: application.submittedAt,
  updatedAt: application.updatedAt,
});

export function lenderApiRoutes(deps: LenderApiDeps): express.Router {
  const router = express.Router();
  const clients = new WeakMap<Request, ApiClient>();

  router.use((req, res, next) => {
    const match = /^Bearer ([\w-]+)$/.exec(req.get('authorization') ?? '');
    const client = match ? deps.apiTokens.authenticate(match[1]!) : undefined;
    if (!client) {
      res.set('WWW-Authenticate', 'Bearer realm="haritsetu"');
      res
        .status(401)
        .json({ error: 'unauthorized', message: 'Send Authorization: Bearer <token> with a live token' });
      return;
    }
    clients.set(req, client);
    next();
  });
  const clientOf = (req: Request) => clients.get(req)!;
  const contextOf = (req: Request, client: ApiClient) => ({
    actor: client.actor,
    requestId: requestIdOf(req),
  });
  const notFound = (res: Response) => res.status(404).json({ error: 'not_found' });

  router.get('/', (req, res) => {
    const query = statusQuerySchema.safeParse(req.query);
    if (!query.success) {
      res.status(422).json(invalidRequestBody(query.error));
      return;
    }
    const { status, page, pageSize } = query.data;
    const result = deps.applications.queue(clientOf(req).actor, {
      scope: 'lender',
      statuses: status.length > 0 ? status : undefined,
      sort: 'oldest',
      page,
      pageSize,
    });
    if (!result) {
      notFound(res);
      return;
    }
    res.json({
      applications: result.items.map(summaryOf),
      page: result.page,
      pageSize: result.pageSize,
      total: result.total,
      pageCount: result.pageCount,
    });
  });

  router.get('/:ack', (req, res) => {
    const client = clientOf(req);
    const view = deps.applications.forOfficer(client.actor, req.params.ack);
    if (!view) {
      notFound(res);
      return;
    }
    deps.applications.recordView(client.actor, view.application.ackNumber, contextOf(req, client));
    res.json({
      ...summaryOf(view.application),
      lender: view.lender && { id: view.lender.id, name: view.lender.name },
      branch: view.branch && { id: view.branch.id, name: view.branch.name, city: view.branch.city },
      actions: view.actions,
      snapshot: view.application.snapshot,
    });
  });

  router.post('/:ack/decision', (req, res) => {
    if (!req.is('application/json')) {
      res
        .status(415)
        .json({ error: 'unsupported_media_type', message: 'Send Content-Type: application/json' });
      return;
    }
    const client = clientOf(req);
    const view = deps.applications.forOfficer(client.actor, req.params.ack);
    if (!view) {
      notFound(res);
      return;
    }
    const parsed = decisionRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(422).json(invalidRequestBody(parsed.error));
      return;
    }
    const body = parsed.data;
    const request: ActionRequest = {
      action: body.action,
      message: body.message,
      reasons: body.action === 'decline' ? body.reasons : undefined,
      sanction: body.action === 'sanction' ? body.sanction : undefined,
    };
    const ack = view.application.ackNumber;
    const context = contextOf(req, client);
    const outcome = deps.reviews.decide(
      client.actor,
      ack,
      body.expectedVersion ?? view.application.version,
      request,
      context,
    );
    if (outcome.ok) {
      deps.apiTokens.recordApiUse(client, body.action, ack, context);
      res.json({ ackNumber: ack, status: outcome.status, version: outcome.version });
      return;
    }
    switch (outcome.reason) {
      case 'not-found':
        notFound(res);
        return;
      case 'not-allowed':
        res.status(409).json({
          error: 'not_allowed',
          message: `${body.action} is not allowed while the application is ${outcome.status}`,
          status: outcome.status,
        });
        return;
      case 'conflict':
        res.status(409).json({
          error: 'conflict',
          message: 'The application changed since that version: read it again',
          status: outcome.current.status,
          version: outcome.current.version,
        });
        return;
      case 'maker-checker':
        res.status(409).json({
          error: 'maker_checker',
          refusal: outcome.refusal,
          message:
            outcome.refusal === 'self-approval'
              ? 'Above the second-approval limit a different officer must sanction what this officer recommended'
              : 'A recommendation is already waiting for a second officer',
        });
        return;
      case 'invalid':
        res.status(422).json({
          error: 'invalid_request',
          issues: [{ path: outcome.field, message: `${outcome.field} is missing or not acceptable` }],
        });
        return;
    }
  });

  return router;
}
