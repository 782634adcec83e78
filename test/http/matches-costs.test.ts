// POST /api/v1/matches with the optional costs some schemes pay a share of (project.energyAuditCostInr,
// project.zedTargetLevel, project.certificationCostInr) and ZED's cluster-member fact (enterprise.sfurtiOrMseCdpMember):
// additions to api-v1.md, so a request without them is answered as before, and a bad one lists every issue.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { READINESS_EXAMPLE } from '../fixtures/readiness/api-example.js';
import { buildTestApp } from '../helpers/test-app.js';

interface Component {
  kind: string;
  amountInr: string | null;
  needs: string[] | null;
  costShare: {
    sharePct: string;
    costInr: string | null;
    capInr: string | null;
    rewardInr: string | null;
    zedLevel: string | null;
  } | null;
}
interface SchemeOut {
  id: string;
  status: string;
  eligible: boolean | null;
  benefit: {
    summary: string;
    amountInr: string | null;
    confidence: string;
    details: { components: Component[]; caveats: string[] };
  };
}
interface MatchesOut {
  schemes: SchemeOut[];
  packages: { schemeIds: string[]; netCostInr: string; auditAndCertificationSupportInr: string }[];
}

const BATALA = {
  ...READINESS_EXAMPLE.enterprise,
  cmrRank: 5,
  inDefault: false,
  cashProfitLastTwoYears: true,
};
const PROJECT = { technologyId: 'divided-blast-cupola', capexInr: '2000000', loanInr: '1500000' };

async function post(body: object) {
  const { app } = await buildTestApp();
  return request(app).post('/api/v1/matches').send(body);
}
const scheme = (out: MatchesOut, id: string) => out.schemes.find((s) => s.id === id)!;

describe('POST /api/v1/matches, costs a scheme pays a share of', () => {
  it('values the ZED subsidy on the level sought, with its cost share, and counts it in the packages', async () => {
    const response = await post({
      asOf: '2025-06-01',
      enterprise: { ...BATALA, sfurtiOrMseCdpMember: true },
      project: { ...PROJECT, zedTargetLevel: 'gold' },
    });
    expect(response.status).toBe(200);
    const out = response.body as MatchesOut;
    const zed = scheme(out, 'zed-certification');
    // Micro 80 % + 5 for the cluster member = 85 %: ₹10,000 + 85 % × ₹80,000 = ₹78,000.
    expect(zed).toMatchObject({ status: 'open', eligible: true });
    expect(zed.benefit.amountInr).toBe('78000.00');
    expect(zed.benefit.confidence).toBe('secondary');
    expect(zed.benefit.details.components).toEqual([
      {
        kind: 'certification-subsidy',
        amountInr: '78000.00',
        needs: null,
        costShare: {
          sharePct: '85.000000',
          costInr: '90000.00',
          capInr: null,
          rewardInr: '10000.00',
          zedLevel: 'gold',
        },
      },
    ]);
    expect(zed.benefit.summary).toContain('The Gold cost is as reported');
    expect(out.packages.length).toBeGreaterThan(0);
    for (const p of out.packages) {
      expect(p.schemeIds).toContain('zed-certification');
      expect(p.auditAndCertificationSupportInr).toBe('78000.00');
    }
  });

  it('says which fields would value a share when they are left out, as before for other clients', async () => {
    const response = await post({ asOf: '2025-06-01', enterprise: BATALA, project: PROJECT });
    expect(response.status).toBe(200);
    const out = response.body as MatchesOut;
    const zed = scheme(out, 'zed-certification');
    expect(zed.benefit.amountInr).toBeNull();
    expect(zed.benefit.details.components[0]?.needs).toEqual([
      'project.zedTargetLevel',
      'project.certificationCostInr',
    ]);
    expect(zed.benefit.summary).toContain(
      'enter the ZED level sought or its certification cost to value this',
    );
    for (const p of out.packages) expect(p.auditAndCertificationSupportInr).toBe('0.00');
  });

  it("values a state scheme's audit share on the audit cost given", async () => {
    const enterprise = { ...BATALA, state: 'HR', district: 'Panipat', sector: 'textile' };
    delete (enterprise as { clusterId?: string }).clusterId;
    const without = (await post({ asOf: '2024-06-01', enterprise, project: PROJECT })).body as MatchesOut;
    const audit = without.schemes.find((s) => s.id === 'haryana-energy-conservation')!.benefit.details
      .components[1];
    expect(audit).toMatchObject({
      kind: 'audit-reimbursement',
      amountInr: null,
      needs: ['project.energyAuditCostInr'],
    });
    const given = (
      await post({ asOf: '2024-06-01', enterprise, project: { ...PROJECT, energyAuditCostInr: '120000' } })
    ).body as MatchesOut;
    // 75 % of ₹1,20,000 = ₹90,000, under the ₹2 lakh cap.
    const haryana = scheme(given, 'haryana-energy-conservation');
    expect(haryana.benefit.details.components[1]).toMatchObject({
      kind: 'audit-reimbursement',
      amountInr: '90000.00',
      needs: null,
      costShare: { sharePct: '75.000000', costInr: '120000.00', capInr: '200000.00' },
    });
    expect(haryana.benefit.summary).toContain('75 % of the ₹1.20 lakh energy-audit cost paid back');
  });

  it('gives the SIDBI 4E caveat in the language asked for', async () => {
    for (const lang of ['en', 'hi'] as const) {
      const out = (await post({ asOf: '2026-11-22', lang, enterprise: BATALA, project: PROJECT }))
        .body as MatchesOut;
      const fourE = scheme(out, 'sidbi-4e');
      expect(fourE.benefit.details.caveats).toHaveLength(1);
      expect(fourE.benefit.summary).toContain(fourE.benefit.details.caveats[0]);
      expect(fourE.benefit.details.caveats[0]).toContain(lang === 'en' ? '2017 terms' : '2017 की शर्तों');
    }
  });

  it('answers bad values with 422 listing every issue', async () => {
    const response = await post({
      enterprise: { ...BATALA, zedLevel: 'gold', sfurtiOrMseCdpMember: 'yes' },
      project: {
        ...PROJECT,
        energyAuditCostInr: '-5',
        zedTargetLevel: 'bronze',
        certificationCostInr: 'ninety thousand',
      },
    });
    expect(response.status).toBe(422);
    const issues = (response.body as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'enterprise.sfurtiOrMseCdpMember',
      'project.certificationCostInr',
      'project.energyAuditCostInr',
      'project.zedTargetLevel',
    ]);
    expect(issues.find((issue) => issue.path === 'project.zedTargetLevel')?.message).toBe(
      'project.zedTargetLevel cannot be below the level the enterprise holds (enterprise.zedLevel "gold")',
    );
    const unknownLevel = await post({
      enterprise: BATALA,
      project: { ...PROJECT, zedTargetLevel: 'platinum' },
    });
    expect(unknownLevel.status).toBe(422);
    expect((unknownLevel.body as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
      'project.zedTargetLevel',
    ]);
  });

  it('documents the new fields in the OpenAPI document', async () => {
    const { app } = await buildTestApp();
    const doc = (await request(app).get('/api/v1/openapi.json')).body as {
      paths: Record<
        string,
        { post: { requestBody: { content: { 'application/json': { schema: unknown } } } } }
      >;
    };
    const schema = doc.paths['/api/v1/matches']!.post.requestBody.content['application/json'].schema as {
      properties: {
        enterprise: { properties: Record<string, { description?: string }> };
        project: { properties: Record<string, { description?: string }>; required: string[] };
      };
    };
    const project = schema.properties.project;
    for (const field of ['energyAuditCostInr', 'zedTargetLevel', 'certificationCostInr']) {
      expect(project.properties[field]?.description).toBeTruthy();
      expect(project.required).not.toContain(field);
    }
    expect(schema.properties.enterprise.properties.sfurtiOrMseCdpMember?.description).toContain('SFURTI');
  });
});
