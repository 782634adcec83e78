import type { Branch, Organisation, OrganisationKind } from '../db/organisation-repository.js';
import type { Repositories } from '../db/repositories.js';
import { recordChange } from './audit-trail.js';
import type { ChangeContext } from './actor.js';

export interface OrganisationSummary extends Organisation {
  clusterIds: string[];
  branches: Branch[];
}

export class OrganisationService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  list(): OrganisationSummary[] {
    return this.repos.organisations.list().map((organisation) => this.summarise(organisation));
  }

  find(id: number): OrganisationSummary | undefined {
    const organisation = this.repos.organisations.findById(id);
    return organisation && this.summarise(organisation);
  }

  nameTaken(name: string): boolean {
    return this.repos.organisations.findByName(name.trim()) !== undefined;
  }

  create(
    kind: OrganisationKind,
    name: string,
    clusterIds: readonly string[],
    context: ChangeContext,
  ): number {
    return this.repos.transaction(() => {
      const id = this.repos.organisations.insert(kind, name.trim(), this.now().toISOString());
      for (const clusterId of clusterIds) this.repos.organisations.addCluster(id, clusterId);
      this.record(context, 'organisation.created', 'organisation', id, { kind, name, clusterIds });
      return id;
    });
  }

  addBranch(lenderId: number, name: string, city: string, context: ChangeContext): number {
    return this.repos.transaction(() => {
      const id = this.repos.organisations.insertBranch(
        lenderId,
        name.trim(),
        city.trim(),
        this.now().toISOString(),
      );
      this.record(context, 'branch.created', 'branch', id, { lenderId, name, city });
      return id;
    });
  }

  branch(id: number): Branch | undefined {
    return this.repos.organisations.findBranch(id);
  }

  private summarise(organisation: Organisation): OrganisationSummary {
    return {
      ...organisation,
      clusterIds:
        organisation.kind === 'association' ? this.repos.organisations.clusterIdsOf(organisation.id) : [],
      branches: organisation.kind === 'lender' ? this.repos.organisations.branchesOf(organisation.id) : [],
    };
  }

  private record(
    context: ChangeContext,
    action: string,
    objectType: string,
    objectId: number,
    details: Record<string, unknown>,
  ): void {
    recordChange(this.repos, this.now, {
      actorUserId: context.actor?.userId ?? null,
      requestId: context.requestId,
      action,
      objectType: objectType,
      objectId: objectId,
      details,
    });
  }
}
