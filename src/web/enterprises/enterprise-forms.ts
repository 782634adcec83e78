import { z } from 'zod';

/** Udyam registration number as issued: UDYAM-<state>-<district 2 digits>-<7 digits>. */
export const UDYAM_PATTERN = /^UDYAM-[A-Z]{2}-\d{2}-\d{7}$/;

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
