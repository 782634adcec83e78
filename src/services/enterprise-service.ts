import type { Enterprise } from '../db/enterprise-repository.js';
import type { Repositories } from '../db/repositories.js';
import type { Actor, ChangeContext } from './actor.js';

export interface NewEnterpriseInput {
  name: string;
  clusterId: string;
  udyamNumber: string | null;
}

/**
 * Enterprises as each role may see them: an owner their own; an advisor those in their association's
 * clusters; an admin all. Anything else is "not found", so ids of others' enterprises reveal nothing.
 */
export class EnterpriseService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  visibleTo(actor: Actor): Enterprise[] {
    switch (actor.role) {
      case 'owner':
        return this.repos.enterprises.listByOwner(actor.userId);
      case 'advisor':
        return this.repos.enterprises.listByClusters(this.clustersOf(actor));
      case 'admin':
      case 'bank_officer':
        // Officers see applications, not profiles (issue 7); admins keep users, not enterprises.
        return [];
    }
  }

  findFor(actor: Actor, id: number): Enterprise | undefined {
    const enterprise = this.repos.enterprises.findById(id);
    if (!enterprise) return undefined;
    switch (actor.role) {
      case 'owner':
        return enterprise.ownerUserId === actor.userId ? enterprise : undefined;
      case 'advisor':
        return this.clustersOf(actor).includes(enterprise.clusterId) ? enterprise : undefined;
      case 'admin':
      case 'bank_officer':
        return undefined;
    }
  }

  udyamTaken(udyamNumber: string): boolean {
    return this.repos.enterprises.findByUdyam(udyamNumber) !== undefined;
  }

  /** An owner creates their own; an advisor creates one, unclaimed, in one of their clusters. */
  create(actor: Actor, input: NewEnterpriseInput, context: ChangeContext): number {
    return this.repos.transaction(() => {
      const id = this.repos.enterprises.insert({
        ownerUserId: actor.role === 'owner' ? actor.userId : null,
        createdByUserId: actor.userId,
        clusterId: input.clusterId,
        name: input.name.trim(),
        udyamNumber: input.udyamNumber,
        createdAt: this.now().toISOString(),
      });
      this.repos.audit.record({
        occurredAt: this.now().toISOString(),
        actorUserId: actor.userId,
        action: 'enterprise.created',
        objectType: 'enterprise',
        objectId: id,
        details: { ...input },
        requestId: context.requestId,
      });
      return id;
    });
  }

  /** Clusters an advisor may work in: their association's. */
  clustersOf(actor: Actor): string[] {
    return actor.role === 'advisor' && actor.organisationId !== null
      ? this.repos.organisations.clusterIdsOf(actor.organisationId)
      : [];
  }
}
