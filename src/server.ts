import { Decimal } from 'decimal.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createApp } from './app.js';
import { loadCatalogue } from './catalogue/load-catalogue.js';
import { ConfigError, loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { createRepositories } from './db/repositories.js';
import { SqliteSessionStore } from './db/session-store.js';
import { complain, createLogger, say } from './log.js';
import { dataPaths, fromRoot, PUBLIC_DIR, VIEWS_DIR } from './paths.js';
import { demoSeedSchema, seedDemo } from './services/demo-seed.js';
import { createPasswordHasher } from './services/password-hashing.js';
import { createServices } from './services/services.js';
import { listenOn } from './web/http-server.js';
import { loadTranslations } from './web/i18n.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  const paths = dataPaths(fromRoot(config.DATA_DIR));
  const now = () => new Date();

  const db = openDatabase(fromRoot(config.DATABASE_PATH));
  const migrated = migrate(db, paths.migrations);
  log.info({ ...migrated, database: config.DATABASE_PATH }, 'database ready');
  const catalogue = loadCatalogue(paths.dataDir);
  log.info({ rulesVersion: catalogue.version }, 'catalogue loaded');

  const repos = createRepositories(db);
  const services = createServices(repos, {
    hasher: createPasswordHasher(),
    now,
    lockout: { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
    secondApprovalAboveInr: new Decimal(config.SANCTION_SECOND_APPROVAL_ABOVE_INR),
  });
  if (config.NODE_ENV === 'development') {
    const seed = demoSeedSchema.parse(parse(readFileSync(paths.demoSeed, 'utf8')));
    const created = await seedDemo(services, seed, 'startup-seed');
    if (created.length > 0) log.info({ logins: created }, 'demo data seeded');
    say(
      `Demo logins (password "${seed.password}"): ${seed.users.map((u) => `${u.email} (${u.role})`).join(', ')}`,
    );
  }

  const sessionStore = new SqliteSessionStore(db, config.SESSION_IDLE_MINUTES * 60_000, now);
  setInterval(() => sessionStore.prune(), 10 * 60_000).unref();

  const app = createApp({
    services,
    catalogue,
    translations: loadTranslations(paths.locales),
    log,
    sessionStore,
    sessionSecret: config.SESSION_SECRET,
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    trustProxy: config.TRUST_PROXY,
    production: config.NODE_ENV === 'production',
    viewsDir: VIEWS_DIR,
    publicDir: PUBLIC_DIR,
    loginAttemptsPerWindow: 20,
    apiRequestsPerMinute: config.API_REQUESTS_PER_MINUTE,
    now,
  });
  const server = await listenOn(app, config.PORT).catch((error: NodeJS.ErrnoException) => {
    // A port in use is a configuration problem, said as one.
    throw error.code === 'EADDRINUSE' ? new ConfigError([`PORT ${config.PORT} is already in use`]) : error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port }, 'listening');
  say(`HaritSetu is listening on http://localhost:${port}`);
  const stop = () => {
    server.close(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  complain(error instanceof ConfigError ? error.message : `HaritSetu could not start: ${String(error)}`);
  if (!(error instanceof ConfigError) && error instanceof Error && error.stack) complain(error.stack);
  process.exit(1);
});
