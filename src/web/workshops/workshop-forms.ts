import { z } from 'zod';
import { WORKSHOP_OUTCOMES } from '../../db/workshop-repository.js';
import { UDYAM_PATTERN } from '../enterprises/enterprise-forms.js';

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export function workshopForm(isOwnCluster: (id: string) => boolean) {
  return z.object({
    clusterId: z
      .string({ error: 'workshops.errors.cluster' })
      .refine(isOwnCluster, { error: 'workshops.errors.cluster' }),
    heldOn: z.iso.date({ error: 'workshops.errors.date' }),
    venue: z
      .string()
      .trim()
      .min(2, { error: 'workshops.errors.venue' })
      .max(200, { error: 'workshops.errors.venue' }),
    lenderIds: list
      .transform((ids) => ids.map(Number))
      .refine((ids) => ids.every(Number.isSafeInteger), {
        error: 'workshops.errors.lenders',
      }),
  });
}

export const registerForm = z.object({
  enterpriseId: z.coerce.number({ error: 'workshops.errors.unit' }).int({ error: 'workshops.errors.unit' }),
});

export const quickAddForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'enterprises.errors.nameRequired' })
    .max(150, { error: 'enterprises.errors.nameTooLong' }),
  udyamNumber: z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim().toUpperCase())
    .transform((value) => (value === '' ? null : value))
    .refine((value) => value === null || UDYAM_PATTERN.test(value), {
      error: 'enterprises.errors.udyamFormat',
    }),
});

export function outcomeForm(isProduct: (id: string) => boolean) {
  return z.object({
    outcome: z.enum(WORKSHOP_OUTCOMES, { error: 'workshops.errors.outcome' }),
    interests: list.refine((ids) => ids.every(isProduct), { error: 'workshops.errors.products' }),
  });
}
