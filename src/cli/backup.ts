import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { complain, say } from '../log.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { fromRoot } from '../paths.js';

/** Online backup (better-sqlite3's backup API): safe while the app is running and writing. */
const config = loadConfig(process.env);
const source = fromRoot(config.DATABASE_PATH);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = join(dirname(source), 'backups', `haritsetu-${stamp}.sqlite`);
mkdirSync(dirname(target), { recursive: true });
const db = openDatabase(source);
try {
  const { totalPages } = await db.backup(target);
  say(`Backed up ${totalPages} pages to ${target}`);
} catch (error) {
  complain(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  db.close();
}
