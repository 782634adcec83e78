import { z } from 'zod';
import { displayNameField, identifierField, newPasswordField } from '../account/account-forms.js';

const optionalId = z
  .string()
  .optional()
  .transform((value) => (value ? Number(value) : null))
  .refine((value) => value === null || Number.isSafeInteger(value), { error: 'admin.errors.choose' });

export const userForm = z
  .object({
    role: z.enum(['owner', 'advisor', 'bank_officer', 'admin'], { error: 'admin.errors.roleRequired' }),
    displayName: displayNameField,
    identifier: identifierField,
    password: newPasswordField,
    associationId: optionalId,
    branchId: optionalId,
  })
  .superRefine((form, ctx) => {
    if (form.role === 'advisor' && form.associationId === null) {
      ctx.addIssue({ code: 'custom', path: ['associationId'], message: 'admin.errors.associationRequired' });
    }
    if (form.role === 'bank_officer' && form.branchId === null) {
      ctx.addIssue({ code: 'custom', path: ['branchId'], message: 'admin.errors.branchRequired' });
    }
  });

export function organisationForm(isKnownCluster: (id: string) => boolean) {
  return z
    .object({
      kind: z.enum(['association', 'lender'], { error: 'admin.errors.kindRequired' }),
      name: z
        .string()
        .trim()
        .min(2, { error: 'admin.errors.organisationNameRequired' })
        .max(150, { error: 'admin.errors.organisationNameTooLong' }),
      clusterIds: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
        .refine((ids) => ids.every(isKnownCluster), { error: 'admin.errors.clusterUnknown' }),
    })
    .superRefine((form, ctx) => {
      if (form.kind === 'association' && form.clusterIds.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['clusterIds'], message: 'admin.errors.clustersRequired' });
      }
    });
}

export const branchForm = z.object({
  name: z
    .string()
    .trim()
    .min(2, { error: 'admin.errors.branchNameRequired' })
    .max(150, { error: 'admin.errors.branchNameTooLong' }),
  city: z
    .string()
    .trim()
    .min(2, { error: 'admin.errors.cityRequired' })
    .max(100, { error: 'admin.errors.cityTooLong' }),
});
