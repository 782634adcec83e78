import { Decimal } from 'decimal.js';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import type { FurtherMeasure, SavedPlan } from '../db/enterprise-plan-repository.js';
import type { Repositories } from '../db/repositories.js';
import type { Cluster, Technology } from '../domain/catalogue-types.js';
import { MIN_UNITS_FOR_DISTRIBUTION, type ClusterUnitFigures } from '../domain/cluster-aggregates.js';
import { entryOn, valueOn, type IsoDate } from '../domain/dated.js';
import { energyUseOf, snapshotMeasures } from '../domain/application-snapshot.js';
import type { EnterpriseProfile } from '../domain/enterprise-profile.js';
import { projectFacts, type EnterpriseFacts, type ProjectType } from '../domain/enterprise-facts.js';
import { assessProject, type Assessed, type Measure } from '../domain/energy/project-savings.js';
import { assessTechnology, type TechnologyAssessment } from '../domain/energy/technology-savings.js';
import type { EnergyBaseline } from '../domain/energy/energy-baseline.js';
import type { LoanTerms } from '../domain/finance/loan.js';
import type { AuditBasis, SavingsBasis } from '../domain/readiness/assess-readiness.js';
import type { ProjectTerms } from '../domain/scheme-benefits.js';
import {
  clusterFacts,
  financingPackages,
  matchSchemes,
  type FinancingPackage,
  type SchemeMatch,
} from '../domain/scheme-matching.js';
import type { Actor, ChangeContext } from './actor.js';
import type { ApplicationService } from './application-service.js';
import type { EnterpriseProfileService } from './enterprise-profile-service.js';
import {
  profileReadiness,
  readinessInputOf,
  type ReadinessProject,
  type ReadinessResult,
} from './readiness-service.js';

// The owner's assessment report: one enterprise's readiness, its energy use per tonne against the other units of
// its cluster and the catalogue's good practice, the chosen upgrade's economics, the financing packages and every
// scheme, all under the catalogue in force on one date. Computation only; the web layer formats.

/** Where the cluster's units' figures come from (the cluster repository): counts only ever leave this service. */
export interface ClusterFiguresSource {
  unitFigures(clusterId: string): ClusterUnitFigures[];
}

export type SecMeasure = 'electricityKwhPerTonne' | 'cokeKgPerTonne';

export interface SecBenchmark {
  measure: SecMeasure;
  /** The enterprise's own figure, or null when its profile lacks production or the stream. */
  value: Decimal | null;
  /** Units of the cluster in the database with this figure (the enterprise included when it has it). */
  peers: number;
  /**
   * Share of those units using more per tonne than this one (0–100: higher is better), or null when fewer than
   * MIN_UNITS_FOR_DISTRIBUTION units have the figure or the enterprise has none.
   */
  betterThanPct: Decimal | null;
  /** The catalogue's good-practice figure in force, where one exists. */
  goodPractice: { value: Decimal; unit: string; reference: string; technologyId: string } | null;
}

export type UpgradeSource = 'application' | 'best-saving' | 'plan';

/**
 * The owner's upgrade plan: a technology (the first measure) and any further measures, with their quotations where
 * they have them, and the project's loan terms.
 */
export interface UpgradePlan {
  technologyId: string;
  capexInr: Decimal | null;
  annualOmInr: Decimal | null;
  /** The second and later measures, in the owner's order (each assessed on the use the ones before it left). */
  furtherMeasures: FurtherMeasure[];
  /** The project's yearly saving an energy audit found, replacing the model's estimate; null: the estimate stands. */
  annualSavingInr: Decimal | null;
  /** The kind of audit behind `annualSavingInr` (null exactly when it is null). */
  savingsBasis: AuditBasis | null;
  /** What the energy audit cost, which some state schemes pay part of back; null: not given. */
  energyAuditCostInr: Decimal | null;
  /** What the upgrade does to the plant; null: not said (schemes that ask stay "may apply"). */
  projectType: ProjectType | null;
  loanInr: Decimal | null;
  tenureMonths: number | null;
  moratoriumMonths: number | null;
}

/** A technology of the enterprise's sector as it would do on the profile's figures with catalogue defaults. */
export interface TechnologyOption {
  technology: Technology;
  status: TechnologyAssessment['status'];
  annualSavingInr: Decimal | null;
  /** Figures the model still needs from the owner (keys of the calculator's figures). */
  needs: string[];
}

/** One measure of the upgrade: its technology, what it does on the use left to it, and its cost. */
export interface PlannedMeasure {
  technology: Technology;
  assessment: Assessed;
  capexInr: Decimal;
  /** True when the cost is the catalogue's low estimate and a quotation is still needed. */
  quotationNeeded: boolean;
}

export interface ChosenUpgrade {
  source: UpgradeSource;
  /** The application's acknowledgement number when the upgrade comes from one. */
  ackNumber: string | null;
  /** The first (or only) measure's technology: the one schemes are matched on. */
  technology: Technology;
  /** The measures in the owner's order; one for a single-technology upgrade. */
  measures: PlannedMeasure[];
  /** The project as a whole (for one measure, that measure's own assessment). */
  assessment: TechnologyAssessment & { baseline: EnergyBaseline };
  /** True when the capex is the catalogue's low estimate and a quotation is still needed. */
  quotationNeeded: boolean;
  capexInr: Decimal;
  loanInr: Decimal;
  tenureMonths: number;
  moratoriumMonths: number;
  annualRatePct: Decimal;
  /** Where the yearly saving comes from: the model's estimate, or the owner's audit of one kind or the other. */
  savingsBasis: SavingsBasis;
  /** What the upgrade does to the plant, where the owner said. */
  projectType: ProjectType | null;
  /** What the owner's energy audit cost, where they said. */
  energyAuditCostInr: Decimal | null;
}

export interface AssessmentReport {
  profile: EnterpriseProfile;
  cluster: Cluster | undefined;
  asOf: IsoDate;
  rulesVersion: string;
  readiness: ReadinessResult | undefined;
  benchmarks: SecBenchmark[];
  upgrade: ChosenUpgrade | null;
  /** The plan's cost field to ask for (a measure with no cost in the catalogue and none given), else null. */
  planNeedsCapex: CapexField | null;
  options: TechnologyOption[];
  packages: FinancingPackage[];
  schemes: SchemeMatch[];
  /** The owner's saved plan, if any, and whether the report shows it (no other plan was asked for). */
  savedPlan: SavedPlan | null;
  showsSavedPlan: boolean;
}

export type SavePlanOutcome =
  | { ok: true }
  /** Not the actor's enterprise (or not an owner): 404. */
  | { ok: false; reason: 'not-found' }
  /** The plan cannot be costed, or the package is not one the plan gives; `error` is an i18n key. */
  | { ok: false; reason: 'invalid'; field: CapexField | 'package'; error: string };

/** The plan form's cost field of a measure: `capexInr` for the first, `capexInr2`, `capexInr3` after. */
export type CapexField = `capexInr${'' | number}`;

/** The saved plan as the report's plan input. */
export function upgradePlanOf(saved: SavedPlan): UpgradePlan {
  return {
    technologyId: saved.technologyId,
    capexInr: saved.capexInr,
    annualOmInr: saved.annualOmInr,
    furtherMeasures: saved.furtherMeasures,
    annualSavingInr: saved.annualSavingInr,
    savingsBasis: saved.savingsBasis,
    energyAuditCostInr: saved.energyAuditCostInr,
    projectType: saved.projectType,
    loanInr: saved.loanInr,
    tenureMonths: saved.tenureMonths,
    moratoriumMonths: saved.moratoriumMonths,
  };
}

/** A package's key: its scheme ids in order, '+'-joined ('' for the ordinary term loan). */
export const packageKey = (schemeIds: readonly string[]): string => schemeIds.join('+');

const SHOWN_PACKAGES = 3;

const DEFAULT_TENURE_MONTHS = 60;
const HUNDRED = new Decimal(100);

/** The enterprise's specific energy consumption: kWh per tonne and kg coke per tonne of production. */
export function secOf(figures: {
  productionTonnes: Decimal | null;
  electricityKwh: Decimal | null;
  cokeTonnes: Decimal | null;
}): Record<SecMeasure, Decimal | null> {
  const tonnes = figures.productionTonnes;
  if (!tonnes?.greaterThan(0)) return { electricityKwhPerTonne: null, cokeKgPerTonne: null };
  return {
    electricityKwhPerTonne: figures.electricityKwh ? figures.electricityKwh.dividedBy(tonnes) : null,
    cokeKgPerTonne: figures.cokeTonnes ? figures.cokeTonnes.times(1000).dividedBy(tonnes) : null,
  };
}

/**
 * Share of `peers` using strictly more per tonne than `value`, counting ties as half (the mid-rank percentile),
 * so the most frugal unit of five reads 90 and the median one 50.
 */
export function betterThanPct(value: Decimal, peers: readonly Decimal[]): Decimal {
  const more = peers.filter((peer) => peer.greaterThan(value)).length;
  const same = peers.filter((peer) => peer.equals(value)).length;
  return new Decimal(more).plus(new Decimal(same).dividedBy(2)).times(HUNDRED).dividedBy(peers.length);
}

/** The catalogue's good-practice SEC: the "after" figure of a fuel switch onto the stream, per tonne. */
function goodPracticeFor(
  measure: SecMeasure,
  technologies: readonly Technology[],
  sector: string | undefined,
  asOf: IsoDate,
): SecBenchmark['goodPractice'] {
  const stream = measure === 'electricityKwhPerTonne' ? 'electricity' : 'coke';
  for (const technology of technologies) {
    const model = technology.savingModel;
    if (sector && !(technology.applicability.sectors as readonly string[]).includes(sector)) continue;
    if (model.kind !== 'fuel-switch' || model.to.stream !== stream) continue;
    const entry = entryOn(model.to.amount, asOf);
    if (!entry?.value.default) continue;
    return {
      value: entry.value.default,
      unit: model.to.amount.unit,
      reference: entry.reference,
      technologyId: technology.id,
    };
  }
  return null;
}

export class AssessmentService {
  constructor(
    private readonly profiles: EnterpriseProfileService,
    private readonly applications: ApplicationService,
    private readonly clusterFigures: ClusterFiguresSource,
    private readonly repos: Pick<Repositories, 'plans' | 'audit' | 'transaction'>,
    private readonly now: () => Date,
  ) {}

  /** The enterprise's saved plan for `actor` (owner: their own; advisor: their clusters); undefined: none or 404. */
  savedPlan(actor: Actor, enterpriseId: number): SavedPlan | undefined {
    if (!this.profiles.profileFor(actor, enterpriseId)) return undefined;
    return this.repos.plans.find(enterpriseId);
  }

  /**
   * Saves the owner's plan, with the financing package they chose (scheme ids) or none (null). The package must be
   * one the plan gives under today's rules; the plan must be costable. Owner only; audited.
   */
  savePlan(
    actor: Actor,
    enterpriseId: number,
    plan: UpgradePlan,
    packageSchemeIds: string[] | null,
    rules: { catalogue: Catalogue; asOf: IsoDate },
    context: ChangeContext,
  ): SavePlanOutcome {
    if (actor.role !== 'owner') return { ok: false, reason: 'not-found' };
    const report = this.reportFor(actor, enterpriseId, rules, plan);
    if (!report) return { ok: false, reason: 'not-found' };
    if (report.planNeedsCapex || report.upgrade?.source !== 'plan')
      return {
        ok: false,
        reason: 'invalid',
        field: report.planNeedsCapex ?? 'capexInr',
        error: 'assessment.plan.capexNeeded',
      };
    if (packageSchemeIds !== null) {
      const key = packageKey(packageSchemeIds);
      const all = report.upgrade ? allPackages(report.upgrade, report.schemes) : [];
      if (!all.some((p) => packageKey(p.schemeIds) === key))
        return { ok: false, reason: 'invalid', field: 'package', error: 'assessment.plan.packageGone' };
    }
    const savedAt = this.now().toISOString();
    this.repos.transaction(() => {
      this.repos.plans.save({
        enterpriseId,
        ...plan,
        packageSchemeIds,
        savedByUserId: actor.userId,
        savedAt,
      });
      this.repos.audit.record({
        occurredAt: savedAt,
        actorUserId: actor.userId,
        action: packageSchemeIds === null ? 'plan.saved' : 'plan.package-chosen',
        objectType: 'enterprise',
        objectId: String(enterpriseId),
        details: {
          technologyId: plan.technologyId,
          capexInr: plan.capexInr?.toFixed(2) ?? null,
          annualOmInr: plan.annualOmInr?.toFixed(2) ?? null,
          furtherMeasures: plan.furtherMeasures.map((measure) => ({
            technologyId: measure.technologyId,
            capexInr: measure.capexInr?.toFixed(2) ?? null,
            annualOmInr: measure.annualOmInr?.toFixed(2) ?? null,
          })),
          annualSavingInr: plan.annualSavingInr?.toFixed(2) ?? null,
          savingsBasis: plan.savingsBasis,
          energyAuditCostInr: plan.energyAuditCostInr?.toFixed(2) ?? null,
          projectType: plan.projectType,
          loanInr: plan.loanInr?.toFixed(2) ?? null,
          tenureMonths: plan.tenureMonths,
          moratoriumMonths: plan.moratoriumMonths,
          packageSchemeIds,
          rulesVersion: rules.catalogue.version,
        },
        requestId: context.requestId,
      });
    });
    return { ok: true };
  }

  /** The report for `actor` (owner: their own; advisor: their clusters), or undefined: 404. */
  reportFor(
    actor: Actor,
    enterpriseId: number,
    rules: { catalogue: Catalogue; asOf: IsoDate },
    plan?: UpgradePlan,
  ): AssessmentReport | undefined {
    const profile = this.profiles.profileFor(actor, enterpriseId);
    if (!profile) return undefined;
    const { catalogue, asOf } = rules;
    const cluster = catalogue.clusterById(profile.details.clusterId);
    const options = cluster ? technologyOptions(profile, cluster, catalogue, asOf) : [];
    const { saved, planned, upgrade, readiness } = this.upgradeAndReadiness(actor, profile, rules, plan);
    const showsSavedPlan = plan === undefined && saved !== null;

    let packages: FinancingPackage[] = [];
    let schemes: SchemeMatch[] = [];
    if (upgrade) {
      const terms = termsOf(upgrade);
      const facts: EnterpriseFacts = {
        ...clusterFacts(cluster),
        ...readinessInputOf(profile, catalogue, asOf, undefined).facts,
        ...projectFacts({
          ...upgrade,
          technologyIds: upgrade.measures.map((measure) => measure.technology.id),
        }),
      };
      schemes = matchSchemes(catalogue.schemes, facts, terms, asOf);
      // The first few, and the owner's chosen package wherever it ranks.
      const chosenKey = showsSavedPlan && saved?.packageSchemeIds ? packageKey(saved.packageSchemeIds) : null;
      packages = allPackages(upgrade, schemes).filter(
        (p, index) => index < SHOWN_PACKAGES || packageKey(p.schemeIds) === chosenKey,
      );
    }

    return {
      profile,
      cluster,
      asOf,
      rulesVersion: catalogue.version,
      readiness,
      benchmarks: this.benchmarks(profile, cluster, catalogue, asOf),
      upgrade,
      planNeedsCapex: planned !== undefined && 'needsCapex' in planned ? planned.needsCapex : null,
      options,
      packages,
      schemes,
      savedPlan: saved,
      showsSavedPlan: showsSavedPlan && upgrade?.source === 'plan',
    };
  }

  /**
   * The enterprise's readiness as its assessment report shows it to `actor` (owner: their own; advisor: their
   * clusters), without the report's benchmarks and scheme matches; undefined when the enterprise is not theirs or
   * no scorecard was in force.
   */
  readinessFor(
    actor: Actor,
    enterpriseId: number,
    rules: { catalogue: Catalogue; asOf: IsoDate },
  ): ReadinessResult | undefined {
    const profile = this.profiles.profileFor(actor, enterpriseId);
    return profile && this.upgradeAndReadiness(actor, profile, rules).readiness;
  }

  /**
   * The upgrade the report assesses (the plan asked for, else the owner's saved plan, else the application or
   * the best saving) and the readiness with it as the project: one place, so the report and the cluster's band
   * counts never disagree.
   */
  private upgradeAndReadiness(
    actor: Actor,
    profile: EnterpriseProfile,
    rules: { catalogue: Catalogue; asOf: IsoDate },
    plan?: UpgradePlan,
  ) {
    const { catalogue, asOf } = rules;
    const cluster = catalogue.clusterById(profile.details.clusterId);
    const saved = this.repos.plans.find(profile.id) ?? null;
    const wanted = plan ?? (saved ? upgradePlanOf(saved) : undefined);
    const planned = wanted && cluster ? planUpgrade(wanted, profile, cluster, catalogue, asOf) : undefined;
    const upgrade =
      planned !== undefined
        ? 'needsCapex' in planned
          ? null
          : planned
        : cluster
          ? this.chosenUpgrade(actor, profile, cluster, catalogue, asOf)
          : null;
    const economics = upgrade?.assessment.economics ?? null;
    const project: ReadinessProject | undefined =
      upgrade && economics ? readinessProjectOf(upgrade) : undefined;
    return { saved, planned, upgrade, readiness: profileReadiness(profile, rules, project) };
  }

  private benchmarks(
    profile: EnterpriseProfile,
    cluster: Cluster | undefined,
    catalogue: Catalogue,
    asOf: IsoDate,
  ): SecBenchmark[] {
    const own = secOf({
      productionTonnes: profile.energy?.productionTonnes ?? null,
      electricityKwh: profile.energy?.electricityKwh ?? null,
      cokeTonnes: profile.energy?.cokeTonnes ?? null,
    });
    const units = this.clusterFigures.unitFigures(profile.details.clusterId).map(secOf);
    return (['electricityKwhPerTonne', 'cokeKgPerTonne'] as const).map((measure) => {
      const peers = units.map((unit) => unit[measure]).filter((value): value is Decimal => value !== null);
      const value = own[measure];
      return {
        measure,
        value,
        peers: peers.length,
        betterThanPct:
          value !== null && peers.length >= MIN_UNITS_FOR_DISTRIBUTION ? betterThanPct(value, peers) : null,
        goodPractice: goodPracticeFor(measure, catalogue.technologies, cluster?.sector, asOf),
      };
    });
  }

  /** The latest application's request when the owner has one, else the applicable upgrade saving the most. */
  private chosenUpgrade(
    actor: Actor,
    profile: EnterpriseProfile,
    cluster: Cluster,
    catalogue: Catalogue,
    asOf: IsoDate,
  ): ChosenUpgrade | null {
    const parameters = catalogue.parameters;
    const annualRatePct = valueOn(parameters.finance.costOfDebtPct, asOf)?.default;
    const marginPct = valueOn(parameters.bankNorms.promoterContributionMinPct, asOf)?.default;
    if (!annualRatePct || !marginPct) return null;
    const use = energyUseOf(profile, cluster);
    const loanTerms = (principalInr: Decimal, tenureMonths: number, moratoriumMonths: number): LoanTerms => ({
      principalInr,
      annualRatePct,
      tenureMonths,
      moratoriumMonths,
      interestSubventionPct: new Decimal(0),
      subventionMonths: 0,
    });

    const latest = this.applications.listForOwner(actor).find((a) => a.enterpriseId === profile.id);
    // The measures with their quotations and running costs, and the audited saving, are in the frozen file.
    const frozen = latest && this.applications.forOwner(actor, latest.ackNumber)?.application.snapshot;
    if (latest && frozen) {
      const [first, ...further] = snapshotMeasures(frozen).map((measure) => ({
        technologyId: measure.technologyId,
        capexInr: new Decimal(measure.capexInr),
        annualOmInr: measure.annualOmInr === null ? null : new Decimal(measure.annualOmInr),
      }));
      const applied =
        first &&
        planUpgrade(
          {
            ...first,
            furtherMeasures: further,
            annualSavingInr: frozen.request.annualSavingInr
              ? new Decimal(frozen.request.annualSavingInr)
              : null,
            savingsBasis: frozen.request.savingsBasis ?? null,
            energyAuditCostInr: frozen.request.energyAuditCostInr
              ? new Decimal(frozen.request.energyAuditCostInr)
              : null,
            projectType: frozen.request.projectType ?? null,
            loanInr: latest.loanInr,
            tenureMonths: latest.tenureMonths,
            moratoriumMonths: latest.moratoriumMonths,
          },
          profile,
          cluster,
          catalogue,
          asOf,
        );
      if (applied && !('needsCapex' in applied))
        return { ...applied, source: 'application', ackNumber: latest.ackNumber };
    }

    // No application yet: the upgrade that saves the most, costed at the low end of the catalogue's estimate
    // until a quotation is given, with a loan of all but the banks' minimum own contribution.
    const candidates = catalogue.technologies
      .filter((technology) => technology.applicability.sectors.includes(cluster.sector))
      .map((technology) => {
        const plain = assessTechnology(parameters, technology, { use, sector: cluster.sector, asOf });
        return { technology, plain };
      })
      .filter(({ plain }) => plain.annualSavingInr?.greaterThan(0) && plain.exceedsBaseline.length === 0)
      .sort((a, b) => (b.plain.annualSavingInr as Decimal).comparedTo(a.plain.annualSavingInr as Decimal));
    let withoutEconomics: ChosenUpgrade | null = null;
    for (const { technology, plain } of candidates) {
      const capexInr = plain.capex?.value ?? plain.capexEstimate?.low ?? null;
      if (!capexInr?.greaterThan(0)) continue;
      const loanInr = capexInr.times(HUNDRED.minus(marginPct)).dividedBy(HUNDRED).toDecimalPlaces(2);
      const assessment = assessTechnology(parameters, technology, {
        use,
        sector: cluster.sector,
        asOf,
        overrides: { ...rangeEnds(plain), capexInr },
        loan: loanTerms(loanInr, DEFAULT_TENURE_MONTHS, 0),
      });
      const chosen: ChosenUpgrade = {
        source: 'best-saving',
        ackNumber: null,
        technology,
        measures: [{ technology, assessment, capexInr, quotationNeeded: true }],
        assessment,
        quotationNeeded: true,
        capexInr,
        loanInr,
        tenureMonths: DEFAULT_TENURE_MONTHS,
        moratoriumMonths: 0,
        annualRatePct,
        savingsBasis: 'estimate',
        projectType: null,
        energyAuditCostInr: null,
      };
      if (assessment.economics) return chosen;
      withoutEconomics ??= chosen;
    }
    // Savings known but the economics still need the quotation's figures: shown with what is missing.
    return withoutEconomics;
  }
}

function termsOf(upgrade: ChosenUpgrade): ProjectTerms {
  return {
    capexInr: upgrade.capexInr,
    loanInr: upgrade.loanInr,
    annualRatePct: upgrade.annualRatePct,
    tenureMonths: upgrade.tenureMonths,
    moratoriumMonths: upgrade.moratoriumMonths,
  };
}

/** Every financing package the upgrade gives with these scheme matches, ranked. */
function allPackages(upgrade: ChosenUpgrade, schemes: readonly SchemeMatch[]): FinancingPackage[] {
  return financingPackages(schemes, termsOf(upgrade), upgrade.assessment.annualSavingInr);
}

/** Every technology of the cluster's sector on the profile's figures, best saving first. */
function technologyOptions(
  profile: EnterpriseProfile,
  cluster: Cluster,
  catalogue: Catalogue,
  asOf: IsoDate,
): TechnologyOption[] {
  const use = energyUseOf(profile, cluster);
  return catalogue.technologies
    .filter((technology) => technology.applicability.sectors.includes(cluster.sector))
    .map((technology) => {
      const plain = assessTechnology(catalogue.parameters, technology, { use, sector: cluster.sector, asOf });
      return {
        technology,
        status: plain.status,
        annualSavingInr: plain.exceedsBaseline.length === 0 ? plain.annualSavingInr : null,
        needs: plain.needsInput.map((need) => need.key),
      };
    })
    .sort(
      (a, b) => (b.annualSavingInr?.toNumber() ?? -Infinity) - (a.annualSavingInr?.toNumber() ?? -Infinity),
    );
}

/**
 * The owner's plan costed: each measure at their quotation where given (marked as theirs by `quotationNeeded:
 * false`), else the catalogue's low estimate; their loan terms, else all but the banks' minimum own contribution over
 * five years. Undefined when the catalogue lacks the rates or a technology; `needsCapex` names the first measure with
 * no cost known at all (the owner must give one).
 */
function planUpgrade(
  plan: UpgradePlan,
  profile: EnterpriseProfile,
  cluster: Cluster,
  catalogue: Catalogue,
  asOf: IsoDate,
): ChosenUpgrade | { needsCapex: CapexField } | undefined {
  const parameters = catalogue.parameters;
  const annualRatePct = valueOn(parameters.finance.costOfDebtPct, asOf)?.default;
  const marginPct = valueOn(parameters.bankNorms.promoterContributionMinPct, asOf)?.default;
  const wanted = [
    { ...plan, field: 'capexInr' as CapexField },
    ...plan.furtherMeasures.map((measure, index) => ({ ...measure, field: `capexInr${index + 2}` as const })),
  ];
  const technologies = wanted.map((measure) => catalogue.technologyById(measure.technologyId));
  if (!annualRatePct || !marginPct || !technologies.every((t) => t !== undefined)) return undefined;
  const use = energyUseOf(profile, cluster);

  const measures: (Measure & { capexInr: Decimal; quotationNeeded: boolean })[] = [];
  for (const [index, technology] of technologies.entries()) {
    const own = wanted[index] as (typeof wanted)[number];
    const plain = assessTechnology(parameters, technology, { use, sector: cluster.sector, asOf });
    const capexInr = own.capexInr ?? plain.capex?.value ?? plain.capexEstimate?.low ?? null;
    if (!capexInr?.greaterThan(0)) return { needsCapex: own.field };
    measures.push({
      technology,
      overrides: {
        ...rangeEnds(plain),
        ...(own.annualOmInr === null ? {} : { annualOmInr: own.annualOmInr }),
        capexInr,
      },
      capexInr,
      quotationNeeded: own.capexInr === null,
    });
  }
  const capexInr = measures.reduce((sum, measure) => sum.plus(measure.capexInr), new Decimal(0));
  const loanInr =
    plan.loanInr ?? capexInr.times(HUNDRED.minus(marginPct)).dividedBy(HUNDRED).toDecimalPlaces(2);
  const tenureMonths = plan.tenureMonths ?? DEFAULT_TENURE_MONTHS;
  const moratoriumMonths = plan.moratoriumMonths ?? 0;
  const assessed = assessProject(parameters, measures, {
    use,
    sector: cluster.sector,
    asOf,
    auditedSavingInr: plan.annualSavingInr ?? undefined,
    loan: loanInr.greaterThan(0)
      ? {
          principalInr: loanInr,
          annualRatePct,
          tenureMonths,
          moratoriumMonths,
          interestSubventionPct: new Decimal(0),
          subventionMonths: 0,
        }
      : undefined,
  });
  const [first] = measures as [(typeof measures)[number], ...typeof measures];
  return {
    source: 'plan',
    savingsBasis: plan.savingsBasis ?? 'estimate',
    projectType: plan.projectType,
    energyAuditCostInr: plan.energyAuditCostInr,
    ackNumber: null,
    technology: first.technology,
    measures: measures.map((measure, index) => ({
      technology: measure.technology,
      assessment: assessed.measures[index]?.assessment ?? assessed.project,
      capexInr: measure.capexInr,
      quotationNeeded: measure.quotationNeeded,
    })),
    assessment: assessed.project,
    quotationNeeded: measures.some((measure) => measure.quotationNeeded),
    capexInr,
    loanInr,
    tenureMonths,
    moratoriumMonths,
    annualRatePct,
  };
}

/**
 * The cautious end of a range the catalogue gives without a point value, for the running cost (the high end) and
 * the life (the low end), so a first costing does not flatter the upgrade. Figures with no range stay asked for.
 */
function rangeEnds(plain: TechnologyAssessment): Record<string, Decimal> {
  const ends: Record<string, Decimal> = {};
  for (const need of plain.needsInput) {
    if (need.key === 'annualOmInr' && need.high) ends.annualOmInr = need.high;
    if (need.key === 'lifetimeYears' && need.low) ends.lifetimeYears = need.low;
  }
  return ends;
}

/** The chosen upgrade as the readiness assessment reads a project. */
function readinessProjectOf(upgrade: ChosenUpgrade): ReadinessProject | undefined {
  const { assessment } = upgrade;
  const figure = (key: string) => assessment.figures.find((f) => f.key === key)?.value;
  const lifetime = assessment.lifetime?.value;
  const discountRatePct = figure('discountRatePct');
  if (!lifetime || !discountRatePct || assessment.annualSavingInr === null) return undefined;
  return {
    economics: {
      capexInr: upgrade.capexInr,
      subsidyInr: new Decimal(0),
      annualEnergySavingsInr: Decimal.max(assessment.annualSavingInr, 0),
      annualOmCostInr: assessment.annualOm?.value ?? new Decimal(0),
      lifetimeYears: lifetime.toNumber(),
      discountRatePct,
      savingsEscalationPct: new Decimal(0),
      loan: {
        principalInr: upgrade.loanInr,
        annualRatePct: upgrade.annualRatePct,
        tenureMonths: upgrade.tenureMonths,
        moratoriumMonths: upgrade.moratoriumMonths,
        interestSubventionPct: new Decimal(0),
        subventionMonths: 0,
      },
    },
    savingsBasis: upgrade.savingsBasis,
    collateralOffered: false,
  };
}
