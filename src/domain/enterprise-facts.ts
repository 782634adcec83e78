// The facts a scheme condition may test. They mirror the enterprise and project of POST /api/v1/matches,
// plus cluster flags (from data/clusters.yaml) whose value may be unknown. An absent fact is unknown: a
// condition that needs it comes out "unknown", never "passed".
import type { Decimal } from 'decimal.js';
import type { IsoDate } from './dated.js';
import { westBengalZones, type LocalisedText, type WestBengalZone } from './catalogue-types.js';

export const msmeCategories = ['micro', 'small', 'medium', 'not-msme'] as const;
export type MsmeCategory = (typeof msmeCategories)[number];

export const ownershipGroups = ['women', 'sc', 'st'] as const;
export type OwnershipGroup = (typeof ownershipGroups)[number];

export const zedLevels = ['bronze', 'silver', 'gold'] as const;
export type ZedLevel = (typeof zedLevels)[number];
export const zedLevelNames: Readonly<Record<ZedLevel, LocalisedText>> = {
  bronze: { en: 'Bronze', hi: 'ब्रॉन्ज़' },
  silver: { en: 'Silver', hi: 'सिल्वर' },
  gold: { en: 'Gold', hi: 'गोल्ड' },
};

export const activities = ['manufacturing', 'services', 'trading'] as const;
export type Activity = (typeof activities)[number];

/**
 * Brownfield = expansion or modernisation of an existing unit; several state policies pay only new units and
 * expansions. For a cluster SPV's industrial estate (MSE-CDP), new-unit is a new estate and expansion or modernisation
 * an upgrade of an existing one.
 */
export const projectTypes = ['new-unit', 'expansion', 'modernisation'] as const;
export type ProjectType = (typeof projectTypes)[number];

export interface EnterpriseFacts {
  readonly state?: string;
  readonly district?: string;
  readonly clusterId?: string;
  readonly sector?: string;
  readonly activity?: Activity;
  /** Classified elsewhere with the MSME norms in force on the assessment date. */
  readonly category?: MsmeCategory;
  readonly investmentInr?: Decimal;
  readonly turnoverInr?: Decimal;
  readonly exportTurnoverInr?: Decimal;
  readonly yearsInOperation?: number;
  /** Groups that own the enterprise (51% or more; 100% for a proprietorship). Empty = none of them. */
  readonly ownership?: readonly OwnershipGroup[];
  readonly udyamRegistered?: boolean;
  readonly gstRegistered?: boolean;
  /** `null` = not ZED-certified (known), absent = unknown. */
  readonly zedLevel?: ZedLevel | null;
  /** CIBIL MSME Rank 1 (best) – 10; `null` = new to credit, no rank (known), absent = unknown. */
  readonly cmrRank?: number | null;
  /** Promoter's credit score, which banks read where there is no CMR. */
  readonly promoterCicScore?: number;
  readonly inDefault?: boolean;
  readonly cashProfitLastTwoYears?: boolean;
  /** Date commercial production started. */
  readonly productionStartDate?: IsoDate;
  /** Member of an SFURTI or MSE-CDP cluster (ZED certification's 5-point top-up). */
  readonly sfurtiOrMseCdpMember?: boolean;

  /** The project's first (or only) measure. */
  readonly technologyId?: string;
  /**
   * The project's further measures, where it has more than one: a condition on `technologyId` then holds only
   * when it holds for every measure (a scheme tied to a technology pays on the project's whole cost).
   */
  readonly otherTechnologyIds?: readonly string[];
  readonly projectType?: ProjectType;
  readonly capexInr?: Decimal;
  readonly loanInr?: Decimal;
  readonly energySavingPct?: Decimal;
  readonly viaEsco?: boolean;
  readonly clusterSpv?: boolean;
  /** The ZED level the enterprise seeks; the ZED scheme file gives each level's certification cost. */
  readonly zedTargetLevel?: ZedLevel;
  /** The ZED certification's cost as quoted, valued instead of the scheme file's cost of the level. */
  readonly certificationCostInr?: Decimal;
  /** The energy audit's cost, for the schemes that pay back a share of it. */
  readonly energyAuditCostInr?: Decimal;

  readonly northEastHillOrIsland?: boolean;
  readonly aspirationalDistrict?: boolean;
  readonly lweDistrict?: boolean;
  readonly adeetieNotifiedCluster?: boolean;
  readonly punjabBorderDistrict?: boolean;
  readonly punjabKandiArea?: boolean;
  readonly westBengalZone?: WestBengalZone;
}

export type FactKey = keyof EnterpriseFacts;

/** The project as scheme conditions read it: its measures' technologies in order, cost and loan, and what was said. */
export interface ProjectFactsInput {
  technologyIds: readonly string[];
  capexInr: Decimal;
  loanInr: Decimal;
  projectType?: ProjectType | null | undefined;
  energyAuditCostInr?: Decimal | null | undefined;
}

/**
 * The project's facts: the first measure's technology, the others where there are more (decision 0008), the cost
 * and the loan, and the project type and energy-audit cost where given (absent, not null, when not).
 */
export function projectFacts(project: ProjectFactsInput): EnterpriseFacts {
  const [technologyId, ...others] = project.technologyIds;
  return {
    ...(technologyId === undefined ? {} : { technologyId }),
    ...(others.length > 0 ? { otherTechnologyIds: others } : {}),
    capexInr: project.capexInr,
    loanInr: project.loanInr,
    ...(project.projectType ? { projectType: project.projectType } : {}),
    ...(project.energyAuditCostInr ? { energyAuditCostInr: project.energyAuditCostInr } : {}),
  };
}

/**
 * How a fact is compared and shown. money and percent are Decimal; count is an integer; code is one of a closed
 * set of strings; set is a list of codes (`equals` = contains, `in` = shares a member); date is an ISO date.
 */
export type FactKind = 'money' | 'percent' | 'count' | 'flag' | 'code' | 'text' | 'set' | 'date';

export interface FactDefinition {
  kind: FactKind;
  label: LocalisedText;
  /** Closed set of values for code and set facts; a scheme file naming another value fails at load. */
  values?: readonly string[];
  /** Whether the fact may be a known `null` (none), as opposed to absent (unknown). */
  nullable?: boolean;
}

export const factDefinitions = {
  state: { kind: 'code', label: { en: 'state', hi: 'राज्य' } },
  district: { kind: 'text', label: { en: 'district', hi: 'ज़िला' } },
  clusterId: { kind: 'code', label: { en: 'cluster', hi: 'क्लस्टर' } },
  sector: { kind: 'code', label: { en: 'sector', hi: 'क्षेत्र' } },
  activity: { kind: 'code', label: { en: 'activity', hi: 'गतिविधि' }, values: activities },
  category: { kind: 'code', label: { en: 'MSME category', hi: 'एमएसएमई श्रेणी' }, values: msmeCategories },
  investmentInr: {
    kind: 'money',
    label: { en: 'investment in plant & machinery', hi: 'संयंत्र और मशीनरी में निवेश' },
  },
  turnoverInr: { kind: 'money', label: { en: 'turnover', hi: 'टर्नओवर' } },
  exportTurnoverInr: { kind: 'money', label: { en: 'export turnover', hi: 'निर्यात टर्नओवर' } },
  yearsInOperation: { kind: 'count', label: { en: 'years in operation', hi: 'संचालन के वर्ष' } },
  ownership: { kind: 'set', label: { en: 'ownership', hi: 'स्वामित्व' }, values: ownershipGroups },
  udyamRegistered: { kind: 'flag', label: { en: 'Udyam registration', hi: 'उद्यम पंजीकरण' } },
  gstRegistered: { kind: 'flag', label: { en: 'GST registration', hi: 'जीएसटी पंजीकरण' } },
  zedLevel: {
    kind: 'code',
    label: { en: 'ZED certification', hi: 'ज़ेड प्रमाणन' },
    values: zedLevels,
    nullable: true,
  },
  cmrRank: { kind: 'count', label: { en: 'CIBIL MSME Rank', hi: 'सिबिल एमएसएमई रैंक' }, nullable: true },
  promoterCicScore: { kind: 'count', label: { en: "promoter's credit score", hi: 'प्रवर्तक का क्रेडिट स्कोर' } },
  inDefault: { kind: 'flag', label: { en: 'default to a bank or FI', hi: 'बैंक या वित्तीय संस्था का बकाया चूक' } },
  cashProfitLastTwoYears: {
    kind: 'flag',
    label: { en: 'cash profit in each of the last two years', hi: 'पिछले दो वर्षों में से हर वर्ष नकद लाभ' },
  },
  productionStartDate: {
    kind: 'date',
    label: { en: 'date commercial production started', hi: 'वाणिज्यिक उत्पादन शुरू होने की तारीख' },
  },
  sfurtiOrMseCdpMember: {
    kind: 'flag',
    label: { en: 'member of an SFURTI or MSE-CDP cluster', hi: 'एसएफयूआरटीआई या एमएसई-सीडीपी क्लस्टर का सदस्य' },
  },
  technologyId: { kind: 'code', label: { en: 'technology', hi: 'प्रौद्योगिकी' } },
  otherTechnologyIds: {
    kind: 'set',
    label: { en: 'other measures of the project', hi: 'परियोजना के अन्य उपाय' },
  },
  projectType: { kind: 'code', label: { en: 'project type', hi: 'परियोजना का प्रकार' }, values: projectTypes },
  capexInr: { kind: 'money', label: { en: 'project cost', hi: 'परियोजना लागत' } },
  loanInr: { kind: 'money', label: { en: 'loan amount', hi: 'ऋण राशि' } },
  energySavingPct: { kind: 'percent', label: { en: 'energy saving', hi: 'ऊर्जा बचत' } },
  viaEsco: { kind: 'flag', label: { en: 'implemented by an ESCO', hi: 'ईएससीओ द्वारा कार्यान्वयन' } },
  clusterSpv: { kind: 'flag', label: { en: 'applicant is a cluster SPV', hi: 'आवेदक क्लस्टर एसपीवी है' } },
  zedTargetLevel: {
    kind: 'code',
    label: { en: 'ZED level sought', hi: 'लक्षित ज़ेड स्तर' },
    values: zedLevels,
  },
  certificationCostInr: { kind: 'money', label: { en: 'ZED certification cost', hi: 'ज़ेड प्रमाणन लागत' } },
  energyAuditCostInr: { kind: 'money', label: { en: 'energy-audit cost', hi: 'ऊर्जा ऑडिट लागत' } },
  northEastHillOrIsland: {
    kind: 'flag',
    label: {
      en: 'located in the North-East, a hill state or an island territory',
      hi: 'पूर्वोत्तर, पहाड़ी राज्य या द्वीप क्षेत्र में स्थित',
    },
  },
  aspirationalDistrict: {
    kind: 'flag',
    label: { en: 'located in an aspirational district', hi: 'आकांक्षी ज़िले में स्थित' },
  },
  lweDistrict: {
    kind: 'flag',
    label: { en: 'located in an LWE-affected district', hi: 'वामपंथी उग्रवाद प्रभावित ज़िले में स्थित' },
  },
  adeetieNotifiedCluster: {
    kind: 'flag',
    label: { en: 'cluster notified for ADEETIE', hi: 'एडीईईटीआईई के लिए अधिसूचित क्लस्टर' },
  },
  punjabBorderDistrict: {
    kind: 'flag',
    label: { en: 'Punjab border district', hi: 'पंजाब का सीमावर्ती ज़िला' },
  },
  punjabKandiArea: { kind: 'flag', label: { en: 'Punjab Kandi area', hi: 'पंजाब का कंडी क्षेत्र' } },
  westBengalZone: {
    kind: 'code',
    label: { en: 'Banglashree zone', hi: 'बांग्लाश्री ज़ोन' },
    values: westBengalZones,
  },
} as const satisfies Record<FactKey, FactDefinition>;

export const factKeys = Object.keys(factDefinitions) as readonly FactKey[];
