import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { FINANCIAL_FIGURES, type FiscalYearFigures } from '../../src/domain/enterprise-profile.js';
import type { Actor } from '../../src/services/actor.js';
import { buildTestApp, loggedInAgent, type TestApp } from '../helpers/test-app.js';

// The readiness panel on the enterprise overview: what a saved profile can show before there is a project.

function singhCastings(testApp: TestApp) {
  const owner = testApp.repos.users.findByIdentifier('owner@demo.in')!;
  const enterprise = testApp.repos.enterprises
    .listByOwner(owner.id)
    .find((e) => e.name === 'Singh Castings')!;
  const actor: Actor = { userId: owner.id, role: 'owner', organisationId: null, branchId: null };
  return { id: enterprise.id, actor };
}

const year = (fiscalYear: string, figures: Partial<Record<(typeof FINANCIAL_FIGURES)[number], string>>) =>
  ({
    fiscalYear,
    ...Object.fromEntries(
      FINANCIAL_FIGURES.map((name) => [name, figures[name] ? new Decimal(figures[name]) : null]),
    ),
  }) as FiscalYearFigures;

describe('readiness on the enterprise overview', () => {
  it('shows what a fresh profile can be assessed on and names each missing step', async () => {
    const testApp = await buildTestApp();
    const { id } = singhCastings(testApp);
    const { agent } = await loggedInAgent(testApp.app, 'owner@demo.in');
    const page = await agent.get(`/enterprises/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('How a bank is likely to see this file');
    expect(page.text).toContain('Add the finances step to see the financial-health pillar.');
    expect(page.text).toContain('Band not decided yet');
    expect(page.text).not.toContain('The account is');
  });

  it('scores the steps saved and decides the band when a gate fails, for the owner and the advisor', async () => {
    const testApp = await buildTestApp();
    const { id, actor } = singhCastings(testApp);
    const profiles = testApp.services.profiles;
    const context = { actor, requestId: 'test' };
    let version = profiles.profileFor(actor, id)!.version;
    const save = (data: Parameters<typeof profiles.saveStep>[3]) => {
      const outcome = profiles.saveStep(actor, id, version, data, context);
      if (!outcome.ok) throw new Error('stale version');
      version = outcome.version;
    };
    save({
      step: 'finances',
      financials: [
        year('2025-26', {
          revenueInr: '30000000',
          profitAfterTaxInr: '1500000',
          depreciationInr: '600000',
          interestInr: '400000',
          termLoanRepaymentInr: '1000000',
          currentAssetsInr: '9000000',
          currentLiabilitiesInr: '6000000',
          totalOutsideLiabilitiesInr: '12000000',
          netWorthInr: '5000000',
        }),
      ],
    });
    save({
      step: 'credit',
      credit: {
        newToCredit: false,
        cmrRank: 5,
        existingLoansInr: new Decimal(4_000_000),
        existingEmiInr: new Decimal(90_000),
        smaStatus: 'NPA',
      },
    });
    for (const who of ['owner@demo.in', 'advisor@demo.in']) {
      const { agent } = await loggedInAgent(testApp.app, who);
      const page = await agent.get(`/enterprises/${id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('The account is NPA.');
      expect(page.text).toContain('Band: Not ready.');
      expect(page.text).toContain('DSCR on existing debt, latest year: 1.79 meets the full-points threshold');
      const hindi = await agent.get(`/enterprises/${id}`).set('Cookie', 'lang=hi');
      expect(hindi.text).toContain('खाता NPA है।');
      expect(hindi.text).not.toContain('How a bank is likely to see this file');
    }
  });
});
