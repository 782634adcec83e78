import { Decimal } from 'decimal.js';
import type { YearCashFlow } from '../../domain/economics.js';

// Geometry of the server-rendered cash-flow chart: a bar per year-end cash flow and a line for the cumulative
// position. Plain numbers are fine here: they are pixel positions, never money.

export interface CashFlowChart {
  width: number;
  height: number;
  zeroY: number;
  bars: { x: number; y: number; width: number; height: number; negative: boolean }[];
  cumulativePoints: string;
  yTicks: { y: number; label: string }[];
  xLabels: { x: number; label: string }[];
}

const WIDTH = 640;
const HEIGHT = 280;
const LEFT = 88;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 32;

export function cashFlowChart(
  flows: readonly YearCashFlow[],
  label: (inr: Decimal) => string,
): CashFlowChart {
  const values = flows.flatMap((flow) => [flow.cashFlowInr, flow.cumulativeInr]);
  const numbers = values.map((value) => value.toNumber());
  const high = Math.max(0, ...numbers);
  const low = Math.min(0, ...numbers);
  const span = high - low || 1;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + ((high - value) / span) * plotHeight;
  const step = (WIDTH - LEFT - RIGHT) / Math.max(flows.length, 1);
  const centre = (index: number) => LEFT + step * index + step / 2;
  const zeroY = y(0);
  const round = (value: number) => Math.round(value * 10) / 10;
  const labelEvery = Math.ceil(flows.length / 12);
  const highest = Decimal.max(0, ...values);
  const lowest = Decimal.min(0, ...values);
  return {
    width: WIDTH,
    height: HEIGHT,
    zeroY: round(zeroY),
    bars: flows.map((flow, index) => {
      const top = y(Math.max(flow.cashFlowInr.toNumber(), 0));
      const bottom = y(Math.min(flow.cashFlowInr.toNumber(), 0));
      return {
        x: round(centre(index) - step * 0.3),
        y: round(top),
        width: round(step * 0.6),
        height: round(Math.max(bottom - top, 0.5)),
        negative: flow.cashFlowInr.isNegative(),
      };
    }),
    cumulativePoints: flows
      .map((flow, index) => `${round(centre(index))},${round(y(flow.cumulativeInr.toNumber()))}`)
      .join(' '),
    yTicks: [
      { y: round(y(high)), label: label(highest) },
      ...(low < 0 && high > 0 ? [{ y: round(zeroY), label: '0' }] : []),
      { y: round(y(low)), label: label(lowest) },
    ].filter((tick, index, all) => all.findIndex((other) => other.y === tick.y) === index),
    xLabels: flows
      .filter((_, index) => index % labelEvery === 0)
      .map((flow) => ({ x: round(centre(flow.year)), label: String(flow.year) })),
  };
}
