import { parseArgs } from 'node:util';
import { z } from 'zod';
import { complain, say } from '../log.js';
import { parseIdentifier } from '../services/account-service.js';
import { MIN_PASSWORD_LENGTH } from '../web/account/account-forms.js';
import { openForCli } from './cli-context.js';

const USAGE = `Usage: npm run user:create -- --role advisor|bank_officer|admin|owner --name "Full Name"
       --login email-or-mobile [--organisation "Association or lender name"] [--branch "Branch name"]
The password is read from the HARITSETU_PASSWORD environment variable (never from the command line).`;

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    name: { type: 'string' },
    login: { type: 'string' },
    organisation: { type: 'string' },
    branch: { type: 'string' },
  },
});

const args = z
  .object({
    role: z.enum(['owner', 'advisor', 'bank_officer', 'admin']),
    name: z.string().min(1),
    login: z.string().min(1),
    organisation: z.string().optional(),
    branch: z.string().optional(),
  })
  .safeParse(values);
const password = process.env.HARITSETU_PASSWORD ?? '';
const identifier = args.success ? parseIdentifier(args.data.login) : undefined;
if (!args.success || !identifier || password.length < MIN_PASSWORD_LENGTH) {
  complain(USAGE);
  if (args.success && !identifier) complain('--login must be an email or a 10-digit mobile number.');
  if (password.length < MIN_PASSWORD_LENGTH)
    complain(`HARITSETU_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  process.exit(2);
}

const { db, services } = openForCli();
const { role, name, organisation, branch } = args.data;
const org =
  organisation === undefined ? undefined : services.organisations.list().find((o) => o.name === organisation);
const branchRow = branch === undefined ? undefined : org?.branches.find((b) => b.name === branch);
const problems = [
  services.accounts.identifierTaken(identifier) && `An account for ${args.data.login} already exists.`,
  role === 'advisor' && org?.kind !== 'association' && '--organisation must name an existing association.',
  role === 'bank_officer' &&
    (org?.kind !== 'lender' || !branchRow) &&
    '--organisation and --branch must name an existing lender branch.',
].filter((problem): problem is string => typeof problem === 'string');
if (problems.length > 0) {
  problems.forEach(complain);
  process.exit(2);
}
const user = await services.accounts.createAccount(
  {
    identifier,
    displayName: name,
    password,
    role,
    organisationId: role === 'advisor' || role === 'bank_officer' ? (org?.id ?? null) : null,
    branchId: role === 'bank_officer' ? (branchRow?.id ?? null) : null,
  },
  { actor: null, requestId: 'cli-create-user' },
);
say(`Created ${role} ${name} (user ${user.id}).`);
db.close();
