import { Decimal } from 'decimal.js';
import express, { type Request, type Response } from 'express';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { stateCodes, type StateCode } from '../../domain/catalogue-types.js';
import type { EnterpriseEnergyUse } from '../../domain/energy/energy-baseline.js';
import type { BaselineStream, Overrides } from '../../domain/energy/energy-streams.js';
import { assessTechnology } from '../../domain/energy/technology-savings.js';
import type { LoanTerms } from '../../domain/finance/loan.js';
import { todayInIndia } from '../format.js';
import { parseForm, rawValues } from '../forms.js';
import { renderPage, wantsFragment } from '../render.js';
import { calculatorForm, FIELD_KINDS, type CalculatorForm, type FieldName } from './calculator-form.js';
import {
  calculatorResult,
  clusterOptions,
  figureRow,
  needsRow,
  technologyOptions,
} from './calculator-view.js';

// GET /calculator: the public savings and finance calculator. One URL answers the full page (no JavaScript, or
// a shared link) and, for htmx, just the results region; a bad figure is a 422 with the message by its field.

const AMOUNT_FIELDS: Readonly<Record<BaselineStream, FieldName>> = {
  electricity: 'electricityKwh',
  coke: 'cokeTonnes',
  'natural-gas': 'naturalGasScm',
  lpg: 'lpgKg',
  diesel: 'dieselLitres',
  'furnace-oil': 'furnaceOilKilolitres',
  'new-sand': 'newSandTonnes',
};

const NOT_OVERRIDES = new Set<string>([
  'productionTonnes',
  'contractDemandKva',
  ...Object.values(AMOUNT_FIELDS),
  ...Object.keys(FIELD_KINDS).filter((name) => name.startsWith('loan')),
]);

const START = { technology: 'divided-blast-cupola', cluster: 'batala-foundry' };

function loanTerms(form: CalculatorForm): LoanTerms | undefined {
  if (
    form.loanPrincipalInr === undefined ||
    form.loanRatePct === undefined ||
    form.loanTenureMonths === undefined
  )
    return undefined;
  const months = (value: Decimal | undefined) => value?.toNumber() ?? 0;
  return {
    principalInr: form.loanPrincipalInr,
    annualRatePct: form.loanRatePct,
    tenureMonths: months(form.loanTenureMonths),
    moratoriumMonths: months(form.loanMoratoriumMonths),
    interestSubventionPct: form.loanSubventionPct ?? new Decimal(0),
    subventionMonths: months(form.loanSubventionMonths),
  };
}

function overridesFrom(form: CalculatorForm): Overrides {
  const overrides: Record<string, Decimal> = {};
  for (const name of Object.keys(FIELD_KINDS) as FieldName[]) {
    const value = form[name];
    if (value !== undefined && !NOT_OVERRIDES.has(name)) overrides[name] = value;
  }
  return overrides;
}

function energyUse(form: CalculatorForm, state: StateCode): EnterpriseEnergyUse {
  const amounts: Partial<Record<BaselineStream, Decimal>> = {};
  for (const [stream, field] of Object.entries(AMOUNT_FIELDS) as [BaselineStream, FieldName][]) {
    const value = form[field];
    if (value !== undefined) amounts[stream] = value;
  }
  return {
    state,
    productionTonnes: form.productionTonnes ?? new Decimal(0),
    amounts,
    contractDemandKva: form.contractDemandKva,
  };
}

export function calculatorRoutes(catalogue: Catalogue, now: () => Date): express.Router {
  const router = express.Router();
  const tariffStates = stateCodes.filter(
    (code) => catalogue.parameters.electricityTariffs[code] !== undefined,
  );
  const schema = calculatorForm({
    technology: (id) => catalogue.technologyById(id) !== undefined,
    cluster: (id) => catalogue.clusterById(id) !== undefined,
    state: (code) => (tariffStates as readonly string[]).includes(code),
  });

  function render(req: Request, res: Response, locals: Record<string, unknown>, status = 200): void {
    const lang = req.lang;
    renderPage(
      req,
      res,
      wantsFragment(req) ? 'calculator/_results' : 'calculator/index',
      {
        titleKey: 'calculator.title',
        technologyOptions: technologyOptions(catalogue.technologies, lang),
        clusterOptions: clusterOptions(catalogue.clusters, lang),
        stateOptions: tariffStates.map((code) => ({
          value: code,
          label: req.t(`calculator.states.${code}`),
        })),
        errors: {},
        result: null,
        preview: null,
        ...locals,
      },
      status,
    );
  }

  router.get('/calculator', (req, res) => {
    const asOf = todayInIndia(now());
    const query = rawValues(req.query);
    if (!('technology' in query)) {
      // First visit: the defaults that will apply, each with its source, before any figure is typed.
      const technology = catalogue.technologyById(START.technology);
      const cluster = catalogue.clusterById(START.cluster);
      const preview =
        technology && cluster
          ? assessTechnology(catalogue.parameters, technology, {
              use: {
                state: cluster.state,
                productionTonnes: new Decimal(1),
                amounts: { electricity: new Decimal(1), coke: new Decimal(1) },
              },
              sector: cluster.sector,
              asOf,
            })
          : null;
      render(req, res, {
        values: START,
        asOf,
        preview: preview && {
          figures: preview.figures.map(figureRow),
          needsInput: preview.needsInput.map(needsRow),
        },
      });
      return;
    }
    const parsed = parseForm(schema, query);
    if (!parsed.ok) {
      render(req, res, { values: parsed.values, errors: parsed.errors, asOf }, 422);
      return;
    }
    const form = parsed.data;
    const technology = catalogue.technologyById(form.technology);
    const cluster = form.cluster === undefined ? undefined : catalogue.clusterById(form.cluster);
    const state = (cluster?.state ?? form.state) as StateCode;
    if (technology === undefined) throw new Error('technology validated by the form schema');
    const assessment = assessTechnology(catalogue.parameters, technology, {
      use: energyUse(form, state),
      sector: cluster?.sector ?? technology.applicability.sectors[0] ?? 'foundry',
      asOf,
      overrides: overridesFrom(form),
      loan: loanTerms(form),
    });
    render(req, res, {
      values: rawValues(req.query),
      asOf,
      result: calculatorResult(assessment, technology, req.lang),
    });
  });
  return router;
}
