import type { Repositories } from '../db/repositories.js';
import type { Decimal } from 'decimal.js';
import type {
  Compliance,
  CreditRecord,
  DocumentId,
  EnergyUse,
  EnterpriseDetails,
  EnterpriseProfile,
  FiscalYearFigures,
  ProfileStep,
} from '../domain/enterprise-profile.js';
import type { Actor, ChangeContext } from './actor.js';
import type { EnterpriseService } from './enterprise-service.js';

/** What one step's form saves. */
export type StepData =
  | { step: 'enterprise'; details: EnterpriseDetails }
  | { step: 'energy'; energy: EnergyUse }
  | { step: 'finances'; financials: FiscalYearFigures[] }
  | { step: 'credit'; credit: CreditRecord }
  | { step: 'compliance'; compliance: Compliance }
  | { step: 'documents'; held: DocumentId[] };

export type SaveOutcome =
  | { ok: true; version: number }
  /** Someone saved since the form was opened: nothing was written; here is what is saved now. */
  | { ok: false; saved: EnterpriseProfile };

/**
 * The owner's profile, saved one step at a time with optimistic locking: each save names the version it
 * started from, and a save from a stale tab is refused instead of silently overwriting the other.
 */
export class EnterpriseProfileService {
  constructor(
    private readonly repos: Repositories,
    private readonly enterprises: EnterpriseService,
    private readonly now: () => Date,
  ) {}

  /** The profile if `actor` may see it (owner: their own; advisor: their clusters), else undefined. */
  profileFor(actor: Actor, id: number): EnterpriseProfile | undefined {
    return this.enterprises.findFor(actor, id) && this.repos.profiles.load(id);
  }

  saveStep(
    actor: Actor,
    id: number,
    expectedVersion: number,
    data: StepData,
    context: ChangeContext,
  ): SaveOutcome {
    return this.repos.transaction((): SaveOutcome => {
      const before = this.profileFor(actor, id);
      if (!before) throw new Error(`enterprise ${id} is not visible to user ${actor.userId}`);
      const updatedAt = this.now().toISOString();
      if (!this.repos.profiles.claimVersion(id, expectedVersion, data.step, updatedAt)) {
        return { ok: false, saved: before };
      }
      this.write(id, data, actor.userId, updatedAt);
      this.repos.audit.record({
        occurredAt: updatedAt,
        actorUserId: actor.userId,
        action: 'enterprise.step-saved',
        objectType: 'enterprise',
        objectId: id,
        details: {
          step: data.step,
          fromVersion: expectedVersion,
          changed: changedFields(before, this.repos.profiles.load(id), data.step),
        },
        requestId: context.requestId,
      });
      return { ok: true, version: expectedVersion + 1 };
    });
  }

  /**
   * A new enterprise from the quick check's answers, so nothing typed there is lost: the figures go into the
   * profile as the owner's own, but no step counts as done until the owner has reviewed and saved it.
   */
  startFromQuickCheck(
    actor: Actor,
    start: {
      name: string;
      clusterId: string;
      investmentInr: Decimal | null;
      ownership: EnterpriseDetails['ownership'];
      energy: EnergyUse;
      latestYear: FiscalYearFigures | null;
    },
    context: ChangeContext,
  ): number {
    return this.repos.transaction(() => {
      const id = this.enterprises.create(
        actor,
        { name: start.name, clusterId: start.clusterId, udyamNumber: null },
        context,
      );
      const details = this.repos.profiles.load(id)?.details;
      if (!details) throw new Error(`enterprise ${id} vanished after insert`);
      this.repos.profiles.saveDetails(id, {
        ...details,
        investmentInr: start.investmentInr,
        ownership: start.ownership,
      });
      this.repos.profiles.saveEnergy(id, start.energy);
      if (start.latestYear) this.repos.profiles.saveFinancials(id, [start.latestYear]);
      this.repos.audit.record({
        occurredAt: this.now().toISOString(),
        actorUserId: actor.userId,
        action: 'enterprise.started-from-quick-check',
        objectType: 'enterprise',
        objectId: id,
        requestId: context.requestId,
      });
      return id;
    });
  }

  private write(id: number, data: StepData, userId: number, updatedAt: string): void {
    const profiles = this.repos.profiles;
    switch (data.step) {
      case 'enterprise':
        return profiles.saveDetails(id, data.details);
      case 'energy':
        return profiles.saveEnergy(id, data.energy);
      case 'finances':
        return profiles.saveFinancials(id, data.financials);
      case 'credit':
        return profiles.saveCredit(id, data.credit);
      case 'compliance':
        return profiles.saveCompliance(id, data.compliance);
      case 'documents':
        return profiles.saveOwnerDocuments(id, data.held, userId, updatedAt);
    }
  }
}

const STEP_PART: Record<ProfileStep, (profile: EnterpriseProfile) => unknown> = {
  enterprise: (p) => p.details,
  energy: (p) => p.energy,
  finances: (p) => p.financials,
  credit: (p) => p.credit,
  compliance: (p) => p.compliance,
  documents: (p) => p.documents.map((d) => d.documentId),
};

/** Names of the figures a step save changed, for the audit trail (Decimals compare by their JSON text). */
function changedFields(
  before: EnterpriseProfile,
  after: EnterpriseProfile | undefined,
  step: ProfileStep,
): string[] {
  const flat = (value: unknown, prefix = ''): Record<string, string> => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || 'toFixed' in value)
      return { [prefix || step]: JSON.stringify(value) };
    const fields: Record<string, string> = {};
    for (const [key, v] of Object.entries(value))
      Object.assign(fields, flat(v, prefix ? `${prefix}.${key}` : key));
    return fields;
  };
  const old = flat(STEP_PART[step](before));
  const updated = after ? flat(STEP_PART[step](after)) : {};
  return [...new Set([...Object.keys(old), ...Object.keys(updated)])]
    .filter((key) => old[key] !== updated[key])
    .sort();
}
