import express from 'express';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { renderPage } from '../render.js';

export function homeRoutes(catalogue: Catalogue): express.Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    renderPage(req, res, 'home/index', { titleKey: 'home.title', clusters: catalogue.clusters });
  });
  return router;
}
