import { Decimal } from 'decimal.js';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import type { SavedPlan } from '../db/enterprise-plan-repository.js';
import type { ApplicationSnapshot, FinancingPackageSnapshot } from '../domain/application-snapshot.js';
import type { Cluster } from '../domain/catalogue-types.js';
import { valueOn, type IsoDate } from '../domain/dated.js';
import { projectFacts, type EnterpriseFacts, type ProjectType } from '../domain/enterprise-facts.js';
import type { EnterpriseProfile } from '../domain/enterprise-profile.js';
import { moneyString } from '../domain/money.js';
import { benefitSummary, type ProjectTerms } from '../domain/scheme-benefits.js';
import { clusterFacts, financingPackages, matchSchemes } from '../domain/scheme-matching.js';
import { readinessInputOf } from './readiness-service.js';

// The owner's chosen financing package as frozen into an application: the schemes of the package the owner picked
// on their saved plan, valued and costed on the request's own terms under the rules of the submission date.

export interface PackageRequest {
  technologyId: string;
  furtherMeasures: readonly { technology: { id: string } }[];
  /** The project's cost (all measures). */
  capexInr: Decimal;
  loanInr: Decimal;
  tenureMonths: number;
  moratoriumMonths: number;
  projectType: ProjectType | null;
  energyAuditCostInr?: Decimal | null | undefined;
}

/**
 * The package to freeze, or undefined when the owner chose none, or chose it for other measures than the ones
 * applied for (a package is built for one upgrade).
 */
export function chosenPackageSnapshot(input: {
  plan: SavedPlan | undefined;
  profile: EnterpriseProfile;
  cluster: Cluster;
  catalogue: Catalogue;
  request: PackageRequest;
  results: ApplicationSnapshot['results'];
  asOf: IsoDate;
}): FinancingPackageSnapshot | undefined {
  const { plan, request, catalogue, asOf } = input;
  const planned = [plan?.technologyId, ...(plan?.furtherMeasures ?? []).map((m) => m.technologyId)];
  const applied = [request.technologyId, ...request.furtherMeasures.map((m) => m.technology.id)];
  if (!plan?.packageSchemeIds || planned.join('+') !== applied.join('+')) return undefined;
  const rate = valueOn(catalogue.parameters.finance.costOfDebtPct, asOf)?.default;
  const terms: ProjectTerms = {
    capexInr: request.capexInr,
    loanInr: request.loanInr,
    annualRatePct: rate ?? new Decimal(0),
    tenureMonths: request.tenureMonths,
    moratoriumMonths: request.moratoriumMonths,
  };
  const facts: EnterpriseFacts = {
    ...clusterFacts(input.cluster),
    ...readinessInputOf(input.profile, catalogue, asOf, undefined).facts,
    ...projectFacts({ ...request, technologyIds: applied }),
  };
  const matches = matchSchemes(catalogue.schemes, facts, terms, asOf);
  const ids = plan.packageSchemeIds;
  const saving = input.results.annualSavingInr === null ? null : new Decimal(input.results.annualSavingInr);
  const costed = rate
    ? financingPackages(matches, terms, saving).find((p) => p.schemeIds.join('+') === ids.join('+'))
    : undefined;
  return {
    schemeIds: [...ids],
    schemes: ids.map((id) => {
      const match = matches.find((m) => m.scheme.id === id);
      return {
        id,
        name: match ? { ...match.scheme.name } : { en: id, hi: id },
        benefitSummary: match
          ? benefitSummary(match.benefit, match.scheme.administrator)
          : { en: '', hi: '' },
      };
    }),
    netProjectCostInr: costed ? moneyString(costed.netProjectCostInr) : null,
    netCostInr: costed ? moneyString(costed.netCostInr) : null,
    emiInr: costed ? moneyString(costed.emiInr) : null,
    chosenAt: plan.savedAt,
  };
}
