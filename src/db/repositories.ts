import { ApiTokenRepository } from './api-token-repository.js';
import { ApplicationRepository } from './application-repository.js';
import { ApplicationReviewRepository } from './application-review-repository.js';
import { AuditRepository } from './audit-repository.js';
import { ClusterRepository } from './cluster-repository.js';
import { EnterprisePlanRepository } from './enterprise-plan-repository.js';
import { ClaimLinkRepository } from './claim-link-repository.js';
import { EnterpriseProfileRepository } from './enterprise-profile-repository.js';
import { EnterpriseRepository } from './enterprise-repository.js';
import { ImportRepository } from './import-repository.js';
import type { Db } from './open-database.js';
import { OrganisationRepository } from './organisation-repository.js';
import { UserRepository } from './user-repository.js';
import { WorkshopRepository } from './workshop-repository.js';

/** Every repository over one connection, plus the way to run work atomically. */
export interface Repositories {
  users: UserRepository;
  organisations: OrganisationRepository;
  enterprises: EnterpriseRepository;
  profiles: EnterpriseProfileRepository;
  claimLinks: ClaimLinkRepository;
  plans: EnterprisePlanRepository;
  audit: AuditRepository;
  applications: ApplicationRepository;
  reviews: ApplicationReviewRepository;
  workshops: WorkshopRepository;
  imports: ImportRepository;
  clusters: ClusterRepository;
  apiTokens: ApiTokenRepository;
  /** Runs `work` in one SQLite transaction (synchronous: nothing async inside). */
  transaction<T>(work: () => T): T;
  /** Cheap liveness query for /healthz. */
  ping(): boolean;
}

export function createRepositories(db: Db): Repositories {
  return {
    users: new UserRepository(db),
    organisations: new OrganisationRepository(db),
    enterprises: new EnterpriseRepository(db),
    profiles: new EnterpriseProfileRepository(db),
    claimLinks: new ClaimLinkRepository(db),
    plans: new EnterprisePlanRepository(db),
    audit: new AuditRepository(db),
    applications: new ApplicationRepository(db),
    reviews: new ApplicationReviewRepository(db),
    workshops: new WorkshopRepository(db),
    imports: new ImportRepository(db),
    clusters: new ClusterRepository(db),
    apiTokens: new ApiTokenRepository(db),
    transaction: (work) => db.transaction(work)(),
    ping: () => db.prepare<[], { ok: number }>('SELECT 1 AS ok').get()?.ok === 1,
  };
}
