import { z } from 'zod';
import { UDYAM_PATTERN } from '../../domain/enterprise-profile.js';

// The pattern lives in the domain so the bulk import checks Udyam numbers the same way.
export { UDYAM_PATTERN };

export function enterpriseForm(isKnownCluster: (id: string) => boolean) {
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, { error: 'enterprises.errors.nameRequired' })
      .max(150, { error: 'enterprises.errors.nameTooLong' }),
    clusterId: z.string().refine(isKnownCluster, { error: 'enterprises.errors.clusterRequired' }),
    udyamNumber: z
      .string()
      .trim()
      .toUpperCase()
      .transform((value) => (value === '' ? null : value))
      .refine((value) => value === null || UDYAM_PATTERN.test(value), {
        error: 'enterprises.errors.udyamFormat',
      }),
  });
}
