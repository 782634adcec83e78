import { z } from 'zod';

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce
    .number({ error: 'PORT must be a port number' })
    .int()
    .min(0, { error: 'PORT must be between 0 and 65535' })
    .max(65535, { error: 'PORT must be between 0 and 65535' })
    .default(3000),
  DATABASE_PATH: z
    .string()
    .min(1, { error: 'DATABASE_PATH must name a file' })
    .default('var/haritsetu.sqlite'),
  SESSION_SECRET: z
    .string({ error: 'SESSION_SECRET is required (at least 32 characters)' })
    .min(32, { error: 'SESSION_SECRET must be at least 32 characters' }),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  TRUST_PROXY: z
    .enum(['true', 'false'], { error: 'TRUST_PROXY must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  DATA_DIR: z.string().min(1).default('data'),
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(600),
  // Maker-checker: a sanction above this many rupees needs a second officer's approval.
  SANCTION_SECOND_APPROVAL_ABOVE_INR: z
    .string()
    .regex(/^\d{1,12}$/, { error: 'SANCTION_SECOND_APPROVAL_ABOVE_INR must be whole rupees, e.g. 2500000' })
    .default('2500000'),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

/** The development secret lets `npm start` work on a fresh machine; production must bring its own. */
const DEVELOPMENT_SECRET = 'haritsetu-development-only-secret-change-me';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const withDefaults = { ...env };
  if ((env.NODE_ENV ?? 'development') !== 'production' && !env.SESSION_SECRET) {
    withDefaults.SESSION_SECRET = DEVELOPMENT_SECRET;
  }
  const parsed = configSchema.safeParse(withDefaults);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.SESSION_SECRET === DEVELOPMENT_SECRET) {
    throw new ConfigError(['SESSION_SECRET: the development secret must not be used in production']);
  }
  return Object.freeze(parsed.data);
}
