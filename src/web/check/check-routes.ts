import { Decimal } from 'decimal.js';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { DOCUMENT_IDS, recentFiscalYears } from '../../domain/enterprise-profile.js';
import { quickCheck } from '../../domain/quick-check.js';
import type { EnterpriseProfileService } from '../../services/enterprise-profile-service.js';
import { todayInIndia } from '../format.js';
import { rawValues, type FieldErrors } from '../forms.js';
import { renderPage, wantsFragment } from '../render.js';
import { requestIdOf } from '../request-id.js';
import { CHECK_FIELDS, checkForm, type CheckAnswers } from './check-form.js';
import { checkView } from './check-view.js';

const nameForm = z.object({
  enterpriseName: z
    .string()
    .trim()
    .min(1, { error: 'check.errors.enterpriseName' })
    .max(150, { error: 'enterprises.errors.nameTooLong' }),
});

/**
 * /check: the quick check, no account. Every answer is parsed on its own, so one bad figure gets its message
 * while the results for the others still show. htmx asks for the results region only as answers come in.
 * POST /check/save carries the answers into sign-up (or straight into a new enterprise for a signed-in owner).
 */
export function checkRoutes(
  catalogue: Catalogue,
  profiles: EnterpriseProfileService,
  now: () => Date,
): { router: express.Router; carryIntoNewAccount: (req: Request) => string | undefined } {
  const router = express.Router();
  const schema = checkForm((id) => catalogue.clusterById(id) !== undefined);

  function parseAnswers(body: unknown): {
    answers: Partial<CheckAnswers>;
    errors: FieldErrors;
    values: Record<string, string>;
  } {
    const raw = rawValues(body);
    const answers: Record<string, unknown> = {};
    const errors: FieldErrors = {};
    const values: Record<string, string> = {};
    for (const field of CHECK_FIELDS) {
      const value = raw[field];
      const text = typeof value === 'string' ? value : undefined;
      if (text !== undefined) values[field] = text;
      const parsed = schema.shape[field].safeParse(text);
      if (parsed.success) answers[field] = parsed.data;
      else errors[field] = parsed.error.issues[0]?.message ?? 'forms.invalid';
    }
    return { answers: answers, errors, values };
  }

  function results(answers: Partial<CheckAnswers>, lang: Request['lang']) {
    const asOf = todayInIndia(now());
    const cluster = answers.clusterId ? catalogue.clusterById(answers.clusterId) : undefined;
    const result = quickCheck(
      {
        cluster,
        investmentInr: answers.investmentInr,
        turnoverInr: answers.turnoverInr,
        furnace: answers.furnace,
        monthlyEnergyBillInr: answers.monthlyEnergyBillInr,
        monthlyProductionTonnes: answers.monthlyProductionTonnes,
        ownership:
          answers.ownership === undefined
            ? undefined
            : answers.ownership === 'none'
              ? []
              : [answers.ownership],
      },
      catalogue,
      asOf,
    );
    return checkView(result, { lang, cluster, technologyById: (id) => catalogue.technologyById(id) });
  }

  function render(req: Request, res: Response, extra: Record<string, unknown> = {}, status?: number): void {
    const { answers, errors, values } = parseAnswers(req.method === 'GET' ? req.query : req.body);
    renderPage(
      req,
      res,
      wantsFragment(req) ? 'check/_results' : 'check/index',
      {
        titleKey: 'check.title',
        clusters: catalogue.clusters,
        values,
        errors,
        view: results(answers, req.lang),
        documentIds: DOCUMENT_IDS,
        answered: Object.keys(values).filter((key) => values[key] !== '').length,
        saveErrors: {},
        ...extra,
      },
      status ?? (Object.keys(errors).length > 0 ? 422 : 200),
    );
  }

  router.get('/check', (req, res) => render(req, res));

  router.post('/check/save', (req, res) => {
    const { answers, errors } = parseAnswers(req.body);
    const named = nameForm.safeParse(req.body);
    const saveErrors: FieldErrors = named.success
      ? {}
      : { enterpriseName: named.error.issues[0]?.message ?? 'forms.invalid' };
    if (!answers.clusterId) saveErrors.clusterId = 'check.errors.clusterToSave';
    if (!named.success || Object.keys(errors).length > 0 || !answers.clusterId) {
      render(req, res, { saveErrors, enterpriseName: rawValues(req.body).enterpriseName ?? '' }, 422);
      return;
    }
    const raw = rawValues(req.body);
    const carried = {
      name: named.data.enterpriseName,
      answers: Object.fromEntries(CHECK_FIELDS.map((f) => [f, String(raw[f] ?? '')])),
    };
    if (req.actor?.role === 'owner') {
      const id = adopt(profiles, req, carried.name, answers);
      res.redirect(303, `/enterprises/${id}`);
      return;
    }
    req.session.quickCheck = carried;
    res.redirect(303, '/signup?from=check');
  });

  /** After sign-up: answers carried from the quick check become the new owner's first enterprise. */
  function carryIntoNewAccount(req: Request): string | undefined {
    const carried = req.session.quickCheck;
    if (!carried || req.actor?.role !== 'owner') return undefined;
    delete req.session.quickCheck;
    const { answers } = parseAnswers(carried.answers);
    if (!answers.clusterId) return undefined;
    return `/enterprises/${adopt(profiles, req, carried.name, answers)}`;
  }

  return { router, carryIntoNewAccount };

  function adopt(
    service: EnterpriseProfileService,
    req: Request,
    name: string,
    answers: Partial<CheckAnswers>,
  ): number {
    const actor = req.actor;
    if (!actor || !answers.clusterId) throw new Error('adopt needs a signed-in owner and a cluster');
    const twelve = new Decimal(12);
    const bill = answers.monthlyEnergyBillInr?.times(twelve) ?? null;
    const production = answers.monthlyProductionTonnes?.times(twelve) ?? null;
    const latest = recentFiscalYears(todayInIndia(now()), 1)[0];
    return service.startFromQuickCheck(
      actor,
      {
        name,
        clusterId: answers.clusterId,
        investmentInr: answers.investmentInr ?? null,
        ownership:
          answers.ownership === undefined ? null : answers.ownership === 'none' ? [] : [answers.ownership],
        energy: {
          productionTonnes: production,
          electricityKwh: null,
          contractDemandKva: null,
          connectedLoadKw: null,
          cokeTonnes: null,
          naturalGasScm: null,
          lpgKg: null,
          dieselLitres: null,
          furnaceOilKl: null,
          annualEnergyBillInr: bill,
        },
        latestYear:
          answers.turnoverInr && latest
            ? {
                fiscalYear: latest,
                revenueInr: answers.turnoverInr,
                profitAfterTaxInr: null,
                depreciationInr: null,
                interestInr: null,
                termLoanRepaymentInr: null,
                currentAssetsInr: null,
                currentLiabilitiesInr: null,
                totalOutsideLiabilitiesInr: null,
                netWorthInr: null,
                intangibleAssetsInr: null,
              }
            : null,
      },
      { actor, requestId: requestIdOf(req) },
    );
  }
}
