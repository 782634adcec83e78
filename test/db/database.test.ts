import { mkdtempSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open-database.js';
import { createRepositories } from '../../src/db/repositories.js';
import { paths } from '../helpers/test-app.js';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'haritsetu-db-'));
  temps.push(dir);
  return dir;
};

describe('migrations', () => {
  it('bring a new database to the latest version once, recorded in user_version', () => {
    const db = openDatabase(join(tempDir(), 'app.sqlite'));
    const count = readdirSync(paths.migrations).filter((name) => name.endsWith('.sql')).length;
    expect(migrate(db, paths.migrations)).toEqual({ from: 0, to: count });
    expect(migrate(db, paths.migrations)).toEqual({ from: count, to: count });
    expect(db.pragma('user_version', { simple: true })).toBe(count);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('roll back a failing migration whole, leaving the version where it was', () => {
    const dir = tempDir();
    cpSync(paths.migrations, join(dir, 'migrations'), { recursive: true });
    const next = String(readdirSync(paths.migrations).length + 1).padStart(4, '0');
    writeFileSync(
      join(dir, 'migrations', `${next}_break_things.sql`),
      'CREATE TABLE half (id INTEGER) STRICT;\nSELECT no_such_function();',
    );
    const db = openDatabase(join(dir, 'app.sqlite'));
    expect(() => migrate(db, join(dir, 'migrations'))).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(Number(next) - 1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('stores tables as STRICT, so a wrong type is refused', () => {
    const db = openDatabase(':memory:');
    migrate(db, paths.migrations);
    expect(() =>
      db
        .prepare(
          "INSERT INTO enterprises (created_by_user_id, cluster_id, name, created_at, updated_at, version) VALUES (1, 'c', 'n', 't', 't', 'one')",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});

describe('the audit trail', () => {
  it('is append-only: a trigger rejects UPDATE and DELETE', () => {
    const db = openDatabase(':memory:');
    migrate(db, paths.migrations);
    const repos = createRepositories(db);
    repos.audit.record({ occurredAt: '2026-11-22T00:00:00Z', actorUserId: 1, action: 'login.succeeded' });
    expect(() => db.prepare("UPDATE audit_events SET action = 'nothing'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(repos.audit.recent(10)).toHaveLength(1);
    expect(repos.audit.recent(10)[0]?.action).toBe('login.succeeded');
  });
});
