import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import request from 'supertest';
import { parse } from 'yaml';
import { createApp, type AppDeps } from '../../src/app.js';
import { loadCatalogue } from '../../src/catalogue/load-catalogue.js';
import { migrate } from '../../src/db/migrate.js';
import { openDatabase, openDatabaseFromSnapshot, type Db } from '../../src/db/open-database.js';
import { createRepositories, type Repositories } from '../../src/db/repositories.js';
import { SqliteSessionStore } from '../../src/db/session-store.js';
import { dataPaths, fromRoot, PUBLIC_DIR, VIEWS_DIR } from '../../src/paths.js';
import { demoSeedSchema, seedDemo } from '../../src/services/demo-seed.js';
import { createPasswordHasher, TEST_SCRYPT } from '../../src/services/password-hashing.js';
import { createServices, type Services } from '../../src/services/services.js';
import { loadTranslations } from '../../src/web/i18n.js';

export const DEMO_PASSWORD = 'haritsetu-demo';
export const paths = dataPaths(fromRoot('data'));
export const catalogue = loadCatalogue(paths.dataDir);
const translations = loadTranslations(paths.locales);
const hasher = createPasswordHasher(TEST_SCRYPT);
const demoSeed = demoSeedSchema.parse(parse(readFileSync(paths.demoSeed, 'utf8')));

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current = new Date('2026-11-22T06:30:00Z')) {}
  now = (): Date => new Date(this.current);
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

let snapshot: Buffer | undefined;

/** One migrated and seeded database, serialised once; every test gets a fresh in-memory copy. */
async function seededSnapshot(): Promise<Buffer> {
  if (!snapshot) {
    const db = openDatabase(':memory:');
    migrate(db, paths.migrations);
    const clock = new TestClock();
    const services = createServices(createRepositories(db), {
      hasher,
      now: clock.now,
      lockout: { maxFailures: 5, lockMinutes: 15 },
    });
    await seedDemo(services, demoSeed, 'test-seed');
    snapshot = db.serialize();
    db.close();
  }
  return snapshot;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  repos: Repositories;
  services: Services;
  clock: TestClock;
}

export async function buildTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const db = openDatabaseFromSnapshot(await seededSnapshot());
  const clock = new TestClock();
  const repos = createRepositories(db);
  const services = createServices(repos, {
    hasher,
    now: clock.now,
    lockout: { maxFailures: 5, lockMinutes: 15 },
  });
  const app = createApp({
    services,
    catalogue,
    translations,
    log: pino({ level: 'silent' }),
    sessionStore: new SqliteSessionStore(db, 30 * 60_000, clock.now),
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    sessionIdleMinutes: 30,
    trustProxy: false,
    production: false,
    viewsDir: VIEWS_DIR,
    publicDir: PUBLIC_DIR,
    loginAttemptsPerWindow: 20,
    apiRequestsPerMinute: 1000,
    now: clock.now,
    ...overrides,
  });
  return { app, db, repos, services, clock };
}

/** The CSRF token a page carries in its forms. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

/** A cookie-keeping client with a CSRF token, as a browser would have after opening a page. */
export async function browserAgent(app: TestApp['app'], page = '/login') {
  const agent = request.agent(app);
  const response = await agent.get(page);
  return { agent, token: csrfTokenIn(response.text) };
}

export async function loggedInAgent(app: TestApp['app'], identifier: string, password = DEMO_PASSWORD) {
  const { agent, token } = await browserAgent(app);
  const response = await agent.post('/login').type('form').send({ _csrf: token, identifier, password });
  if (response.status !== 303) throw new Error(`login as ${identifier} failed with ${response.status}`);
  const page = await agent.get(response.headers.location as string);
  return { agent, token: csrfTokenIn(page.text), landing: response.headers.location as string };
}
