import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { batalaCupolaFoundry, energyParameters } from '../../../test/fixtures/energy/energy-parameters.js';
import { computeEnergyBaseline } from './energy-baseline.js';

const asOf = '2026-11-22';
const d = (value: string) => new Decimal(value);

describe('computeEnergyBaseline: a Batala cupola foundry (hand-worked)', () => {
  const baseline = computeEnergyBaseline(energyParameters, batalaCupolaFoundry, asOf);
  const stream = (id: string) => baseline.streams.find((s) => s.stream === id);

  it.each([
    // stream, cost ₹ (amount × default price), t CO2, GJ, per tonne of castings
    ['electricity', '900000', '87.24', '432', '120'], // 1,20,000 kWh × ₹7.5; × 0.727 kg/kWh; × 3.6 MJ; kWh/t
    ['coke', '6300000', '543.132', '5076', '180'], // 180 t × ₹35,000; × 3.0174 t/t; × 28.2 GJ/t; kg/t
  ])('%s: ₹%s, %s tCO2, %s GJ, %s per t', (id, cost, co2, gj, perTonne) => {
    const s = stream(id);
    expect(s?.costInr?.equals(d(cost))).toBe(true);
    expect(s?.co2Tonnes?.equals(d(co2))).toBe(true);
    expect(s?.energyGj?.equals(d(gj))).toBe(true);
    expect(s?.perTonneProduct?.equals(d(perTonne))).toBe(true);
  });

  it('totals, specific energy and load factor', () => {
    expect(baseline.totalCostInr?.toString()).toBe('7200000');
    expect(baseline.totalCo2Tonnes?.toString()).toBe('630.372');
    expect(baseline.totalEnergyGj?.toString()).toBe('5508');
    expect(baseline.specificEnergyGjPerTonne?.toString()).toBe('5.508');
    // 1,20,000 kWh ÷ (100 kVA × 8,760 h) = 13.70 %
    expect(baseline.loadFactorPct?.toDecimalPlaces(2).toString()).toBe('13.7');
    expect(baseline.needsInput).toEqual([]);
  });

  it('records each figure as a default with its reference, and says which grid factor and year', () => {
    const grid = baseline.figures.find((figure) => figure.key === 'electricityCo2Factor');
    expect(grid?.value.toString()).toBe('0.727');
    expect(grid?.provenance).toMatchObject({ kind: 'default', from: '2023-04-01', confidence: 'secondary' });
    expect(baseline.figures.find((figure) => figure.key === 'cokePrice')?.provenance).toMatchObject({
      kind: 'default',
      confidence: 'unconfirmed',
    });
  });

  it('the grid factor in force follows the assessment date', () => {
    const old = computeEnergyBaseline(energyParameters, batalaCupolaFoundry, '2015-01-01');
    expect(old.figures.find((figure) => figure.key === 'electricityCo2Factor')?.value.toString()).toBe(
      '0.82',
    );
  });

  it("the user's tariff and coke price replace the defaults and are marked as the user's", () => {
    const own = computeEnergyBaseline(energyParameters, batalaCupolaFoundry, asOf, {
      electricityPrice: d('8.25'),
      cokePrice: d('38000'),
    });
    expect(own.totalCostInr?.toString()).toBe(String(120000 * 8.25 + 180 * 38000));
    expect(own.figures.find((figure) => figure.key === 'cokePrice')?.provenance).toEqual({ kind: 'user' });
  });

  it('a fuel whose price is known only as a range asks for it, showing the range, instead of inventing one', () => {
    const gas = computeEnergyBaseline(
      energyParameters,
      { ...batalaCupolaFoundry, amounts: { ...batalaCupolaFoundry.amounts, 'natural-gas': d('10000') } },
      asOf,
    );
    expect(gas.totalCostInr).toBeNull();
    expect(gas.needsInput).toEqual([
      expect.objectContaining({
        key: 'naturalGasPrice',
        low: d('45'),
        high: d('60'),
        confidence: 'unconfirmed',
      }),
    ]);
    // CO2 still follows: 10,000 SCM × 0.75 kg ÷ 1,000 × 2.6928 t/t = 20.196 t
    expect(gas.streams.find((s) => s.stream === 'natural-gas')?.co2Tonnes?.toString()).toBe('20.196');
  });

  it('asks nothing about a stream the enterprise does not use', () => {
    const baselineWithoutGas = computeEnergyBaseline(energyParameters, batalaCupolaFoundry, asOf);
    expect(baselineWithoutGas.needsInput.map((needs) => needs.key)).not.toContain('naturalGasPrice');
  });
});
