import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { complain, say } from '../log.js';
import { demoSeedSchema, seedDemo } from '../services/demo-seed.js';
import { openForCli } from './cli-context.js';

const { config, db, services, paths } = openForCli();
if (config.NODE_ENV === 'production') {
  complain('Refusing to seed demo data in production.');
  process.exit(1);
}
const seed = demoSeedSchema.parse(parse(readFileSync(paths.demoSeed, 'utf8')));
const created = await seedDemo(services, seed, 'cli-seed');
say(
  created.length > 0
    ? `Created demo logins: ${created.join(', ')}`
    : 'Demo data already present; nothing changed.',
);
say(`Password for every demo login: ${seed.password}`);
db.close();
