import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { complain, say } from '../log.js';
import { dataPaths, fromRoot } from '../paths.js';

try {
  const config = loadConfig(process.env);
  const db = openDatabase(fromRoot(config.DATABASE_PATH));
  const { from, to } = migrate(db, dataPaths(fromRoot(config.DATA_DIR)).migrations);
  say(
    from === to ? `Database already at version ${to}.` : `Database migrated from version ${from} to ${to}.`,
  );
  db.close();
} catch (error) {
  complain(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
