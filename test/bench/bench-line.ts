export interface BenchLine {
  name: string;
  /** The measure as people read it, e.g. "12,345 per second". */
  value: string;
  target?: string;
  met?: boolean;
}

const WARM_UP_MS = 500;
const WINDOWS = 5;
const WINDOW_MS = 1000;

/**
 * Calls of `work` per second: after a warm-up, the median of five one-second windows. On a shared 2-core machine
 * one window can lose a fifth to a neighbour or a major garbage collection; the median of several is what the code
 * does, not what the machine did that second.
 */
export function perSecond(work: () => unknown): number {
  const warmUpEnd = performance.now() + WARM_UP_MS;
  while (performance.now() < warmUpEnd) work();
  const rates: number[] = [];
  for (let window = 0; window < WINDOWS; window++) {
    let calls = 0;
    const start = performance.now();
    const end = start + WINDOW_MS;
    while (performance.now() < end) {
      for (let i = 0; i < 50; i++) work();
      calls += 50;
    }
    rates.push(calls / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

/** The middle value of an odd number of values. */
export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const formatRate = (rate: number) => `${Math.round(rate).toLocaleString('en-IN')} per second`;
