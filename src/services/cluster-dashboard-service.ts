import type { Repositories } from '../db/repositories.js';
import { clusterAggregates, type ClusterAggregates } from '../domain/cluster-aggregates.js';
import type { NormsInForce } from '../domain/classification.js';
import { DOCUMENT_IDS, type DocumentId } from '../domain/enterprise-profile.js';
import type { Actor, ChangeContext } from './actor.js';
import type { EnterpriseService } from './enterprise-service.js';

/**
 * The association advisor's cluster picture and their checks of units' papers. Only an advisor of an association
 * serving the cluster (or the unit's cluster) gets anything; for everyone else it does not exist.
 */
export class ClusterDashboardService {
  constructor(
    private readonly repos: Repositories,
    private readonly enterprises: EnterpriseService,
    private readonly now: () => Date,
  ) {}

  aggregatesFor(
    actor: Actor,
    clusterId: string,
    norms: NormsInForce | undefined,
  ): ClusterAggregates | undefined {
    if (actor.role !== 'advisor' || !this.enterprises.clustersOf(actor).includes(clusterId)) return undefined;
    return clusterAggregates(this.repos.clusters.unitFigures(clusterId), DOCUMENT_IDS, norms);
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
