import { z } from 'zod';
import { sectors } from '../../domain/catalogue-types.js';
import { UNIT_BANDS, type ClusterFilter } from '../../domain/cluster-filter.js';

// The cluster picture's filters, read from the query string (a GET form, so a filtered view can be bookmarked,
// shared and exported). An empty choice is "all"; anything outside the lists is refused with a message.

// Blank is read as absent before the check, so a value off the list meets the enum's own message rather than a
// union's generic one.
const choiceOf = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(values, { error: message }).optional());

export const clusterFilterSchema = z.object({
  sector: choiceOf(sectors, 'clusters.filter.errors.sector'),
  band: choiceOf(UNIT_BANDS, 'clusters.filter.errors.band'),
});

/** The filter as a query string ('' when nothing is filtered), for the export, report and PDF links. */
export function filterQuery(filter: ClusterFilter): string {
  const params = new URLSearchParams();
  if (filter.sector) params.set('sector', filter.sector);
  if (filter.band) params.set('band', filter.band);
  return params.toString();
}
