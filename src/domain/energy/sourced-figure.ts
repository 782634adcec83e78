import type { Decimal } from 'decimal.js';
import type { QuantitySeries } from '../catalogue-types.js';
import { entryOn, type Confidence, type IsoDate } from '../dated.js';

// Every number the energy model uses is either the catalogue's default in force on the assessment date (with its
// reference and confidence) or the user's own figure. Where the catalogue gives only a range, or nothing, there
// is no default: the model says which figure it needs and shows the range, rather than picking a number.

export type Provenance =
  | { kind: 'default'; reference: string; confidence: Confidence; from: IsoDate; note?: string | undefined }
  | { kind: 'user' }
  /** A stated convention rather than a sourced value, e.g. no price escalation unless the user gives one. */
  | { kind: 'assumed'; note: string };

export interface Figure {
  /** Which input this is; the same key the user sends to override it. */
  key: string;
  value: Decimal;
  unit: string;
  provenance: Provenance;
}

/** A figure the calculation needs but has no default for: ask the user, showing what the sources say. */
export interface NeedsInput {
  key: string;
  unit: string;
  low: Decimal | null;
  high: Decimal | null;
  reference: string | null;
  confidence: Confidence | null;
  note?: string | undefined;
}

export type Resolved = { ok: true; figure: Figure } | { ok: false; needs: NeedsInput };

/** The user's value when given, else the series' default on `asOf`, else what to ask for. */
export function resolveFigure(
  key: string,
  userValue: Decimal | undefined,
  series: QuantitySeries | undefined,
  asOf: IsoDate,
  unit = series?.unit ?? '',
): Resolved {
  if (userValue !== undefined)
    return { ok: true, figure: { key, value: userValue, unit, provenance: { kind: 'user' } } };
  const entry = series === undefined ? undefined : entryOn(series, asOf);
  if (entry?.value.default != null) {
    return {
      ok: true,
      figure: {
        key,
        value: entry.value.default,
        unit,
        provenance: {
          kind: 'default',
          reference: entry.reference,
          confidence: entry.confidence,
          from: entry.from,
          note: entry.note,
        },
      },
    };
  }
  return {
    ok: false,
    needs: {
      key,
      unit,
      low: entry?.value.low ?? null,
      high: entry?.value.high ?? null,
      reference: entry?.reference ?? null,
      confidence: entry?.confidence ?? null,
      note: entry?.note,
    },
  };
}

/**
 * Collects the figures a calculation used and the ones it lacked, each once, in the order first met.
 * `use` returns the value, or undefined when it must be asked for.
 */
export class FigureLedger {
  readonly figures: Figure[] = [];
  readonly needsInput: NeedsInput[] = [];

  use(resolved: Resolved): Decimal | undefined {
    if (resolved.ok) {
      if (!this.figures.some((figure) => figure.key === resolved.figure.key))
        this.figures.push(resolved.figure);
      return resolved.figure.value;
    }
    if (!this.needsInput.some((needs) => needs.key === resolved.needs.key))
      this.needsInput.push(resolved.needs);
    return undefined;
  }

  ask(needs: NeedsInput): undefined {
    this.use({ ok: false, needs });
    return undefined;
  }
}
