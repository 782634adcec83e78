import { Decimal } from 'decimal.js';
import type { EnterpriseFacts } from '../../src/domain/enterprise-facts.js';

/**
 * A micro Batala foundry (Gurdaspur, Punjab) with a ₹20 lakh project and a ₹15 lakh loan, as the facts matchSchemes
 * reads, for the tests that match it against the real catalogue; `extra` changes or adds facts.
 */
export function batalaFoundryFacts(extra: Partial<EnterpriseFacts> = {}): EnterpriseFacts {
  return {
    state: 'PB',
    district: 'Gurdaspur',
    clusterId: 'batala-foundry',
    sector: 'foundry',
    activity: 'manufacturing',
    udyamRegistered: true,
    gstRegistered: true,
    inDefault: false,
    cashProfitLastTwoYears: true,
    yearsInOperation: 12,
    ownership: [],
    zedLevel: null,
    aspirationalDistrict: false,
    category: 'micro',
    capexInr: new Decimal('2000000'),
    loanInr: new Decimal('1500000'),
    ...extra,
  };
}
