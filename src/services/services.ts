import { Decimal } from 'decimal.js';
import type { Repositories } from '../db/repositories.js';
import { AccountService } from './account-service.js';
import { ApiTokenService } from './api-token-service.js';
import { ClusterDashboardService } from './cluster-dashboard-service.js';
import { ApplicationReviewService } from './application-review-service.js';
import { AssessmentService } from './assessment-service.js';
import { ClaimService } from './claim-service.js';
import { ApplicationService } from './application-service.js';
import { EnterpriseProfileService } from './enterprise-profile-service.js';
import { EnterpriseService } from './enterprise-service.js';
import { ImportService } from './import-service.js';
import { OrganisationService } from './organisation-service.js';
import type { PasswordHasher } from './password-hashing.js';
import { WorkshopService } from './workshop-service.js';

export interface Services {
  accounts: AccountService;
  organisations: OrganisationService;
  enterprises: EnterpriseService;
  profiles: EnterpriseProfileService;
  applications: ApplicationService;
  reviews: ApplicationReviewService;
  workshops: WorkshopService;
  claims: ClaimService;
  imports: ImportService;
  clusters: ClusterDashboardService;
  assessments: AssessmentService;
  apiTokens: ApiTokenService;
  /** Database liveness for /healthz. */
  healthy(): boolean;
}

export interface ServiceOptions {
  hasher: PasswordHasher;
  now: () => Date;
  lockout: { maxFailures: number; lockMinutes: number };
  /** Sanctions above this amount need a second officer (maker-checker); ₹25 lakh unless configured. */
  secondApprovalAboveInr?: Decimal | undefined;
}

const DEFAULT_SECOND_APPROVAL_ABOVE_INR = new Decimal(2_500_000);

export function createServices(repos: Repositories, options: ServiceOptions): Services {
  const enterprises = new EnterpriseService(repos, options.now);
  const profiles = new EnterpriseProfileService(repos, enterprises, options.now);
  const applications = new ApplicationService(repos, profiles, options.now);
  const assessments = new AssessmentService(profiles, applications, repos.clusters, repos, options.now);
  const clusters = new ClusterDashboardService(repos, enterprises, assessments, options.now);
  return {
    accounts: new AccountService(repos, options.hasher, options.now, options.lockout),
    organisations: new OrganisationService(repos, options.now),
    enterprises,
    profiles,
    applications,
    reviews: new ApplicationReviewService(
      repos,
      applications,
      options.now,
      options.secondApprovalAboveInr ?? DEFAULT_SECOND_APPROVAL_ABOVE_INR,
    ),
    workshops: new WorkshopService(repos, enterprises, options.now),
    claims: new ClaimService(repos, enterprises, options.now),
    imports: new ImportService(repos, enterprises, options.now),
    apiTokens: new ApiTokenService(repos, options.now),
    clusters,
    assessments,
    healthy: () => {
      try {
        return repos.ping();
      } catch {
        return false;
      }
    },
  };
}
