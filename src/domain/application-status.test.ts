import { describe, expect, it } from 'vitest';
import { ackYear, formatAck, parseAck } from './application-ack.js';
import {
  actionsAvailable,
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  OPEN_STATUSES,
  transition,
  type ApplicationAction,
  type ApplicationParty,
  type ApplicationStatus,
} from './application-status.js';

/** Every allowed move, written out by hand from the issue: anything not listed here must be refused. */
const ALLOWED: [ApplicationStatus, ApplicationAction, ApplicationParty, ApplicationStatus][] = [
  ['submitted', 'start-review', 'officer', 'under-review'],
  ['under-review', 'request-information', 'officer', 'information-requested'],
  ['information-requested', 'answer-information', 'owner', 'under-review'],
  ['under-review', 'recommend', 'officer', 'recommended'],
  ['recommended', 'return-to-review', 'officer', 'under-review'],
  ['recommended', 'sanction', 'officer', 'sanctioned'],
  ['recommended', 'decline', 'officer', 'declined'],
  ['under-review', 'decline', 'officer', 'declined'],
  ['submitted', 'withdraw', 'owner', 'withdrawn'],
  ['under-review', 'withdraw', 'owner', 'withdrawn'],
  ['information-requested', 'withdraw', 'owner', 'withdrawn'],
  ['recommended', 'withdraw', 'owner', 'withdrawn'],
];

const PARTIES: ApplicationParty[] = ['owner', 'officer'];

describe('the application status machine', () => {
  it.each(ALLOWED)('from %s, %s by the %s leads to %s', (from, action, party, to) => {
    expect(transition(from, action, party)).toEqual({ ok: true, to });
  });

  const refused = APPLICATION_STATUSES.flatMap((from) =>
    APPLICATION_ACTIONS.flatMap((action) =>
      PARTIES.filter((party) => !ALLOWED.some(([f, a, p]) => f === from && a === action && p === party)).map(
        (party) => [from, action, party] as const,
      ),
    ),
  );

  it('refuses every other combination of status, action and party', () => {
    expect(refused.length).toBe(
      APPLICATION_STATUSES.length * APPLICATION_ACTIONS.length * 2 - ALLOWED.length,
    );
  });

  it.each(refused)('from %s, %s by the %s is refused', (from, action, party) => {
    expect(transition(from, action, party).ok).toBe(false);
  });

  it('says why: the wrong party before the wrong status', () => {
    expect(transition('submitted', 'sanction', 'owner')).toEqual({ ok: false, reason: 'not-this-party' });
    expect(transition('submitted', 'sanction', 'officer')).toEqual({
      ok: false,
      reason: 'not-allowed-from-status',
    });
  });

  it('leaves nothing to do on a final application, and lets the owner withdraw only an open one', () => {
    for (const status of ['sanctioned', 'declined', 'withdrawn'] as const) {
      expect(actionsAvailable(status, 'owner')).toEqual([]);
      expect(actionsAvailable(status, 'officer')).toEqual([]);
    }
    expect(OPEN_STATUSES).toEqual(['submitted', 'under-review', 'information-requested', 'recommended']);
    expect(actionsAvailable('information-requested', 'owner')).toEqual(['answer-information', 'withdraw']);
    expect(actionsAvailable('under-review', 'officer')).toEqual([
      'request-information',
      'recommend',
      'decline',
    ]);
  });
});

describe('acknowledgement numbers', () => {
  it('are HS-<year>-<six digits>', () => {
    expect(formatAck(2026, 123)).toBe('HS-2026-000123');
    expect(formatAck(2026, 999_999)).toBe('HS-2026-999999');
    expect(() => formatAck(2026, 0)).toThrow(RangeError);
    expect(() => formatAck(2026, 1_000_000)).toThrow(RangeError);
  });

  it('take the year in India, where the new year starts 5½ hours before UTC', () => {
    expect(ackYear(new Date('2026-12-31T18:29:59Z'))).toBe(2026);
    expect(ackYear(new Date('2026-12-31T18:30:00Z'))).toBe(2027);
  });

  it('are read in any case, with spaces around, and nothing else is', () => {
    expect(parseAck(' hs-2026-000123 ')).toBe('HS-2026-000123');
    expect(parseAck('HS-2026-123')).toBeUndefined();
    expect(parseAck('HS-2026-000123x')).toBeUndefined();
  });
});
