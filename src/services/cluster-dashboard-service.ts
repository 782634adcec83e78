import { figureGroups } from '../domain/figure-checks.js';
import { Decimal } from 'decimal.js';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import type { PlannerUnit } from '../db/cluster-repository.js';
import type { Repositories } from '../db/repositories.js';
import type { Cluster } from '../domain/catalogue-types.js';
import {
  clusterAggregates,
  clusterPotential,
  type ClusterAggregates,
  type ClusterPotential,
  type ClusterUnitFigures,
  type UnitPotential,
} from '../domain/cluster-aggregates.js';
import { categoryIfKnown, normsOn, type NormsInForce } from '../domain/classification.js';
import {
  bandCounts,
  inBand,
  inSector,
  unitBandOf,
  type ClusterFilter,
  type UnitBand,
} from '../domain/cluster-filter.js';
import { valueOn, type IsoDate } from '../domain/dated.js';
import type { BaselineStream } from '../domain/energy/energy-streams.js';
import { assessTechnologies } from '../domain/energy/technology-savings.js';
import { clusterFacts, matchSchemes } from '../domain/scheme-matching.js';
import { schemeStatusOn } from '../domain/scheme-status.js';
import { DOCUMENT_IDS, type DocumentId } from '../domain/enterprise-profile.js';
import type { Actor, ChangeContext } from './actor.js';
import type { AssessmentService } from './assessment-service.js';
import type { EnterpriseService } from './enterprise-service.js';

export interface ClusterPicture {
  /** The filter the figures are drawn with, and how many units the cluster has without it. */
  filter: ClusterFilter;
  clusterUnits: number;
  /** Units of the filtered set in each readiness band. */
  bands: Record<UnitBand, number>;
  aggregates: ClusterAggregates;
  potential: ClusterPotential & { assessedUnits: number; promoterSharePct: Decimal };
}

/**
 * The association advisor's cluster picture and their checks of units' papers. Only an advisor of an association
 * serving the cluster (or the unit's cluster) gets anything; for everyone else it does not exist.
 */
export class ClusterDashboardService {
  constructor(
    private readonly repos: Repositories,
    private readonly enterprises: EnterpriseService,
    private readonly assessments: Pick<AssessmentService, 'readinessFor'>,
    private readonly now: () => Date,
  ) {}

  /** Whether `actor` is an advisor of an association serving the cluster. */
  serves(actor: Actor, clusterId: string): boolean {
    return actor.role === 'advisor' && this.enterprises.clustersOf(actor).includes(clusterId);
  }

  /**
   * Every figure of the cluster picture drawn from the units that pass `filter`: readiness bands, categories,
   * missing documents, energy per tonne, and the potential. A unit's band is the one its assessment report shows
   * the advisor. Undefined for anyone but the cluster's advisor.
   */
  pictureFor(
    actor: Actor,
    cluster: Cluster,
    rules: { catalogue: Catalogue; asOf: IsoDate },
    filter: ClusterFilter,
  ): ClusterPicture | undefined {
    if (!this.serves(actor, cluster.id)) return undefined;
    const all = this.repos.clusters.unitFigures(cluster.id);
    // Units have no sector of their own: each is in its cluster's. Bands are worked out only for units kept.
    const units = all
      .map((unit) => ({ ...unit, sector: cluster.sector }))
      .filter((unit) => inSector(unit, filter))
      .map((unit) => ({
        ...unit,
        band: unitBandOf(this.assessments.readinessFor(actor, unit.enterpriseId, rules)?.band),
      }))
      .filter((unit) => inBand(unit, filter));
    const norms = normsOn(rules.catalogue, rules.asOf);
    return {
      filter,
      clusterUnits: all.length,
      bands: bandCounts(units),
      aggregates: clusterAggregates(units, DOCUMENT_IDS, norms),
      potential: potentialOf(units, cluster, rules.catalogue, norms, rules.asOf),
    };
  }

  /** The cluster's units (with names) for the common facility planner; undefined for anyone else. */
  plannerUnits(actor: Actor, clusterId: string): PlannerUnit[] | undefined {
    if (!this.serves(actor, clusterId)) return undefined;
    return this.repos.clusters.plannerUnits(clusterId);
  }

  /**
   * Records the groups of figures the advisor has seen on paper, with the values as they stand now (so a later
   * edit shows), in the audit trail too. Groups the profile does not hold are ignored. Undefined if the unit is
   * not in the advisor's clusters; else the groups recorded.
   */
  checkFigures(
    actor: Actor,
    enterpriseId: number,
    groups: readonly string[],
    context: ChangeContext,
  ): string[] | undefined {
    if (actor.role !== 'advisor' || !this.enterprises.findFor(actor, enterpriseId)) return undefined;
    return this.repos.transaction(() => {
      const profile = this.repos.profiles.load(enterpriseId);
      if (!profile) return [];
      const current = figureGroups(profile);
      const seen = groups.flatMap((group) => {
        const seenValues = current.get(group);
        return seenValues === undefined ? [] : [{ group, seenValues }];
      });
      if (seen.length === 0) return [];
      const at = this.now().toISOString();
      this.repos.profiles.recordFigureChecks(enterpriseId, seen, actor.userId, at);
      this.repos.audit.record({
        occurredAt: at,
        actorUserId: actor.userId,
        action: 'enterprise.figures-checked',
        objectType: 'enterprise',
        objectId: enterpriseId,
        details: { groups: seen.map((s) => s.group) },
        requestId: context.requestId,
      });
      return seen.map((s) => s.group);
    });
  }

  /**
   * Marks documents the advisor has seen as advisor-checked (who and when are kept on each document, and the act
   * in the audit trail). Undefined if the unit is not in the advisor's clusters.
   */
  checkDocuments(
    actor: Actor,
    enterpriseId: number,
    documentIds: readonly DocumentId[],
    context: ChangeContext,
  ): DocumentId[] | undefined {
    if (actor.role !== 'advisor' || !this.enterprises.findFor(actor, enterpriseId)) return undefined;
    return this.repos.transaction(() => {
      const at = this.now().toISOString();
      const changed = this.repos.profiles.markDocumentsChecked(enterpriseId, documentIds, actor.userId, at);
      if (changed.length > 0) {
        this.repos.audit.record({
          occurredAt: at,
          actorUserId: actor.userId,
          action: 'enterprise.documents-checked',
          objectType: 'enterprise',
          objectId: enterpriseId,
          details: { documents: changed },
          requestId: context.requestId,
        });
      }
      return changed;
    });
  }
}

/**
 * Investment and loan demand by technology, saving potential and scheme reach, from each unit's recorded energy
 * use (units without production and energy use are left out).
 */
function potentialOf(
  clusterUnits: readonly ClusterUnitFigures[],
  cluster: Cluster,
  catalogue: Pick<Catalogue, 'parameters' | 'technologies' | 'schemes'>,
  norms: NormsInForce | undefined,
  asOf: IsoDate,
): ClusterPicture['potential'] {
  const { parameters } = catalogue;
  const promoterSharePct = valueOn(parameters.bankNorms.promoterContributionMinPct, asOf)?.default ?? null;
  const costOfDebtPct = valueOn(parameters.finance.costOfDebtPct, asOf)?.default ?? null;
  const margin = promoterSharePct ?? new Decimal(0);
  // Unit-level schemes open today: a cluster-SPV grant is the common facility planner's business.
  const openSchemes = catalogue.schemes.filter(
    (scheme) =>
      scheme.level.includes('unit') &&
      schemeStatusOn(scheme.validity, scheme.administrator, asOf).status === 'open',
  );
  const units: UnitPotential[] = [];
  for (const unit of clusterUnits) {
    const amounts = amountsOf(unit);
    if (!unit.productionTonnes?.greaterThan(0) || Object.keys(amounts).length === 0) continue;
    const assessments = assessTechnologies(parameters, catalogue.technologies, {
      use: { state: cluster.state, productionTonnes: unit.productionTonnes, amounts },
      sector: cluster.sector,
      asOf,
    }).filter(
      (a) =>
        a.status !== 'not-applicable' &&
        a.status !== 'not-modelled' &&
        // A measure on a stream the unit does not use (a cupola's on an induction-only unit) is left out.
        !a.needsInput.some((needs) => needs.key.endsWith('Amount') && needs.key !== 'endUseAmount'),
    );
    // The scheme check's project: the measure saving the most that has a cost estimate, at its low cost.
    const project = assessments
      .filter((a) => a.capexEstimate?.low && a.annualSavingInr?.greaterThan(0))
      .sort((a, b) => (b.annualSavingInr as Decimal).comparedTo(a.annualSavingInr as Decimal))[0];
    const capexInr = project?.capexEstimate?.low ?? null;
    const category = categoryIfKnown(unit, norms) ?? undefined;
    const schemes =
      project && capexInr && costOfDebtPct
        ? matchSchemes(
            openSchemes,
            {
              ...clusterFacts(cluster),
              activity: 'manufacturing',
              ...(category ? { category } : {}),
              ...(unit.investmentInr ? { investmentInr: unit.investmentInr } : {}),
              ...(unit.turnoverInr ? { turnoverInr: unit.turnoverInr } : {}),
              technologyId: project.technologyId,
              capexInr,
              loanInr: capexInr.times(new Decimal(100).minus(margin)).dividedBy(100),
            },
            {
              capexInr,
              loanInr: capexInr.times(new Decimal(100).minus(margin)).dividedBy(100),
              annualRatePct: costOfDebtPct,
              tenureMonths: 60,
              moratoriumMonths: 0,
            },
            asOf,
          ).map((match) => ({
            schemeId: match.scheme.id,
            eligible: match.evaluation.eligible,
            amountInr: match.benefit.amountInr,
          }))
        : [];
    units.push({
      technologies: assessments.map((a) => ({
        technologyId: a.technologyId,
        capexLowInr: a.capexEstimate?.unit.startsWith('INR') ? a.capexEstimate.low : null,
        capexHighInr: a.capexEstimate?.unit.startsWith('INR') ? a.capexEstimate.high : null,
        streams: a.streams.map((saving) => ({
          stream: saving.stream,
          energySavedGj: saving.energySavedGj,
          co2AvoidedTonnes: saving.co2AvoidedTonnes,
        })),
      })),
      schemes,
    });
  }
  return { ...clusterPotential(units, margin), assessedUnits: units.length, promoterSharePct: margin };
}

function amountsOf(unit: ClusterUnitFigures): Partial<Record<BaselineStream, Decimal>> {
  const amounts: Partial<Record<BaselineStream, Decimal>> = {};
  const put = (stream: BaselineStream, value: Decimal | null | undefined) => {
    if (value?.greaterThan(0)) amounts[stream] = value;
  };
  put('electricity', unit.electricityKwh);
  put('coke', unit.cokeTonnes);
  put('natural-gas', unit.otherFuels?.naturalGasScm);
  put('lpg', unit.otherFuels?.lpgKg);
  put('diesel', unit.otherFuels?.dieselLitres);
  put('furnace-oil', unit.otherFuels?.furnaceOilKl);
  return amounts;
}
