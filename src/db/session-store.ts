import session from 'express-session';
import type { Db } from './open-database.js';

type Callback = (err?: unknown) => void;

/**
 * express-session store on our own SQLite file, so sessions live in a migration-managed STRICT table
 * (see docs/decisions/0002-sessions-and-csrf.md for why not a third-party store).
 */
export class SqliteSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly idleMs: number,
    private readonly now: () => Date,
  ) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const row = this.db
        .prepare<[string, number], { data: string }>(
          'SELECT data FROM sessions WHERE sid = ? AND expires_at > ?',
        )
        .get(sid, this.now().getTime());
      callback(null, row ? (JSON.parse(row.data) as session.SessionData) : null);
    } catch (error) {
      callback(error);
    }
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    try {
      this.db
        .prepare(
          `INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
        )
        .run(sid, JSON.stringify(data), this.expiryOf(data));
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    try {
      this.db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?').run(this.expiryOf(data), sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override destroy(sid: string, callback?: Callback): void {
    try {
      this.db.prepare('DELETE FROM sessions WHERE sid = ?').run(sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  /** Removes expired sessions; called periodically by the server. */
  prune(): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(this.now().getTime()).changes;
  }

  /** The idle timeout is enforced here, on the server's clock, whatever the cookie claims. */
  private expiryOf(_data: session.SessionData): number {
    return this.now().getTime() + this.idleMs;
  }
}
