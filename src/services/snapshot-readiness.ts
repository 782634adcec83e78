import { Decimal } from 'decimal.js';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import { economicsInputFromSnapshot, profileFromSnapshot } from '../domain/application-review.js';
import {
  snapshotMeasures,
  type ApplicationSnapshot,
  type ReadinessSnapshot,
} from '../domain/application-snapshot.js';
import type { EnterpriseProfile, ProfileStep } from '../domain/enterprise-profile.js';
import { projectFacts, type EnterpriseFacts } from '../domain/enterprise-facts.js';
import type { Band } from '../domain/readiness/scorecard.js';
import { clusterFacts } from '../domain/scheme-matching.js';
import {
  profileReadiness,
  readinessInputOf,
  type ReadinessProject,
  type ReadinessResult,
} from './readiness-service.js';

// Readiness and scheme facts of a submitted application, computed from the frozen application alone: the
// snapshot's profile read back as a profile, its request as the project, assessed on the snapshot's assessment
// date. The live profile is never read, so an owner's later edits move neither the review nor the queue's band.

/** The frozen profile as a profile: the steps it holds count as done; documents are dated to the assessment. */
export function snapshotProfile(snapshot: ApplicationSnapshot): EnterpriseProfile {
  const profile = profileFromSnapshot(snapshot.profile);
  const steps: [ProfileStep, boolean][] = [
    ['enterprise', true],
    ['energy', profile.energy !== null],
    ['finances', profile.financials.length > 0],
    ['credit', profile.credit !== null],
    ['compliance', profile.compliance !== null],
    ['documents', true],
  ];
  return {
    ...profile,
    documents: profile.documents.map((document) => ({ ...document, updatedAt: snapshot.assessedOn })),
    completedSteps: steps.filter(([, done]) => done).map(([step]) => step),
  };
}

/**
 * The application's project for the readiness input: the economics recovered from the stored results (capex,
 * saving, O&M, the loan at the projection rate, tenure and moratorium), and as own contribution what the loan
 * leaves of the quotation. The savings basis is the owner's audit where they gave its figure, else the model's
 * estimate. Undefined when the application was submitted without complete economics.
 */
export function snapshotProject(snapshot: ApplicationSnapshot): ReadinessProject | undefined {
  const economics = economicsInputFromSnapshot(snapshot);
  if (economics === null) return undefined;
  const capex = new Decimal(snapshot.request.capexInr);
  const loan = new Decimal(snapshot.request.loanInr);
  return {
    economics,
    promoterContributionInr: Decimal.max(capex.minus(loan), 0),
    savingsBasis: snapshot.request.savingsBasis ?? 'estimate',
    collateralOffered: false,
  };
}

/** Readiness of the frozen application on its assessment date; undefined when no scorecard was in force. */
export function snapshotReadiness(
  snapshot: ApplicationSnapshot,
  catalogue: Catalogue,
): ReadinessResult | undefined {
  const result = profileReadiness(
    snapshotProfile(snapshot),
    { catalogue, asOf: snapshot.assessedOn },
    snapshotProject(snapshot),
  );
  // The gaps tell an owner which step to add; the officer cannot add them and reads the pending marks instead.
  return result && { ...result, gaps: [] };
}

/** The score, band and points to freeze with the application. */
export function readinessSnapshotOf(result: ReadinessResult): ReadinessSnapshot {
  const { assessment } = result;
  return {
    score: assessment.score.toFixed(),
    band: result.band,
    failedGates: assessment.gates.filter((gate) => !gate.passed).map((gate) => gate.id),
    factors: assessment.factors.map((factor) => ({
      id: factor.id,
      points: factor.points.toFixed(),
      maxPoints: factor.maxPoints.toFixed(),
    })),
  };
}

/**
 * The file's band: as frozen at submission, or for files from before readiness was frozen, worked out from the
 * frozen inputs as the review page does. Null when no scorecard was in force or the band was undecided.
 */
export function snapshotBand(snapshot: ApplicationSnapshot, catalogue: Catalogue): Band | null {
  const frozen = snapshot.results.readiness;
  if (frozen !== undefined) return frozen.band;
  return snapshotReadiness(snapshot, catalogue)?.band ?? null;
}

/** The enterprise and project facts of the frozen file, as the scheme conditions read them. */
export function snapshotFacts(snapshot: ApplicationSnapshot, catalogue: Catalogue): EnterpriseFacts {
  const project = snapshotProject(snapshot);
  const input = readinessInputOf(snapshotProfile(snapshot), catalogue, snapshot.assessedOn, project);
  return {
    ...clusterFacts(catalogue.clusterById(snapshot.cluster.id)),
    ...input.facts,
    ...projectFacts({
      technologyIds: snapshotMeasures(snapshot).map((measure) => measure.technologyId),
      capexInr: new Decimal(snapshot.request.capexInr),
      loanInr: new Decimal(snapshot.request.loanInr),
      projectType: snapshot.request.projectType,
      energyAuditCostInr:
        snapshot.request.energyAuditCostInr === undefined
          ? null
          : new Decimal(snapshot.request.energyAuditCostInr),
    }),
  };
}
