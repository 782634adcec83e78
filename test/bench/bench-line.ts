export interface BenchLine {
  name: string;
  /** The measure as people read it, e.g. "12,345 per second". */
  value: string;
  target?: string;
  met?: boolean;
}

/** Runs `work` repeatedly for about `seconds` after a warm-up and returns calls per second. */
export function perSecond(work: () => unknown, seconds = 2): number {
  const warmUpEnd = performance.now() + 300;
  while (performance.now() < warmUpEnd) work();
  let calls = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) work();
    calls += 50;
  }
  return calls / ((performance.now() - start) / 1000);
}

export const formatRate = (rate: number) => `${Math.round(rate).toLocaleString('en-IN')} per second`;
