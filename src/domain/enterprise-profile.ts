import type { Decimal } from 'decimal.js';
import type { FigureCheck } from './figure-checks.js';
import type { IsoDate } from './dated.js';

// The owner's enterprise profile as the app stores it, step by step. Quantities and money are Decimal; a
// missing value is `null` (not answered), which later calculations treat as unknown, never as zero.

export const CONSTITUTIONS = [
  'proprietorship',
  'partnership',
  'llp',
  'private-limited',
  'public-limited',
  'cooperative',
  'other',
] as const;
export type Constitution = (typeof CONSTITUTIONS)[number];

export const OWNERSHIP_GROUPS = ['women', 'sc', 'st'] as const;
export type OwnershipGroupId = (typeof OWNERSHIP_GROUPS)[number];

export const SMA_STATUSES = ['none', 'SMA-0', 'SMA-1', 'SMA-2', 'NPA'] as const;
export type SmaStatus = (typeof SMA_STATUSES)[number];

export const PROFILE_STEPS = [
  'enterprise',
  'energy',
  'finances',
  'credit',
  'compliance',
  'documents',
] as const;
export type ProfileStep = (typeof PROFILE_STEPS)[number];

/** The documents a bank asks for (readiness.md § Required documents). */
export const DOCUMENT_IDS = [
  'kyc-promoters',
  'udyam-certificate',
  'gst-registration',
  'gst-returns-12m',
  'itr-3y',
  'audited-financials-3y',
  'bank-statements-12m',
  'cma-projections',
  'energy-audit-report',
  'detailed-project-report',
  'equipment-quotations',
  'consent-to-operate',
  'existing-loan-sanctions',
  'promoter-contribution-proof',
] as const;
export type DocumentId = (typeof DOCUMENT_IDS)[number];

/** Udyam registration number as issued: UDYAM-<state>-<district 2 digits>-<7 digits>. */
export const UDYAM_PATTERN = /^UDYAM-[A-Z]{2}-\d{2}-\d{7}$/;

export const PROVENANCES = ['self-declared', 'advisor-checked', 'document-verified'] as const;
export type Provenance = (typeof PROVENANCES)[number];

export interface EnterpriseDetails {
  name: string;
  clusterId: string;
  udyamNumber: string | null;
  gstNumber: string | null;
  constitution: Constitution | null;
  yearOfStart: number | null;
  /** null = not answered; [] = none of the groups. */
  ownership: OwnershipGroupId[] | null;
  investmentInr: Decimal | null;
}

export interface EnergyUse {
  productionTonnes: Decimal | null;
  electricityKwh: Decimal | null;
  contractDemandKva: Decimal | null;
  connectedLoadKw: Decimal | null;
  cokeTonnes: Decimal | null;
  naturalGasScm: Decimal | null;
  lpgKg: Decimal | null;
  dieselLitres: Decimal | null;
  furnaceOilKl: Decimal | null;
  annualEnergyBillInr: Decimal | null;
}

/** One fiscal year's figures, named as in api-v1.md's readiness request. */
export interface FiscalYearFigures {
  fiscalYear: string;
  revenueInr: Decimal | null;
  profitAfterTaxInr: Decimal | null;
  depreciationInr: Decimal | null;
  interestInr: Decimal | null;
  termLoanRepaymentInr: Decimal | null;
  currentAssetsInr: Decimal | null;
  currentLiabilitiesInr: Decimal | null;
  totalOutsideLiabilitiesInr: Decimal | null;
  netWorthInr: Decimal | null;
  intangibleAssetsInr: Decimal | null;
}

export const FINANCIAL_FIGURES = [
  'revenueInr',
  'profitAfterTaxInr',
  'depreciationInr',
  'interestInr',
  'termLoanRepaymentInr',
  'currentAssetsInr',
  'currentLiabilitiesInr',
  'totalOutsideLiabilitiesInr',
  'netWorthInr',
  'intangibleAssetsInr',
] as const;
export type FinancialFigure = (typeof FINANCIAL_FIGURES)[number];

export interface CreditRecord {
  newToCredit: boolean;
  cmrRank: number | null;
  existingLoansInr: Decimal | null;
  existingEmiInr: Decimal | null;
  smaStatus: SmaStatus;
}

export interface Compliance {
  consentToOperateUntil: IsoDate | null;
  gstReturnsFiled: boolean;
}

export interface DocumentRecord {
  documentId: DocumentId;
  provenance: Provenance;
  updatedByUserId: number;
  updatedAt: string;
}

export interface EnterpriseProfile {
  id: number;
  version: number;
  ownerUserId: number | null;
  details: EnterpriseDetails;
  energy: EnergyUse | null;
  financials: FiscalYearFigures[];
  credit: CreditRecord | null;
  compliance: Compliance | null;
  documents: DocumentRecord[];
  completedSteps: ProfileStep[];
  /** Groups of figures an advisor has seen on paper, with the values seen; absent where none were read. */
  figureChecks?: readonly FigureCheck[];
}

/**
 * The last `count` completed Indian fiscal years (April–March) before `today`, newest first:
 * on 2026-11-22 they are 2025-26, 2024-25, 2023-24.
 */
export function recentFiscalYears(today: IsoDate, count = 3): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const lastEndYear = month >= 4 ? year : year - 1;
  return Array.from({ length: count }, (_, i) => {
    const end = lastEndYear - i;
    return `${end - 1}-${String(end % 100).padStart(2, '0')}`;
  });
}
