import type { Request, Response } from 'express';
import express from 'express';
import createHttpError from 'http-errors';
import type { AppDeps } from '../../app.js';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { parseAck } from '../../domain/application-ack.js';
import type { SensitivityChoice } from '../../domain/application-review.js';
import { TRANSITIONS, type ApplicationAction } from '../../domain/application-status.js';
import type { ActionRequest, QueueQuery } from '../../services/application-service.js';
import type { DecisionOutcome } from '../../services/application-review-service.js';
import { actorOf, requireRole } from '../auth.js';
import { todayInIndia } from '../format.js';
import { formFailure, parseForm, rawValues, type FieldErrors, type FormResult } from '../forms.js';
import { renderPage, wantsFragment } from '../render.js';
import { requestIdOf } from '../request-id.js';
import { DEVANAGARI_FONT, devanagariFontAvailable, renderReportPdf } from '../report-pdf.js';
import { appraisalNotePdf } from './appraisal-note-pdf.js';
import { appraisalNote } from './appraisal-note-view.js';
import {
  commentSchema,
  declineSchema,
  documentCheckSchema,
  queueQuerySchema,
  sensitivitySchema,
  simpleActionSchema,
  termsSchema,
  type QueueQueryForm,
} from './bank-forms.js';
import {
  defaultChoice,
  documentIdsOf,
  filterOptions,
  queueCsv,
  queueView,
  reviewView,
  sensitivityView,
  sensitivityValues,
  statusChoices,
} from './bank-view.js';

// The bank officer's workspace (issue 7): the queue (+ CSV), the review of one frozen application with live
// sensitivity, the document checklist, comments and decisions with maker-checker, and the printable appraisal
// note. Scope is the services' job: another lender's ack is "not found" everywhere.

const CSV_PAGE_SIZE = 100;

/** The officer actions the review page offers as forms; the rest of the machine is the owner's. */
const OFFICER_ACTIONS = [
  'start-review',
  'request-information',
  'recommend',
  'return-to-review',
  'sanction',
  'decline',
] as const satisfies readonly ApplicationAction[];
type OfficerAction = (typeof OFFICER_ACTIONS)[number];

interface FormState {
  form: string;
  errors: FieldErrors;
  values: Record<string, string>;
  notice?: string | undefined;
}

function toQueueQuery(form: QueueQueryForm, catalogue: Catalogue): QueueQuery {
  return {
    statuses: form.status,
    clusterId: form.cluster || undefined,
    technologyId: form.technology || undefined,
    minLoanInr: form.minLoan,
    maxLoanInr: form.maxLoan,
    minAgeDays: form.minAge,
    maxAgeDays: form.maxAge,
    sort: form.sort,
    page: form.page,
    scope: form.scope,
    readiness: { catalogue, bands: form.band },
  };
}

/** The query string of the current filters without the page, for pagination and CSV links. */
function filterQuery(req: Request): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(rawValues(req.query))) {
    if (key === 'page') continue;
    for (const one of Array.isArray(value) ? value : [value]) if (one !== '') params.append(key, one);
  }
  return params.toString();
}

export function bankRoutes(deps: AppDeps): express.Router {
  const { services, catalogue, now, translations } = deps;
  const router = express.Router();
  const officer = requireRole('bank_officer');
  const contextOf = (req: Request) => ({ actor: actorOf(req), requestId: requestIdOf(req) });

  /**
   * The queue page, or for htmx only its results region. Filters that do not parse are answered 422 with their
   * messages, over the whole queue, so a bad link never ends in an error page.
   */
  function renderQueue(req: Request, res: Response, parsed: FormResult<QueueQueryForm>) {
    const actor = actorOf(req);
    const query = parsed.ok ? toQueueQuery(parsed.data, catalogue) : { readiness: { catalogue } };
    const page = services.applications.queue(actor, query);
    if (!page) throw createHttpError(403);
    const view = queueView(page, catalogue, req.lang, now());
    const fragment = wantsFragment(req);
    renderPage(
      req,
      res,
      fragment ? 'bank/_queue-results' : 'bank/applications',
      {
        titleKey: 'bank.applications.title',
        fragment,
        lender: actor.organisationId === null ? undefined : services.organisations.find(actor.organisationId),
        branch: actor.branchId === null ? undefined : services.organisations.branch(actor.branchId),
        queue: view,
        statusOptions: statusChoices(req.t, view.counts),
        options: filterOptions(catalogue, req.lang, req.t),
        filters: filterQuery(req),
        values: parsed.ok ? valuesOf(req) : parsed.values,
        errors: parsed.ok ? {} : parsed.errors,
      },
      parsed.ok ? 200 : 422,
    );
  }

  router.get('/bank/applications', officer, (req, res) => {
    renderQueue(req, res, parseForm(queueQuerySchema, req.query));
  });

  router.get('/bank/applications.csv', officer, (req, res) => {
    const actor = actorOf(req);
    const parsed = parseForm(queueQuerySchema, req.query);
    if (!parsed.ok) {
      renderQueue(req, res, parsed);
      return;
    }
    const query = toQueueQuery(parsed.data, catalogue);
    const items = [];
    for (let page = 1; ; page += 1) {
      const result = services.applications.queue(actor, { ...query, page, pageSize: CSV_PAGE_SIZE });
      if (!result) throw createHttpError(403);
      items.push(...result.items);
      if (page >= result.pageCount) break;
    }
    res.type('text/csv; charset=utf-8');
    res.attachment(`applications-${todayInIndia(now())}.csv`);
    res.send(queueCsv(items, catalogue, now()));
  });

  function ackOf(req: Request): string {
    const ack = parseAck(String(req.params.ack));
    if (!ack) throw createHttpError(404);
    return ack;
  }

  function renderReview(req: Request, res: Response, ack: string, state: FormState | null, status = 200) {
    const file = services.reviews.file(actorOf(req), ack);
    if (!file) throw createHttpError(404);
    const snapshot = file.application.snapshot;
    const parsed = parseForm(sensitivitySchema, req.method === 'GET' ? req.query : {});
    const choice = chosen(defaultChoice(catalogue, snapshot), parsed.ok ? parsed.data : {});
    const page = reviewView(file, { catalogue, lang: req.lang, today: todayInIndia(now()), choice });
    const sensitivityErrors = parsed.ok ? {} : parsed.errors;
    if (wantsFragment(req) && req.method === 'GET') {
      renderPage(
        req,
        res,
        'bank/_sensitivity',
        {
          titleKey: 'bank.review.title',
          sensitivity: sensitivityView(snapshot, choice, req.lang),
        },
        parsed.ok ? 200 : 422,
      );
      return;
    }
    renderPage(
      req,
      res,
      'bank/review',
      {
        titleKey: 'bank.review.title',
        titleValues: { ack },
        page,
        form: state?.form ?? null,
        errors: state?.errors ?? {},
        values: state?.values ?? {},
        notice: state?.notice ?? null,
        sensitivityErrors,
        sensitivityInput: parsed.ok ? sensitivityValues(choice) : parsed.values,
      },
      parsed.ok ? status : 422,
    );
  }

  router.get('/bank/applications/:ack', officer, (req, res) => {
    const ack = ackOf(req);
    // A live sensitivity update is the same look at the file, not a new view of it.
    if (!wantsFragment(req)) {
      if (!services.applications.recordView(actorOf(req), ack, contextOf(req))) throw createHttpError(404);
    }
    renderReview(req, res, ack, null);
  });

  /** The file of the note, its view recorded on the audit trail; another lender's ack is 404. */
  function noteFile(req: Request) {
    const ack = ackOf(req);
    const file = services.reviews.file(actorOf(req), ack);
    if (!file) throw createHttpError(404);
    services.applications.recordView(actorOf(req), ack, contextOf(req));
    return file;
  }

  router.get('/bank/applications/:ack/note', officer, (req, res) => {
    const file = noteFile(req);
    const note = appraisalNote(file, { catalogue, lang: req.lang, today: todayInIndia(now()) });
    renderPage(req, res, 'bank/note', {
      titleKey: 'bank.note.title',
      titleValues: { ack: file.application.ackNumber },
      ...note,
    });
  });

  router.get('/bank/applications/:ack/note.pdf', officer, async (req, res) => {
    const file = noteFile(req);
    const font = devanagariFontAvailable() ? DEVANAGARI_FONT : null;
    // Without a Devanagari font the PDF is in English rather than boxes; the print page is always in Hindi too.
    const lang = font ? req.lang : 'en';
    const note = appraisalNote(file, { catalogue, lang, today: todayInIndia(now()) });
    const pdf = await renderReportPdf(appraisalNotePdf(note, translations.forLang(lang)), font);
    res
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="appraisal-note-${file.application.ackNumber}.pdf"`)
      .send(pdf);
  });

  router.post('/bank/applications/:ack/comment', officer, (req, res) => {
    const ack = ackOf(req);
    const parsed = parseForm(commentSchema, req.body);
    if (!parsed.ok) {
      renderReview(req, res, ack, { form: 'comment', ...parsed }, 422);
      return;
    }
    const outcome = services.applications.comment(actorOf(req), ack, parsed.data, contextOf(req));
    if (!outcome.ok && outcome.reason === 'not-found') throw createHttpError(404);
    if (!outcome.ok) {
      renderReview(
        req,
        res,
        ack,
        { form: 'comment', ...formFailure(req.body, { message: 'bank.errors.message' }) },
        422,
      );
      return;
    }
    res.redirect(303, `/bank/applications/${ack}#trail`);
  });

  router.post('/bank/applications/:ack/checklist', officer, (req, res) => {
    const ack = ackOf(req);
    const file = services.reviews.file(actorOf(req), ack);
    if (!file) throw createHttpError(404);
    const parsed = parseForm(documentCheckSchema(documentIdsOf(file, catalogue)), req.body);
    const documentId = rawValues(req.body).documentId;
    const formName = `check-${typeof documentId === 'string' ? documentId : ''}`;
    if (!parsed.ok) {
      renderReview(req, res, ack, { form: formName, ...parsed }, 422);
      return;
    }
    const outcome = services.reviews.markDocument(actorOf(req), ack, parsed.data, contextOf(req));
    if (!outcome.ok) {
      if (outcome.reason === 'not-found') throw createHttpError(404);
      const errors: FieldErrors =
        outcome.reason === 'closed' ? { _form: 'bank.errors.closed' } : { reason: outcome.error };
      renderReview(
        req,
        res,
        ack,
        { form: formName, ...formFailure(req.body, errors) },
        outcome.reason === 'closed' ? 409 : 422,
      );
      return;
    }
    res.redirect(303, `/bank/applications/${ack}#checklist`);
  });

  router.post('/bank/applications/:ack/actions/:action', officer, (req, res) => {
    const ack = ackOf(req);
    const action = OFFICER_ACTIONS.find((candidate) => candidate === req.params.action);
    if (!action) throw createHttpError(404);
    const parsed = parseAction(action, req.body);
    if (!parsed.ok) {
      renderReview(req, res, ack, { form: action, errors: parsed.errors, values: parsed.values }, 422);
      return;
    }
    const outcome = services.reviews.decide(
      actorOf(req),
      ack,
      parsed.version,
      parsed.request,
      contextOf(req),
    );
    if (outcome.ok) {
      res.redirect(303, `/bank/applications/${ack}`);
      return;
    }
    const failure = failureOf(outcome);
    if (!failure) throw createHttpError(404);
    renderReview(
      req,
      res,
      ack,
      { form: action, ...formFailure(req.body, failure.errors), notice: failure.notice },
      failure.status,
    );
  });

  return router;
}

function valuesOf(req: Request): Record<string, string> {
  return Object.fromEntries(
    Object.entries(rawValues(req.query)).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(',') : value,
    ]),
  );
}

function chosen(defaults: SensitivityChoice, form: Partial<Record<string, unknown>>): SensitivityChoice {
  const data = form as {
    shortfall?: SensitivityChoice['savingsShortfallPct'];
    tariff?: SensitivityChoice['tariffChangePct'];
    rateRise?: SensitivityChoice['rateRisePoints'];
    delay?: number;
  };
  return {
    savingsShortfallPct: data.shortfall ?? defaults.savingsShortfallPct,
    tariffChangePct: data.tariff ?? defaults.tariffChangePct,
    rateRisePoints: data.rateRise ?? defaults.rateRisePoints,
    delayMonths: data.delay ?? defaults.delayMonths,
  };
}

type ParsedAction =
  | { ok: true; version: number; request: ActionRequest }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

function parseAction(action: OfficerAction, body: unknown): ParsedAction {
  if (action === 'recommend' || action === 'sanction') {
    const parsed = parseForm(termsSchema, body);
    if (!parsed.ok) return parsed;
    const { version, amount, rate, tenure, conditions, message } = parsed.data;
    return {
      ok: true,
      version,
      request: {
        action,
        message: message || undefined,
        sanction: { amountInr: amount, ratePct: rate, tenureMonths: tenure, conditions },
      },
    };
  }
  if (action === 'decline') {
    const parsed = parseForm(declineSchema, body);
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      version: parsed.data.version,
      request: { action, reasons: parsed.data.reasons, message: parsed.data.message || undefined },
    };
  }
  const parsed = parseForm(simpleActionSchema(TRANSITIONS[action].needsMessage), body);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    version: parsed.data.version,
    request: { action, message: parsed.data.message || undefined },
  };
}

/** How a refused decision is answered; undefined = not found. */
function failureOf(
  outcome: Exclude<DecisionOutcome, { ok: true }>,
): { status: number; errors: FieldErrors; notice?: string } | undefined {
  switch (outcome.reason) {
    case 'not-found':
      return undefined;
    case 'not-allowed':
      return { status: 409, errors: { _form: 'bank.errors.notAllowed' } };
    case 'conflict':
      return { status: 409, errors: { _form: 'bank.errors.conflict' }, notice: 'bank.errors.conflict' };
    case 'invalid':
      return {
        status: 422,
        errors: { [outcome.field === 'sanction' ? 'amount' : outcome.field]: `bank.errors.${outcome.field}` },
      };
    case 'maker-checker':
      return {
        status: 409,
        errors: {
          _form:
            outcome.refusal === 'self-approval' ? 'bank.errors.selfApproval' : 'bank.errors.pendingExists',
        },
      };
  }
}
