import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

const I18N_KEY = /^[a-zA-Z]+(\.[a-zA-Z0-9_-]+)+$/;

/** Password-like fields are never echoed back into a re-rendered form. */
const NEVER_ECHOED = /password/i;

/**
 * The one form-parse helper: validates the raw strings of a urlencoded body with a feature's zod schema.
 * Messages in schemas are i18n keys; on failure the typed values come back so nothing is lost.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const raw = rawValues(body);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    // A schema's own messages are i18n keys; zod's built-in ones (a field missing altogether) are English
    // sentences, which must never reach a Hindi page.
    errors[field] ??= I18N_KEY.test(issue.message) ? issue.message : 'forms.invalid';
  }
  return { ok: false, errors, values: echo(raw) };
}

export function rawValues(body: unknown): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string') values[key] = value;
      else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string');
    }
  }
  return values;
}

function echo(raw: Record<string, string | string[]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!NEVER_ECHOED.test(key) && key !== '_csrf')
      values[key] = Array.isArray(value) ? value.join(',') : value;
  }
  return values;
}

/** A form that failed a check only the service can make (e.g. "already taken"). */
export function formFailure(
  values: unknown,
  errors: FieldErrors,
): { errors: FieldErrors; values: Record<string, string> } {
  return { errors, values: echo(rawValues(values)) };
}
