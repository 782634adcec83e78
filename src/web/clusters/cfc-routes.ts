import { Decimal } from 'decimal.js';
import express from 'express';
import createHttpError from 'http-errors';
import type { Catalogue } from '../../catalogue/load-catalogue.js';
import {
  cfcCapex,
  cfcGrant,
  demandPerTonneOf,
  sizeCfc,
  stateTopUps,
  type CfcGrant,
} from '../../domain/cfc-plan.js';
import { displayDate } from '../../domain/scheme-status.js';
import { formatIndianNumber, formatLakhCrore, parseIndianAmount } from '../../domain/indian-number.js';
import { clusterFacts } from '../../domain/scheme-matching.js';
import type { Services } from '../../services/services.js';
import { actorOf } from '../auth.js';
import { todayInIndia } from '../format.js';
import type { Translate } from '../i18n.js';
import { renderPage } from '../render.js';

/** Two shifts of eight hours on 300 days: an assumption the advisor can change on the form. */
export const DEFAULT_OPERATING_HOURS = 4800;
const CFC_SCHEME_ID = 'mse-cdp-cfc';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

/**
 * /clusters/:id/cfc, the common facility planner: a GET form (works without JavaScript) choosing a technology
 * suited to a shared facility and the participating units; the result sizes the facility, costs it and works out
 * the MSE-CDP grant for the cluster's SPV. Only the cluster's association advisor; everyone else gets 404.
 */
export function cfcRoutes(services: Services, catalogue: Catalogue, now: () => Date): express.Router {
  const router = express.Router();
  router.get('/clusters/:id/cfc', (req, res) => {
    const cluster = catalogue.clusterById(String(req.params.id));
    const units = cluster ? services.clusters.plannerUnits(actorOf(req), cluster.id) : undefined;
    const scheme = catalogue.schemes.find((s) => s.id === CFC_SCHEME_ID);
    if (!cluster || !units || !scheme) throw createHttpError(404);
    const asOf = todayInIndia(now());
    const lang = req.lang;
    const money = (value: Decimal) => formatLakhCrore(value, lang);
    const technologies = catalogue.technologies.filter(
      (technology) =>
        technology.coverage.includes('common-facility') &&
        technology.applicability.sectors.includes(cluster.sector),
    );
    const query = req.query;
    const submitted = text(query.plan) === '1';
    const errors: Record<string, string> = {};
    const technology = technologies.find((t) => t.id === text(query.technology)) ?? technologies[0];
    if (submitted && text(query.technology) && technology?.id !== text(query.technology))
      errors.technology = 'clusters.cfc.errors.technology';
    const chosenIds = new Set(list(query.units).map(Number));
    const participants = submitted ? units.filter((unit) => chosenIds.has(unit.id)) : units;
    if (submitted && participants.length === 0) errors.units = 'clusters.cfc.errors.units';
    const number = (field: string, fallback: Decimal, max: Decimal) => {
      const raw = text(query[field]);
      if (raw === '') return fallback;
      const parsed = parseIndianAmount(raw);
      if (parsed instanceof Decimal && parsed.greaterThan(0) && parsed.lessThanOrEqualTo(max)) return parsed;
      errors[field] = `clusters.cfc.errors.${field}`;
      return fallback;
    };
    const hours = number('hours', new Decimal(DEFAULT_OPERATING_HOURS), new Decimal(8760));
    const spvShare = number('spvShare', new Decimal(10), new Decimal(100));
    const costRaw = text(query.cost);
    const givenCost = costRaw === '' ? null : number('cost', new Decimal(0), new Decimal('1e12'));

    const status = cfcGrant({
      scheme,
      facts: clusterFacts(cluster),
      projectCostInr: new Decimal(0),
      spvSharePct: spvShare,
      asOf,
    }).status;
    const sizing = technology ? sizeCfc(participants, demandPerTonneOf(technology, asOf), hours) : null;
    const capex =
      technology && sizing ? cfcCapex(catalogue.parameters, technology, cluster.state, sizing, asOf) : null;
    const costs: { label: string; cost: Decimal }[] = givenCost?.greaterThan(0)
      ? [{ label: req.t('clusters.cfc.cost.given'), cost: givenCost }]
      : [
          ...(capex?.low ? [{ label: req.t('clusters.cfc.cost.low'), cost: capex.low }] : []),
          ...(capex?.high ? [{ label: req.t('clusters.cfc.cost.high'), cost: capex.high }] : []),
        ];
    const grants = costs.map(({ label, cost }) => ({
      label,
      ...grantRows(
        cfcGrant({ scheme, facts: clusterFacts(cluster), projectCostInr: cost, spvSharePct: spvShare, asOf }),
        money,
        req.t,
        lang,
      ),
    }));
    const upliftFlags = cluster.flags;
    renderPage(req, res, 'clusters/cfc', {
      titleKey: 'clusters.cfc.title',
      titleValues: { cluster: cluster.name[lang] },
      cluster,
      errors,
      scheme,
      status: {
        closed: status.status === 'closed',
        text:
          status.status === 'closed' && status.closedOn
            ? req.t('clusters.cfc.status.closed', { date: displayDate(status.closedOn) })
            : req.t(`clusters.cfc.status.${status.status}`),
        note: status.status === 'closed' ? null : (status.note?.[lang] ?? null),
      },
      technologyOptions: technologies.map((t) => ({ value: t.id, label: t.name[lang] })),
      values: {
        technology: technology?.id ?? '',
        hours: text(query.hours) || String(DEFAULT_OPERATING_HOURS),
        spvShare: text(query.spvShare) || '10',
        cost: costRaw,
      },
      units: units.map((unit) => ({
        id: unit.id,
        name: unit.name,
        production: unit.productionTonnes
          ? req.t('clusters.cfc.production', { tonnes: formatIndianNumber(unit.productionTonnes, 0) })
          : req.t('clusters.cfc.noProduction'),
        checked: participants.includes(unit),
      })),
      participants: participants.map((unit) => ({
        name: unit.name,
        production: unit.productionTonnes ? formatIndianNumber(unit.productionTonnes, 0) : '—',
      })),
      technologyName: technology?.name[lang] ?? null,
      sizing: sizing && {
        participants: sizing.participants,
        withProduction: sizing.withProduction,
        production: formatIndianNumber(sizing.productionTonnes, 0),
        demand: formatIndianNumber(sizing.demandTonnes, 0),
        perTonne: formatIndianNumber(sizing.demandPerTonne, 2),
        hours: formatIndianNumber(sizing.operatingHours, 0),
        capacity: formatIndianNumber(sizing.capacityTph, 2),
      },
      capex: capex && {
        range:
          capex.low && capex.high
            ? `${money(capex.low)} – ${money(capex.high)}`
            : req.t('clusters.cfc.cost.none'),
        scaled: capex.scaledFromSize,
      },
      grants,
      upliftKnown: {
        northEastHillOrIsland: upliftFlags.northEastHillOrIsland.value,
        aspirationalDistrict: upliftFlags.aspirationalDistrict.value,
      },
      topUps: stateTopUps(
        catalogue.schemes,
        clusterFacts(cluster),
        costs[0]?.cost ?? new Decimal(0),
        asOf,
      ).map((topUp) => ({
        name: topUp.scheme.name[lang],
        status:
          topUp.status.status === 'open'
            ? req.t('clusters.cfc.status.open')
            : (topUp.status.note?.[lang] ?? req.t(`clusters.cfc.status.${topUp.status.status}`)),
        eligible: req.t(
          `clusters.cfc.eligible.${topUp.eligible === true ? 'yes' : topUp.eligible === false ? 'no' : 'maybe'}`,
        ),
      })),
      toConfirm: scheme.toConfirm.map((question) => question.text[lang]),
    });
  });
  return router;
}

function grantRows(grant: CfcGrant, money: (value: Decimal) => string, t: Translate, lang: 'en' | 'hi') {
  const pct = (value: Decimal | null) => (value === null ? '—' : `${formatIndianNumber(value, 0)} %`);
  return {
    rows: [
      [t('clusters.cfc.grant.cost'), money(grant.projectCostInr)],
      [t('clusters.cfc.grant.band'), grant.bandTermId ? t(`clusters.cfc.bands.${grant.bandTermId}`) : '—'],
      [t('clusters.cfc.grant.baseRate'), pct(grant.baseRatePct)],
      [
        t('clusters.cfc.grant.uplift'),
        t(`clusters.cfc.uplift.${grant.uplift}`, { points: pct(grant.upliftPct) }),
      ],
      [t('clusters.cfc.grant.rate'), pct(grant.ratePct)],
      [t('clusters.cfc.grant.eligibleCost'), money(grant.eligibleCostInr)],
      [t('clusters.cfc.grant.amount'), grant.grantInr ? money(grant.grantInr) : '—'],
      [
        t('clusters.cfc.grant.spvShare', { pct: pct(grant.spvSharePct), min: pct(grant.minSpvSharePct) }),
        money(grant.spvShareInr),
      ],
      [t('clusters.cfc.grant.remainder'), grant.remainderInr ? money(grant.remainderInr) : '—'],
    ],
    spvShareOk: grant.spvShareOk,
    criteria: grant.criteria.map((criterion) => ({
      text: criterion.text[lang],
      result: t(`clusters.cfc.criterion.${criterion.result}`),
    })),
  };
}
