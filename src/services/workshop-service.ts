import type { Repositories } from '../db/repositories.js';
import { recordChange } from './audit-trail.js';
import type { Workshop, WorkshopOutcome, WorkshopUnit } from '../db/workshop-repository.js';
import type { Actor, ChangeContext } from './actor.js';
import type { EnterpriseService } from './enterprise-service.js';

export interface NewWorkshop {
  clusterId: string;
  heldOn: string;
  venue: string;
  lenderIds: number[];
}

export type WorkshopRefusal = 'cluster-not-yours' | 'not-a-lender' | 'unit-not-found' | 'udyam-taken';

/**
 * Workshops belong to the advisor's association: another association's workshop is "not found". Units are
 * registered only from the workshop's own cluster, which the association serves.
 */
export class WorkshopService {
  constructor(
    private readonly repos: Repositories,
    private readonly enterprises: EnterpriseService,
    private readonly now: () => Date,
  ) {}

  listFor(actor: Actor): Workshop[] {
    return actor.role === 'advisor' && actor.organisationId !== null
      ? this.repos.workshops.listByOrganisation(actor.organisationId)
      : [];
  }

  find(actor: Actor, id: number): Workshop | undefined {
    const workshop = this.repos.workshops.findById(id);
    return workshop && actor.role === 'advisor' && workshop.organisationId === actor.organisationId
      ? workshop
      : undefined;
  }

  units(workshop: Workshop): WorkshopUnit[] {
    return this.repos.workshops.units(workshop.id);
  }

  create(actor: Actor, input: NewWorkshop, context: ChangeContext): number | WorkshopRefusal {
    if (actor.organisationId === null || !this.enterprises.clustersOf(actor).includes(input.clusterId)) {
      return 'cluster-not-yours';
    }
    if (!input.lenderIds.every((id) => this.repos.organisations.findById(id)?.kind === 'lender'))
      return 'not-a-lender';
    const organisationId = actor.organisationId;
    return this.repos.transaction(() => {
      const at = this.now().toISOString();
      const id = this.repos.workshops.insert({
        ...input,
        organisationId,
        createdByUserId: actor.userId,
        createdAt: at,
      });
      this.audit(actor, context, 'workshop.created', id, { ...input });
      return id;
    });
  }

  register(
    actor: Actor,
    workshop: Workshop,
    enterpriseId: number,
    context: ChangeContext,
  ): WorkshopRefusal | undefined {
    const enterprise = this.enterprises.findFor(actor, enterpriseId);
    if (enterprise?.clusterId !== workshop.clusterId) return 'unit-not-found';
    this.repos.transaction(() => {
      if (this.repos.workshops.register(workshop.id, enterpriseId, this.now().toISOString())) {
        this.audit(actor, context, 'workshop.unit-registered', workshop.id, { enterpriseId });
      }
    });
    return undefined;
  }

  /** A unit met at the door: created in the workshop's cluster (unclaimed, for its owner to claim) and registered. */
  quickAdd(
    actor: Actor,
    workshop: Workshop,
    unit: { name: string; udyamNumber: string | null },
    context: ChangeContext,
  ): WorkshopRefusal | undefined {
    if (unit.udyamNumber && this.enterprises.udyamTaken(unit.udyamNumber)) return 'udyam-taken';
    return this.repos.transaction(() => {
      const id = this.enterprises.create(actor, { ...unit, clusterId: workshop.clusterId }, context);
      return this.register(actor, workshop, id, context);
    });
  }

  recordOutcome(
    actor: Actor,
    workshop: Workshop,
    enterpriseId: number,
    outcome: WorkshopOutcome,
    interests: string[],
    context: ChangeContext,
  ): WorkshopRefusal | undefined {
    return this.repos.transaction(() => {
      if (
        !this.repos.workshops.recordOutcome(
          workshop.id,
          enterpriseId,
          outcome,
          interests,
          this.now().toISOString(),
        )
      ) {
        return 'unit-not-found';
      }
      this.audit(actor, context, 'workshop.outcome-recorded', workshop.id, {
        enterpriseId,
        outcome,
        interests,
      });
      return undefined;
    });
  }

  private audit(
    actor: Actor,
    context: ChangeContext,
    action: string,
    workshopId: number,
    details: Record<string, unknown>,
  ) {
    recordChange(this.repos, this.now, {
      actorUserId: actor.userId,
      requestId: context.requestId,
      action,
      objectType: 'workshop',
      objectId: workshopId,
      details,
    });
  }
}
