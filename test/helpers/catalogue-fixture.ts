import { loadCatalogue } from '../../src/catalogue/load-catalogue.js';
import { dataPaths, fromRoot } from '../../src/paths.js';

/** The real catalogue under data/, loaded once per test file. */
export const catalogue = loadCatalogue(dataPaths(fromRoot('data')).dataDir);
