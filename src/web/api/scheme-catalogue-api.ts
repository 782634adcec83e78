import type { Catalogue } from '../../catalogue/load-catalogue.js';
import { schemeStatusOn } from '../../domain/scheme-status.js';
import type { Scheme } from '../../domain/scheme-types.js';

// GET /api/v1/schemes and /api/v1/schemes/{id}: the catalogue as published — terms with their dated values,
// references and confidence — and each scheme's status on the date asked for. Decimals serialise as strings.

export function schemeDocument(scheme: Scheme, asOf: string) {
  const status = schemeStatusOn(scheme.validity, scheme.administrator, asOf);
  return {
    ...scheme,
    status: status.status,
    statusNote: status.note,
  };
}

export function schemeList(catalogue: Catalogue, asOf: string) {
  return {
    schemes: catalogue.schemes.map((scheme) => schemeDocument(scheme, asOf)),
    rulesVersion: catalogue.version,
    asOf,
  };
}
