// A scheme's status on an assessment date, by the rule of schemes.md ("Status label"): first match wins, and a
// scheme is never dropped, so a closed one still carries the date and the reason.
import type { LocalisedText } from './catalogue-types.js';
import type { IsoDate } from './dated.js';
import type { SchemeValidity } from './scheme-types.js';

export type SchemeStatusCode = 'not-yet-open' | 'open' | 'closed' | 'unconfirmed';

export interface SchemeStatus {
  status: SchemeStatusCode;
  opensOn: IsoDate | null;
  closedOn: IsoDate | null;
  /** announced: closure or the end of sanctions was reported; validity-ended: the published end date passed and no extension is confirmed. */
  closure: 'announced' | 'validity-ended' | null;
  /** The label beside the status, e.g. "validity ended on 31-03-2026; extension not confirmed". */
  note: LocalisedText | null;
  /** The scheme file's own remark on its status (which version of terms applies, why no end date is known). */
  detail: LocalisedText | null;
}

/** DD-MM-YYYY, the form the users and schemes.md write dates in. */
export function displayDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

const NO_DATES = { opensOn: null, closedOn: null, closure: null } as const;

// Each result is written out in full, in one key order, by a module-level function: in V8 `{ ...base, more }`
// costs microseconds a time, and so does a named inner function under tsx (development), which names each one;
// every assessment and match takes the status of every scheme.
function status(
  code: SchemeStatusCode,
  detail: LocalisedText | null,
  note: LocalisedText | null,
  dates: Pick<SchemeStatus, 'opensOn' | 'closedOn' | 'closure'> = NO_DATES,
): SchemeStatus {
  return {
    opensOn: dates.opensOn,
    closedOn: dates.closedOn,
    closure: dates.closure,
    detail,
    status: code,
    note,
  };
}

// A note names only the scheme's own dates, so each is worded once per catalogue validity object.
const datedNotes = new WeakMap<SchemeValidity, Map<string, LocalisedText>>();

function datedNote(
  validity: SchemeValidity,
  date: IsoDate,
  word: (on: string) => LocalisedText,
  kind: 'opens' | 'closed' | 'ended',
): LocalisedText {
  let notes = datedNotes.get(validity);
  if (notes === undefined) {
    notes = new Map();
    datedNotes.set(validity, notes);
  }
  let note = notes.get(kind);
  if (note === undefined) {
    note = word(displayDate(date));
    notes.set(kind, note);
  }
  return note;
}

export function schemeStatusOn(
  validity: SchemeValidity,
  administrator: LocalisedText,
  asOf: IsoDate,
): SchemeStatus {
  const detail = validity.statusNote ?? null;

  if (validity.validFrom !== null && asOf < validity.validFrom) {
    return status(
      'not-yet-open',
      detail,
      datedNote(
        validity,
        validity.validFrom,
        (on) => ({ en: `opens on ${on}`, hi: `${on} से खुलेगी` }),
        'opens',
      ),
      { opensOn: validity.validFrom, closedOn: null, closure: null },
    );
  }
  if (validity.closure !== undefined && validity.closure.on < asOf) {
    return status(
      'closed',
      detail,
      datedNote(
        validity,
        validity.closure.on,
        (on) => ({ en: `closed: no new sanctions after ${on}`, hi: `बंद: ${on} के बाद कोई नई स्वीकृति नहीं` }),
        'closed',
      ),
      { opensOn: null, closedOn: validity.closure.on, closure: 'announced' },
    );
  }
  if (validity.validUntil !== null && validity.validUntil < asOf) {
    return status(
      'closed',
      detail,
      datedNote(
        validity,
        validity.validUntil,
        (on) => ({
          en: `validity ended on ${on}; extension not confirmed`,
          hi: `वैधता ${on} को समाप्त; विस्तार की पुष्टि नहीं`,
        }),
        'ended',
      ),
      { opensOn: null, closedOn: validity.validUntil, closure: 'validity-ended' },
    );
  }
  const since = validity.statusUnconfirmedSince;
  if (since !== undefined && (since === null || since <= asOf)) {
    return status('unconfirmed', detail, {
      en: `status to be confirmed with ${administrator.en}`,
      hi: `स्थिति की पुष्टि ${administrator.hi} से करें`,
    });
  }
  return status('open', detail, null);
}
