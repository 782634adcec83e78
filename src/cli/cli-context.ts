import { loadConfig, type Config } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase, type Db } from '../db/open-database.js';
import { createRepositories } from '../db/repositories.js';
import { dataPaths, fromRoot } from '../paths.js';
import { createPasswordHasher } from '../services/password-hashing.js';
import { createServices, type Services } from '../services/services.js';

/** What every command-line script starts from: the same config, migrated database and services as the app. */
export function openForCli(): {
  config: Config;
  db: Db;
  services: Services;
  paths: ReturnType<typeof dataPaths>;
} {
  const config = loadConfig(process.env);
  const paths = dataPaths(fromRoot(config.DATA_DIR));
  const db = openDatabase(fromRoot(config.DATABASE_PATH));
  migrate(db, paths.migrations);
  const services = createServices(createRepositories(db), {
    hasher: createPasswordHasher(),
    now: () => new Date(),
    lockout: { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
  });
  return { config, db, services, paths };
}
