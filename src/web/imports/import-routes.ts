import { unlink } from 'node:fs/promises';
import express, { type Request, type Response } from 'express';
import createHttpError from 'http-errors';
import multer from 'multer';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import type { ImportBatch } from '../../db/import-repository.js';
import { IMPORT_FIELDS, TEMPLATE_HEADERS, mappingProblems } from '../../domain/import-columns.js';
import { CSV_BOM, csvLine } from '../../domain/import-csv.js';
import { DUPLICATE_CHOICES } from '../../domain/import-plan.js';
import type { ClusterNames } from '../../domain/import-row.js';
import type { ImportService, UploadRefusal } from '../../services/import-service.js';
import { actorOf, requireRole } from '../auth.js';
import { parseForm, type FieldErrors } from '../forms.js';
import { isLang } from '../i18n.js';
import { renderPage } from '../render.js';
import { requestIdOf } from '../request-id.js';
import { readSheet, sheetKindOf } from './import-file-reader.js';
import { confirmForm, mappingForm, reportQuery } from './import-forms.js';
import { cellReasons, mappedCells, rowReason } from './import-view.js';

/** 100,000 rows of a dozen columns is about 15 MB as CSV; an .xlsx of them is smaller. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
const PREVIEW_ROWS = 20;
const REPORT_PAGE_ROWS = 100;

const UPLOAD_REFUSALS: Record<UploadRefusal | 'no-file' | 'file-type' | 'too-large', string> = {
  'no-association': 'imports.errors.noAssociation',
  empty: 'imports.errors.empty',
  'too-many-rows': 'imports.errors.tooManyRows',
  unreadable: 'imports.errors.unreadable',
  'no-file': 'imports.errors.noFile',
  'file-type': 'imports.errors.fileType',
  'too-large': 'imports.errors.tooLarge',
};

/** The upload goes to a temporary file (never memory) and is deleted once its rows are staged. */
const upload = multer({
  storage: multer.diskStorage({}),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 },
}).single('file');

/**
 * Bulk import for association advisors: /imports (upload, template, history), /imports/:id (mapping, preview
 * or report, whichever the batch is at), /imports/:id/mapping, /imports/:id/confirm and
 * /imports/:id/rows-to-correct.csv.
 */
export function importRoutes(imports: ImportService, catalogue: Catalogue): express.Router {
  const router = express.Router();
  router.use('/imports', requireRole('advisor'));

  const knownClusters: ClusterNames[] = catalogue.clusters.map((cluster) => ({
    id: cluster.id,
    names: [cluster.name.en, cluster.name.hi],
  }));

  const load = (req: Request): ImportBatch => {
    const id = Number(req.params.id);
    const batch = Number.isSafeInteger(id) ? imports.find(actorOf(req), id) : undefined;
    if (!batch) throw createHttpError(404);
    return batch;
  };

  const renderIndex = (req: Request, res: Response, errors: FieldErrors = {}, status = 200) =>
    renderPage(
      req,
      res,
      'imports/index',
      { titleKey: 'imports.title', batches: imports.listFor(actorOf(req)), errors, maxMegabytes: 25 },
      status,
    );

  router.get('/imports', (req, res) => renderIndex(req, res));

  router.get('/imports/template.csv', (req, res) => {
    const lang = isLang(req.query.lang) ? req.query.lang : req.lang;
    res.type('text/csv; charset=utf-8');
    res.attachment(`haritsetu-import-template-${lang}.csv`);
    res.send(CSV_BOM + csvLine(IMPORT_FIELDS.map((field) => TEMPLATE_HEADERS[lang][field])));
  });

  router.post('/imports', (req, res, next) => {
    upload(req, res, (error: unknown) => {
      const file = req.file;
      const refuse = (reason: keyof typeof UPLOAD_REFUSALS, status: number) =>
        renderIndex(req, res, { file: UPLOAD_REFUSALS[reason] }, status);
      if (error instanceof multer.MulterError) {
        if (file) void unlink(file.path).catch(() => undefined);
        refuse(
          error.code === 'LIMIT_FILE_SIZE' ? 'too-large' : 'no-file',
          error.code === 'LIMIT_FILE_SIZE' ? 413 : 422,
        );
        return;
      }
      if (error) {
        next(error);
        return;
      }
      if (!file) {
        refuse('no-file', 422);
        return;
      }
      const kind = sheetKindOf(file.originalname);
      const actor = actorOf(req);
      const staged = kind
        ? imports.upload(actor, file.originalname.slice(0, 200), readSheet(file.path, kind), knownClusters, {
            actor,
            requestId: requestIdOf(req),
          })
        : Promise.resolve({ refusal: 'file-type' as const });
      staged
        .then((outcome) => {
          if ('refusal' in outcome) refuse(outcome.refusal, 422);
          else res.redirect(303, `/imports/${outcome.batchId}`);
        })
        .catch(next)
        .finally(() => void unlink(file.path).catch(() => undefined));
    });
  });

  const renderMapping = (
    req: Request,
    res: Response,
    batch: ImportBatch,
    errors: FieldErrors,
    values: Record<string, string>,
    status = 200,
  ) =>
    renderPage(
      req,
      res,
      'imports/mapping',
      {
        titleKey: 'imports.mapping.title',
        batch,
        fields: IMPORT_FIELDS,
        columns: batch.headers.map((header, index) => ({
          value: String(index),
          label:
            header.trim() === '' ? req.t('imports.mapping.unnamedColumn', { number: index + 1 }) : header,
        })),
        errors,
        values,
      },
      status,
    );

  const mappingValues = (batch: ImportBatch) =>
    Object.fromEntries(
      IMPORT_FIELDS.map((field) => [
        field,
        batch.mapping[field] === null ? '' : String(batch.mapping[field]),
      ]),
    );

  const mappingErrors = (problems: ReturnType<typeof mappingProblems>): FieldErrors =>
    Object.fromEntries(
      Object.entries(problems).map(([field, problem]) => [field, `imports.mapping.errors.${problem}`]),
    );

  router.get('/imports/:id/mapping', (req, res) => {
    const batch = load(req);
    if (batch.status === 'confirmed') {
      res.redirect(303, `/imports/${batch.id}`);
      return;
    }
    renderMapping(req, res, batch, {}, mappingValues(batch));
  });

  router.post('/imports/:id/mapping', (req, res) => {
    const batch = load(req);
    if (batch.status === 'confirmed') throw createHttpError(409);
    const form = parseForm(mappingForm(batch.headers.length), req.body);
    if (!form.ok) {
      renderMapping(req, res, batch, form.errors, form.values, 422);
      return;
    }
    const problems = imports.remap(actorOf(req), batch, form.data, knownClusters);
    if (Object.keys(problems).length > 0) {
      renderMapping(
        req,
        res,
        batch,
        mappingErrors(problems),
        mappingValues({ ...batch, mapping: form.data }),
        422,
      );
      return;
    }
    res.redirect(303, `/imports/${batch.id}`);
  });

  const renderPreview = (
    req: Request,
    res: Response,
    batch: ImportBatch,
    errors: FieldErrors = {},
    status = 200,
  ) => {
    const counts = imports.previewCounts(batch);
    const describe = (row: ReturnType<ImportService['reportRows']>[number]) => ({
      ...row,
      mapped: mappedCells(row, batch.mapping),
      reasons: cellReasons(row, req.t),
    });
    renderPage(
      req,
      res,
      'imports/preview',
      {
        titleKey: 'imports.preview.title',
        batch,
        counts,
        fields: IMPORT_FIELDS,
        firstRows: imports
          .reportRows(batch, { offset: 0, limit: PREVIEW_ROWS, problemsOnly: false })
          .map(describe),
        problemRows: imports
          .reportRows(batch, { offset: 0, limit: PREVIEW_ROWS, problemsOnly: true })
          .map(describe),
        choices: DUPLICATE_CHOICES,
        errors,
        values: { duplicates: 'flag' },
      },
      status,
    );
  };

  router.get('/imports/:id', (req, res) => {
    const batch = load(req);
    if (batch.status === 'uploaded') {
      renderMapping(
        req,
        res,
        batch,
        mappingErrors(mappingProblems(batch.mapping, batch.headers.length)),
        mappingValues(batch),
      );
      return;
    }
    if (batch.status === 'previewed') {
      renderPreview(req, res, batch);
      return;
    }
    const query = reportQuery.parse(req.query);
    const total = imports.countRows(batch, query.problems);
    const pages = Math.max(1, Math.ceil(total / REPORT_PAGE_ROWS));
    const page = Math.min(query.page, pages);
    renderPage(req, res, 'imports/report', {
      titleKey: 'imports.report.title',
      batch,
      counts: batch.counts,
      problemsOnly: query.problems,
      page,
      pages,
      rows: imports
        .reportRows(batch, {
          offset: (page - 1) * REPORT_PAGE_ROWS,
          limit: REPORT_PAGE_ROWS,
          problemsOnly: query.problems,
        })
        .map((row) => ({ ...row, mapped: mappedCells(row, batch.mapping), reason: rowReason(row, req.t) })),
    });
  });

  router.post('/imports/:id/confirm', (req, res) => {
    const batch = load(req);
    if (batch.status !== 'previewed') {
      res.redirect(303, `/imports/${batch.id}`);
      return;
    }
    const form = parseForm(confirmForm, req.body);
    if (!form.ok) {
      renderPreview(req, res, batch, form.errors, 422);
      return;
    }
    const actor = actorOf(req);
    imports.confirm(actor, batch, form.data.duplicates, knownClusters, {
      actor,
      requestId: requestIdOf(req),
    });
    res.redirect(303, `/imports/${batch.id}`);
  });

  router.get('/imports/:id/rows-to-correct.csv', (req, res) => {
    const batch = load(req);
    if (batch.status === 'uploaded') throw createHttpError(404);
    res.type('text/csv; charset=utf-8');
    res.attachment(`rows-to-correct-${batch.id}.csv`);
    res.write(CSV_BOM + csvLine([...batch.headers, req.t('imports.reasonColumn')]));
    for (const row of imports.rowsToCorrect(batch)) {
      const cells = batch.headers.map((_, index) => row.cells[index] ?? '');
      res.write(csvLine([...cells, rowReason(row, req.t)]));
    }
    res.end();
  });

  return router;
}
