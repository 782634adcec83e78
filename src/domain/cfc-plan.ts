import { Decimal } from 'decimal.js';
import type { Parameters, StateCode, Technology } from './catalogue-types.js';
import { entryOn, type IsoDate } from './dated.js';
import { conditionResult, evaluateScheme, type Criterion } from './eligibility.js';
import { assessTechnology, type CapexEstimate } from './energy/technology-savings.js';
import type { EnterpriseFacts } from './enterprise-facts.js';
import './money.js';
import { schemeStatusOn, type SchemeStatus } from './scheme-status.js';
import type { Scheme, SchemeTerm } from './scheme-types.js';

// A common facility centre for a cluster: sized from the participating units' combined demand, costed from the
// technology's capex model (a range), and the MSE-CDP grant to the cluster's SPV worked out from the scheme
// file's dated terms (cost band, regional uplift, eligible-cost cap, the SPV's minimum share). Nothing here
// knows a unit's name: the planner's page lists the participants, the arithmetic only their production.

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

export interface CfcSizing {
  participants: number;
  /** Participants that gave their production; the others add nothing to the demand. */
  withProduction: number;
  productionTonnes: Decimal;
  /** Tonnes a year the facility would handle (for sand reclamation: new sand bought a year). */
  demandTonnes: Decimal;
  /** The catalogue's tonnes of demand per tonne of production (1 t new sand per t castings), or 1. */
  demandPerTonne: Decimal;
  operatingHours: Decimal;
  /** Demand ÷ operating hours, t/h: the size the capex model is read at. */
  capacityTph: Decimal;
}

/** Demand per tonne of product: a material-substitution model's own rule of thumb, else one for one. */
export function demandPerTonneOf(technology: Technology, asOf: IsoDate): Decimal {
  const model = technology.savingModel;
  if (model.kind !== 'material-substitution' || !model.baselinePerTonneProduct) return new Decimal(1);
  const value = entryOn(model.baselinePerTonneProduct, asOf)?.value;
  return value?.default ?? value?.low ?? new Decimal(1);
}

export function sizeCfc(
  units: readonly { productionTonnes: Decimal | null }[],
  demandPerTonne: Decimal,
  operatingHours: Decimal,
): CfcSizing {
  const produced = units.filter((unit) => unit.productionTonnes?.greaterThan(0));
  const productionTonnes = produced.reduce((sum, unit) => sum.plus(unit.productionTonnes as Decimal), ZERO);
  const demandTonnes = productionTonnes.times(demandPerTonne);
  return {
    participants: units.length,
    withProduction: produced.length,
    productionTonnes,
    demandTonnes,
    demandPerTonne,
    operatingHours,
    capacityTph: operatingHours.greaterThan(0) ? demandTonnes.dividedBy(operatingHours) : ZERO,
  };
}

/** The technology's capex range at the facility's size (scaled by the six-tenths rule outside the sizes given). */
export function cfcCapex(
  parameters: Parameters,
  technology: Technology,
  state: StateCode,
  sizing: CfcSizing,
  asOf: IsoDate,
): CapexEstimate | null {
  const assessment = assessTechnology(parameters, technology, {
    use: { state, productionTonnes: sizing.productionTonnes, amounts: {} },
    sector: technology.applicability.sectors[0] ?? 'foundry',
    asOf,
    overrides: sizing.capacityTph.greaterThan(0) ? { capacity: sizing.capacityTph } : {},
  });
  return assessment.capexEstimate;
}

export type UpliftResult = 'applied' | 'not-applicable' | 'unknown';

export interface CfcGrant {
  status: SchemeStatus;
  /** The scheme's own eligibility criteria for an SPV with this project cost. */
  criteria: readonly Criterion[];
  projectCostInr: Decimal;
  bandTermId: string | null;
  baseRatePct: Decimal | null;
  uplift: UpliftResult;
  upliftPct: Decimal | null;
  ratePct: Decimal | null;
  /** Project cost the grant is computed on: the cost, at most the cap. */
  eligibleCostInr: Decimal;
  capInr: Decimal | null;
  grantInr: Decimal | null;
  minSpvSharePct: Decimal | null;
  spvSharePct: Decimal;
  spvShareInr: Decimal;
  spvShareOk: boolean;
  /** Cost less grant and SPV share: the state's share, a loan or more from the SPV. Null without a grant. */
  remainderInr: Decimal | null;
}

function valueOf(term: SchemeTerm | undefined, asOf: IsoDate): Decimal | null {
  if (!term || term.shape === 'slabs') return null;
  const latest = [...term.series.values]
    .filter((entry) => entry.from <= asOf)
    .sort((a, b) => b.from.localeCompare(a.from))[0];
  return latest?.value ?? null;
}

const isPercentRate = (term: SchemeTerm) =>
  term.kind === 'rate' && term.basis === 'project-cost' && term.series.unit === 'percent';

/**
 * The MSE-CDP CFC grant for a cluster SPV: the general rate of the band the cost falls in, plus the special-area
 * points where the cluster is in the North-East, a hill state, an island or an aspirational district (a flag not
 * known means no uplift), on the cost up to the cap; never more than the cost less the SPV's share.
 */
export function cfcGrant(input: {
  scheme: Scheme;
  facts: Partial<EnterpriseFacts>;
  projectCostInr: Decimal;
  spvSharePct: Decimal;
  asOf: IsoDate;
}): CfcGrant {
  const { scheme, projectCostInr, spvSharePct, asOf } = input;
  const facts: EnterpriseFacts = { ...input.facts, clusterSpv: true, capexInr: projectCostInr };
  const evaluation = evaluateScheme(scheme, facts, asOf);
  const holds = (term: SchemeTerm) =>
    term.appliesWhen ? conditionResult(term.appliesWhen, scheme, facts, asOf) : 'passed';
  const rates = scheme.terms.filter(
    (term) => isPercentRate(term) && !/uplift|state-share|spv/.test(term.id) && term.appliesWhen,
  );
  const band = rates.find((term) => holds(term) === 'passed');
  const upliftTerm = scheme.terms.find((term) => isPercentRate(term) && term.id.includes('uplift'));
  const upliftHolds = upliftTerm ? holds(upliftTerm) : 'failed';
  const uplift: UpliftResult =
    upliftHolds === 'passed' ? 'applied' : upliftHolds === 'unknown' ? 'unknown' : 'not-applicable';
  const upliftPct = valueOf(upliftTerm, asOf);
  const baseRatePct = valueOf(band, asOf);
  const ratePct =
    baseRatePct === null ? null : baseRatePct.plus(uplift === 'applied' ? (upliftPct ?? ZERO) : ZERO);
  const capInr = valueOf(
    scheme.terms.find(
      (term) => term.kind === 'cap' && term.basis === 'project-cost' && term.series.unit === 'inr',
    ),
    asOf,
  );
  const eligibleCostInr = capInr ? Decimal.min(projectCostInr, capInr) : projectCostInr;
  const minSpvSharePct = valueOf(
    scheme.terms.find((term) => term.kind === 'minimum' && term.id.includes('spv')),
    asOf,
  );
  const ownShare = Decimal.max(spvSharePct, minSpvSharePct ?? ZERO);
  const ceiling = projectCostInr.times(HUNDRED.minus(ownShare)).dividedBy(HUNDRED);
  const grantInr =
    ratePct === null ? null : Decimal.min(eligibleCostInr.times(ratePct).dividedBy(HUNDRED), ceiling);
  const spvShareInr = projectCostInr.times(spvSharePct).dividedBy(HUNDRED);
  return {
    status: schemeStatusOn(scheme.validity, scheme.administrator, asOf),
    criteria: evaluation.criteria,
    projectCostInr,
    bandTermId: band?.id ?? null,
    baseRatePct,
    uplift,
    upliftPct,
    ratePct,
    eligibleCostInr,
    capInr,
    grantInr,
    minSpvSharePct,
    spvSharePct,
    spvShareInr,
    spvShareOk: minSpvSharePct === null || spvSharePct.greaterThanOrEqualTo(minSpvSharePct),
    remainderInr:
      grantInr === null ? null : Decimal.max(projectCostInr.minus(grantInr).minus(spvShareInr), ZERO),
  };
}

export interface StateTopUp {
  scheme: Scheme;
  status: SchemeStatus;
  eligible: boolean | null;
}

/** Cluster-SPV schemes other than MSE-CDP's own whose conditions do not rule the cluster's state out. */
export function stateTopUps(
  schemes: readonly Scheme[],
  facts: Partial<EnterpriseFacts>,
  projectCostInr: Decimal,
  asOf: IsoDate,
): StateTopUp[] {
  return schemes
    .filter((scheme) => scheme.level.includes('cluster-spv') && !scheme.id.startsWith('mse-cdp'))
    .map((scheme) => ({
      scheme,
      evaluation: evaluateScheme(scheme, { ...facts, clusterSpv: true, capexInr: projectCostInr }, asOf),
    }))
    .filter(({ evaluation }) =>
      evaluation.criteria.every(
        (criterion) => !(criterion.fact === 'state' && criterion.result === 'failed'),
      ),
    )
    .map(({ scheme, evaluation }) => ({ scheme, status: evaluation.status, eligible: evaluation.eligible }));
}
