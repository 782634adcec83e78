import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './open-database.js';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

/**
 * Applies numbered SQL files in order, each in its own transaction, recording progress in
 * PRAGMA user_version. Forward-only: a database newer than the code is refused.
 */
export function migrate(db: Db, migrationsDir: string): { from: number; to: number } {
  const files = readdirSync(migrationsDir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
  const from = db.pragma('user_version', { simple: true }) as number;
  files.forEach((name, index) => {
    const number = Number(MIGRATION_FILE.exec(name)?.[1]);
    if (number !== index + 1) throw new Error(`Migration ${name} is out of sequence: expected ${index + 1}`);
  });
  if (from > files.length) {
    throw new Error(`Database is at version ${from} but the code knows only ${files.length} migrations`);
  }
  for (const name of files.slice(from)) {
    const sql = readFileSync(join(migrationsDir, name), 'utf8');
    const version = Number(MIGRATION_FILE.exec(name)?.[1]);
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return { from, to: files.length };
}
