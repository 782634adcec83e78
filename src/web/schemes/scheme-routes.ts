import express from 'express';
import createHttpError from 'http-errors';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { evaluateScheme } from '../../domain/eligibility.js';
import { todayInIndia } from '../format.js';
import { renderPage } from '../render.js';
import { schemeRow, termRow } from './scheme-view.js';

/** The public scheme directory: /schemes and /schemes/:id, with every term's source, date and confidence. */
export function schemeRoutes(catalogue: Catalogue, now: () => Date): express.Router {
  const router = express.Router();

  router.get('/schemes', (req, res) => {
    const asOf = todayInIndia(now());
    renderPage(req, res, 'schemes/index', {
      titleKey: 'schemes.title',
      schemes: catalogue.schemes.map((scheme) => schemeRow(scheme, asOf, req.lang)),
      rulesVersion: catalogue.version,
    });
  });

  router.get('/schemes/:id', (req, res) => {
    const scheme = catalogue.schemeById(req.params.id);
    if (!scheme) throw createHttpError(404);
    const asOf = todayInIndia(now());
    // The conditions as sentences: evaluated on no facts at all, each criterion carries its text and reference.
    const criteria = evaluateScheme(scheme, {}, asOf).criteria;
    renderPage(req, res, 'schemes/show', {
      titleKey: 'schemes.show.title',
      titleValues: { name: scheme.name[req.lang] },
      scheme: schemeRow(scheme, asOf, req.lang),
      terms: scheme.terms.map((term) => termRow(term, scheme, asOf, req.lang)),
      criteria: criteria.map((criterion) => ({
        text: criterion.text[req.lang],
        threshold: criterion.threshold,
        reference: criterion.reference,
        confidence: criterion.confidence,
      })),
      documents: scheme.documents.map((document) => document.label[req.lang]),
      stacking: scheme.stacking.map((rule) => rule.text[req.lang]),
      toConfirm: scheme.toConfirm.map((question) => question.text[req.lang]),
      references: scheme.references,
      coverage: scheme.coverage.note?.[req.lang] ?? null,
    });
  });

  return router;
}
