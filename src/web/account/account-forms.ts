import { z } from 'zod';
import { parseIdentifier } from '../../services/account-service.js';

export const loginForm = z.object({
  identifier: z.string().trim().min(1, { error: 'account.errors.identifierRequired' }),
  password: z.string().min(1, { error: 'account.errors.passwordRequired' }),
});

export const MIN_PASSWORD_LENGTH = 10;

/** Fields shared by sign-up and the admin's user form. */
export const displayNameField = z
  .string()
  .trim()
  .min(1, { error: 'account.errors.nameRequired' })
  .max(100, { error: 'account.errors.nameTooLong' });

export const identifierField = z
  .string()
  .trim()
  .min(1, { error: 'account.errors.identifierRequired' })
  .transform((value, ctx) => {
    const identifier = parseIdentifier(value);
    if (!identifier) {
      ctx.addIssue({ code: 'custom', message: 'account.errors.identifierInvalid' });
      return z.NEVER;
    }
    return identifier;
  });

export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: 'account.errors.passwordTooShort' })
  .max(200, { error: 'account.errors.passwordTooLong' });

export const signupForm = z
  .object({
    displayName: displayNameField,
    identifier: identifierField,
    password: newPasswordField,
    passwordConfirmation: z.string(),
  })
  .refine((form) => form.password === form.passwordConfirmation, {
    error: 'account.errors.passwordsDiffer',
    path: ['passwordConfirmation'],
    // Say so even when other fields are wrong too, so every problem shows at once.
    when: (payload) => {
      const value = payload.value as { password?: unknown; passwordConfirmation?: unknown };
      return typeof value.password === 'string' && typeof value.passwordConfirmation === 'string';
    },
  });

export const languageForm = z.object({
  lang: z.enum(['en', 'hi']),
  // Only a local path, never another site.
  returnTo: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .catch('/'),
});
