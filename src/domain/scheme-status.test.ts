import { describe, expect, it } from 'vitest';
import { schemeStatusOn } from './scheme-status.js';
import type { SchemeValidity } from './scheme-types.js';

const ref = 'https://example.gov.in/scheme';
const administrator = { en: 'BEE', hi: 'बीईई' };
const validity = (rest: Partial<SchemeValidity>): SchemeValidity => ({
  validFrom: '2025-04-01',
  validUntil: '2028-03-31',
  reference: ref,
  confidence: 'official',
  ...rest,
});

describe('schemeStatusOn', () => {
  it('is not yet open before its start, open from it to its last day inclusive, closed after', () => {
    expect(schemeStatusOn(validity({}), administrator, '2025-03-31')).toMatchObject({
      status: 'not-yet-open',
      opensOn: '2025-04-01',
    });
    expect(schemeStatusOn(validity({}), administrator, '2025-04-01').status).toBe('open');
    expect(schemeStatusOn(validity({}), administrator, '2028-03-31').status).toBe('open');
    expect(schemeStatusOn(validity({}), administrator, '2028-04-01')).toMatchObject({
      status: 'closed',
      closure: 'validity-ended',
      note: {
        en: 'validity ended on 31-03-2028; extension not confirmed',
        hi: 'वैधता 31-03-2028 को समाप्त; विस्तार की पुष्टि नहीं',
      },
    });
  });

  it('a reported closure wins over a later end date', () => {
    const closure = { on: '2026-01-31', reference: ref, note: { en: 'closed', hi: 'बंद' } };
    expect(schemeStatusOn(validity({ closure }), administrator, '2026-02-01')).toMatchObject({
      status: 'closed',
      closure: 'announced',
      closedOn: '2026-01-31',
      note: { en: 'closed: no new sanctions after 31-01-2026' },
    });
  });

  it('is unconfirmed from the date its running stopped being known, with the administrator named', () => {
    const unknownSince = validity({
      validUntil: null,
      statusUnconfirmedSince: '2023-04-01',
      validFrom: '2015-02-25',
    });
    expect(schemeStatusOn(unknownSince, administrator, '2023-03-31').status).toBe('open');
    expect(schemeStatusOn(unknownSince, administrator, '2023-04-01')).toMatchObject({
      status: 'unconfirmed',
      note: { en: 'status to be confirmed with BEE', hi: 'स्थिति की पुष्टि बीईई से करें' },
    });
  });

  it('a scheme with no stated start counts as started', () => {
    expect(
      schemeStatusOn(validity({ validFrom: null, validUntil: null }), administrator, '2001-01-01').status,
    ).toBe('open');
  });
});
