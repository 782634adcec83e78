import type { EnterpriseProfile } from './enterprise-profile.js';
import type { Provenance } from './readiness/document-provenance.js';

// Figures an association advisor has seen on paper (issue 8), by group: the energy figures, each fiscal year's
// statements, the credit record, the compliance record. A check keeps the values seen, so a group edited since
// reads as the owner's word again (readiness.md: changing a figure resets its provenance), and a document that
// backs it weighs no more than that (documentChecklist).

export interface FigureCheck {
  /** 'energy', 'credit', 'compliance' or 'financials.<fiscal year>'. */
  group: string;
  /** The group's values as the advisor saw them, as `figureGroups` writes them. */
  seenValues: string;
  checkedByName: string;
  checkedAt: string;
}

/** JSON with object keys in order and Decimals as their exact digits, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

/** Each group of figures the profile holds, with its values written canonically. */
export function figureGroups(profile: EnterpriseProfile): Map<string, string> {
  const groups = new Map<string, string>();
  if (profile.energy) groups.set('energy', canonical(profile.energy));
  for (const year of profile.financials) groups.set(`financials.${year.fiscalYear}`, canonical(year));
  if (profile.credit) groups.set('credit', canonical(profile.credit));
  if (profile.compliance) groups.set('compliance', canonical(profile.compliance));
  return groups;
}

export type FigureCheckState = 'checked' | 'changed-since' | 'not-checked';

/** Whether the group's figures are as the advisor saw them, edited since, or never checked. */
export function checkState(profile: EnterpriseProfile, group: string): FigureCheckState {
  const check = profile.figureChecks?.find((candidate) => candidate.group === group);
  if (!check) return 'not-checked';
  return figureGroups(profile).get(group) === check.seenValues ? 'checked' : 'changed-since';
}

/**
 * The provenance of every checked group still in the profile, by path (`financials.2024-25`): advisor-checked
 * while its values are as seen, self-declared once edited. Groups never checked are left out, so they lower no
 * document below the standing it was given.
 */
export function figureProvenance(profile: EnterpriseProfile): Record<string, Provenance> {
  const current = figureGroups(profile);
  const provenance: Record<string, Provenance> = {};
  for (const check of profile.figureChecks ?? []) {
    const now = current.get(check.group);
    if (now === undefined) continue;
    provenance[check.group] =
      now === check.seenValues
        ? { status: 'advisor-checked', by: check.checkedByName, on: check.checkedAt.slice(0, 10) }
        : { status: 'self-declared' };
  }
  return provenance;
}
