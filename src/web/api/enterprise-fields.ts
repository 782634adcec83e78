import { z } from 'zod';
import { activities, ownershipGroups, zedLevels } from '../../domain/enterprise-facts.js';
import { countField, moneyField } from './api-validation.js';

// The enterprise's figures and flags that POST /api/v1/matches and POST /api/v1/readiness both take (api-v1.md:
// the readiness request's enterprise is the matches one). Each request keeps its own place fields (state,
// district, cluster, sector) in front of these and its additions after them, so issues come out in field order.

export const enterpriseFigureFields = {
  activity: z.enum(activities).optional(),
  investmentInr: moneyField('enterprise.investmentInr').optional(),
  turnoverInr: moneyField('enterprise.turnoverInr').optional(),
  exportTurnoverInr: moneyField('enterprise.exportTurnoverInr').optional(),
  yearsInOperation: countField('enterprise.yearsInOperation', 0, 200).optional(),
  ownership: z.array(z.enum(ownershipGroups)).optional(),
  udyamRegistered: z.boolean().optional(),
  gstRegistered: z.boolean().optional(),
  zedLevel: z.enum(zedLevels).nullable().optional(),
  cmrRank: countField('enterprise.cmrRank', 1, 10).nullable().optional(),
  inDefault: z.boolean().optional(),
  cashProfitLastTwoYears: z.boolean().optional(),
};
