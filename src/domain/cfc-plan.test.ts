import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../test/helpers/catalogue-fixture.js';
import { cfcCapex, cfcGrant, demandPerTonneOf, sizeCfc, stateTopUps } from './cfc-plan.js';
import { clusterFacts } from './scheme-matching.js';

const scheme = catalogue.schemes.find((s) => s.id === 'mse-cdp-cfc')!;
const batala = catalogue.clusters.find((c) => c.id === 'batala-foundry')!;
const sand = catalogue.technologies.find((t) => t.id === 'sand-reclamation')!;
const asOf = '2026-11-22';
const crore = (value: number | string) => new Decimal(value).times(10_000_000);

describe('the common facility planner', () => {
  it('grants 60 % of a ₹12 crore CFC with a 10 % SPV share, no uplift while the district flag is unknown', () => {
    const grant = cfcGrant({
      scheme,
      facts: clusterFacts(batala),
      projectCostInr: crore(12),
      spvSharePct: new Decimal(10),
      asOf,
    });
    expect(grant.status.status).toBe('closed');
    expect(grant.status.closedOn).toBe('2026-03-31');
    expect(grant.bandTermId).toBe('grant-10-to-30-crore');
    expect(grant.ratePct?.toString()).toBe('60');
    expect(grant.uplift).toBe('unknown');
    expect(grant.grantInr?.toString()).toBe(crore('7.2').toString());
    expect(grant.spvShareInr.toString()).toBe(crore('1.2').toString());
    expect(grant.spvShareOk).toBe(true);
    expect(grant.remainderInr?.toString()).toBe(crore('3.6').toString());
  });

  it('takes 70 % in the lower band, adds 10 points in a special area, caps the cost at ₹30 crore, and flags a small SPV share', () => {
    const lower = cfcGrant({
      scheme,
      facts: clusterFacts(batala),
      projectCostInr: crore(8),
      spvSharePct: new Decimal(10),
      asOf,
    });
    expect([lower.ratePct?.toString(), lower.grantInr?.toString()]).toEqual(['70', crore('5.6').toString()]);
    const hill = cfcGrant({
      scheme,
      facts: { ...clusterFacts(batala), aspirationalDistrict: true },
      projectCostInr: crore(40),
      spvSharePct: new Decimal(5),
      asOf,
    });
    expect(hill.uplift).toBe('applied');
    expect(hill.ratePct?.toString()).toBe('70');
    expect(hill.eligibleCostInr.toString()).toBe(crore(30).toString());
    expect(hill.grantInr?.toString()).toBe(crore(21).toString());
    expect(hill.spvShareOk).toBe(false);
    // Below ₹5 crore the project-size criterion fails.
    const small = cfcGrant({
      scheme,
      facts: clusterFacts(batala),
      projectCostInr: crore(1),
      spvSharePct: new Decimal(10),
      asOf,
    });
    expect(small.criteria.find((c) => c.id === 'mse-cdp-cfc-project-size')?.result).toBe('failed');
  });

  it("sizes sand reclamation from the participants' production and reads the capex range at that size", () => {
    // 1,000 + 2,000 + 500 t castings, one unit without production → 3,500 t new sand at 1 t/t; 4,800 h → 0.729 t/h.
    const sizing = sizeCfc(
      [1000, 2000, 500, null].map((t) => ({ productionTonnes: t === null ? null : new Decimal(t) })),
      demandPerTonneOf(sand, asOf),
      new Decimal(4800),
    );
    expect([sizing.participants, sizing.withProduction, sizing.demandTonnes.toString()]).toEqual([
      4,
      3,
      '3500',
    ]);
    expect(sizing.capacityTph.toFixed(3)).toBe('0.729');
    const capex = cfcCapex(catalogue.parameters, sand, batala.state, sizing, asOf)!;
    expect(capex.scaledFromSize).toBe(true);
    expect(capex.low!.lessThan(4_000_000)).toBe(true);
    expect(capex.high!.lessThan(15_000_000)).toBe(true);
  });

  it("finds no state top-up for a Punjab cluster, and Haryana's mini-cluster scheme for a Haryana one", () => {
    expect(stateTopUps(catalogue.schemes, clusterFacts(batala), crore(12), asOf)).toEqual([]);
    const haryana = stateTopUps(catalogue.schemes, { ...clusterFacts(batala), state: 'HR' }, crore(12), asOf);
    expect(haryana.map((t) => t.scheme.id)).toEqual(['haryana-mini-cluster']);
  });
});
