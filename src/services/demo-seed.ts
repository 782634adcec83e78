import { z } from 'zod';
import type { ChangeContext } from './actor.js';
import type { Services } from './services.js';

export const demoSeedSchema = z.object({
  password: z.string().min(10),
  associations: z.array(z.object({ name: z.string(), clusters: z.array(z.string()).min(1) })),
  lenders: z.array(
    z.object({ name: z.string(), branches: z.array(z.object({ name: z.string(), city: z.string() })) }),
  ),
  users: z.array(
    z.object({
      email: z.string(),
      name: z.string(),
      role: z.enum(['owner', 'advisor', 'bank_officer', 'admin']),
      association: z.string().optional(),
      lender: z.string().optional(),
      branch: z.string().optional(),
    }),
  ),
  enterprises: z.array(
    z.object({ owner: z.string(), name: z.string(), cluster: z.string(), udyam: z.string() }),
  ),
});

export type DemoSeed = z.infer<typeof demoSeedSchema>;

/**
 * Creates the demo organisations, logins and enterprises unless they already exist (idempotent: a second
 * run changes nothing). Returns the logins created, for printing.
 */
export async function seedDemo(services: Services, seed: DemoSeed, requestId: string): Promise<string[]> {
  const { accounts, organisations, enterprises } = services;
  const system: ChangeContext = { actor: null, requestId };
  const organisationId = (name: string) => organisations.list().find((o) => o.name === name)?.id;

  for (const association of seed.associations) {
    if (organisationId(association.name) === undefined) {
      organisations.create('association', association.name, association.clusters, system);
    }
  }
  for (const lender of seed.lenders) {
    const id = organisationId(lender.name) ?? organisations.create('lender', lender.name, [], system);
    const existing = new Set(organisations.find(id)?.branches.map((branch) => branch.name));
    for (const branch of lender.branches) {
      if (!existing.has(branch.name)) organisations.addBranch(id, branch.name, branch.city, system);
    }
  }

  const created: string[] = [];
  for (const user of seed.users) {
    const identifier = { email: user.email, mobile: null };
    if (accounts.identifierTaken(identifier)) continue;
    const lenderId = user.lender === undefined ? undefined : organisationId(user.lender);
    const branch =
      lenderId === undefined
        ? undefined
        : organisations.find(lenderId)?.branches.find((b) => b.name === user.branch);
    await accounts.createAccount(
      {
        identifier,
        displayName: user.name,
        password: seed.password,
        role: user.role,
        organisationId:
          (user.association === undefined ? undefined : organisationId(user.association)) ?? lenderId ?? null,
        branchId: branch?.id ?? null,
      },
      system,
    );
    created.push(user.email);
  }

  const owners = new Map(accounts.listUsers().map((user) => [user.email, user]));
  for (const enterprise of seed.enterprises) {
    const owner = owners.get(enterprise.owner);
    if (!owner || enterprises.udyamTaken(enterprise.udyam)) continue;
    const actor = { userId: owner.id, role: owner.role, organisationId: null, branchId: null };
    enterprises.create(
      actor,
      { name: enterprise.name, clusterId: enterprise.cluster, udyamNumber: enterprise.udyam },
      { actor, requestId },
    );
  }
  return created;
}
