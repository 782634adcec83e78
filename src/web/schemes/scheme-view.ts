import type { Decimal } from 'decimal.js';
import { entryOn } from '../../domain/dated.js';
import { formatIndianNumber, formatLakhCrore } from '../../domain/indian-number.js';
import { schemeStatusOn } from '../../domain/scheme-status.js';
import type { Scheme, SchemeTerm, Slab } from '../../domain/scheme-types.js';
import { formatDate } from '../format.js';
import type { Lang } from '../i18n.js';

// The scheme directory's rows and a scheme's terms, formatted: every value with its unit, start date, source
// and confidence, or "to be confirmed with <administrator>" where the value is not established.

const UNITS: Record<string, { en: string; hi: string }> = {
  percent: { en: '%', hi: '%' },
  'percent-per-year': { en: '% a year', hi: '% प्रति वर्ष' },
  months: { en: 'months', hi: 'महीने' },
  years: { en: 'years', hi: 'वर्ष' },
  ratio: { en: '', hi: '' },
  kw: { en: 'kW', hi: 'kW' },
  'inr-per-year': { en: 'a year', hi: 'प्रति वर्ष' },
  inr: { en: '', hi: '' },
};

function valueText(value: Decimal, unit: string, lang: Lang): string {
  if (unit === 'inr' || unit === 'inr-per-year')
    return `${formatLakhCrore(value, lang)} ${UNITS[unit]?.[lang] ?? ''}`.trim();
  return `${formatIndianNumber(value, value.decimalPlaces())} ${UNITS[unit]?.[lang] ?? ''}`.trim();
}

function slabsText(slabs: readonly Slab[], lang: Lang): string {
  return slabs
    .map((slab) =>
      slab.upToInr === null
        ? `${lang === 'hi' ? 'उससे ऊपर' : 'above'}: ${formatIndianNumber(slab.value, slab.value.decimalPlaces())} %`
        : `${lang === 'hi' ? 'तक' : 'up to'} ${formatLakhCrore(slab.upToInr, lang)}: ${formatIndianNumber(slab.value, slab.value.decimalPlaces())} %`,
    )
    .join('; ');
}

export interface TermRow {
  label: string;
  value: string | null;
  from: string | null;
  reference: string | null;
  confidence: string;
}

export function termRow(term: SchemeTerm, scheme: Scheme, asOf: string, lang: Lang): TermRow {
  const entry = term.shape === 'slabs' ? entryOn(term.series, asOf) : entryOn(term.series, asOf);
  const latest = [...term.series.values]
    .filter((v) => v.from <= asOf)
    .sort((a, b) => b.from.localeCompare(a.from))[0];
  const value =
    entry === undefined
      ? null
      : term.shape === 'slabs'
        ? slabsText(entry.value as readonly Slab[], lang)
        : valueText(entry.value as Decimal, term.series.unit, lang);
  return {
    label: term.label[lang],
    value:
      value ??
      (lang === 'hi'
        ? `${scheme.administrator.hi} से पुष्टि करनी है`
        : `to be confirmed with ${scheme.administrator.en}`),
    from: latest ? formatDate(latest.from) : null,
    reference: latest?.reference ?? null,
    confidence: value === null ? 'unconfirmed' : (latest?.confidence ?? 'unconfirmed'),
  };
}

export function schemeRow(scheme: Scheme, asOf: string, lang: Lang) {
  const status = schemeStatusOn(scheme.validity, scheme.administrator, asOf);
  return {
    id: scheme.id,
    name: scheme.name[lang],
    administrator: scheme.administrator[lang],
    kinds: scheme.kinds,
    status: status.status,
    statusNote: status.note?.[lang] ?? null,
    validFrom: scheme.validity.validFrom ? formatDate(scheme.validity.validFrom) : null,
    validUntil: scheme.validity.validUntil ? formatDate(scheme.validity.validUntil) : null,
  };
}
