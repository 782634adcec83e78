// Shapes of the policy catalogue as the domain sees it. src/catalogue builds these from data/ and
// validates them; the domain only reads them, so it stays free of the file system and of zod.
import type { Decimal } from 'decimal.js';
import type { Confidence, DatedSeries } from './dated.js';
import type { Scorecard } from './readiness/scorecard-types.js';
import type { CoverageCategory } from './scheme-types.js';

export interface LocalisedText {
  en: string;
  hi: string;
}

/** Two-letter state codes as used by the API (`enterprise.state`). */
export const stateCodes = [
  'PB',
  'HR',
  'RJ',
  'WB',
  'KA',
  'TN',
  'UP',
  'MH',
  'GJ',
  'KL',
  'DL',
  'HP',
  'UK',
] as const;
export type StateCode = (typeof stateCodes)[number];

export const sectors = ['foundry', 'textile', 'leather', 'ceramics'] as const;
export type Sector = (typeof sectors)[number];

/**
 * A fact about a cluster that schemes test (border district, aspirational district, ...).
 * `value: null` means not known from public sources: a condition on it must come out "unknown", never "passed".
 */
export interface ClusterFlag<T> {
  value: T | null;
  confidence: Confidence;
  reference?: string | undefined;
  note?: string | undefined;
}

export const westBengalZones = ['A', 'B', 'C', 'D', 'E'] as const;
export type WestBengalZone = (typeof westBengalZones)[number];

export interface ClusterFlags {
  /** North-Eastern Region, a Hill State or an Island territory: the higher MSE-CDP and CLCSS rates. */
  northEastHillOrIsland: ClusterFlag<boolean>;
  /** Special-category state (NE states, HP, J&K, Uttarakhand under the older central grant rules). */
  specialCategoryState: ClusterFlag<boolean>;
  /** NITI Aayog aspirational district: CGTMSE 85% cover, MSE-CDP and ZED higher rates. */
  aspirationalDistrict: ClusterFlag<boolean>;
  /** Left-wing-extremism-affected district: ZED extra subsidy, older CLCSS and MSE-CDP rules. */
  lweDistrict: ClusterFlag<boolean>;
  /** One of the 60 energy-intensive clusters notified for ADEETIE. */
  adeetieNotifiedCluster: ClusterFlag<boolean>;
  /** Punjab IBDP 2022 "border district" (interest subsidy). Only for Punjab clusters. */
  punjabBorderDistrict?: ClusterFlag<boolean> | undefined;
  /** Punjab IBDP 2022 "Kandi area" (interest subsidy). Only for Punjab clusters. */
  punjabKandiArea?: ClusterFlag<boolean> | undefined;
  /** Banglashree zone (A–E) deciding the West Bengal interest and capital subsidy rates. Only for WB clusters. */
  westBengalZone?: ClusterFlag<WestBengalZone> | undefined;
}

export interface Cluster {
  id: string;
  name: LocalisedText;
  state: StateCode;
  stateName: LocalisedText;
  district: string;
  sector: Sector;
  flags: ClusterFlags;
  /** Sources for the cluster description (units, production, melting practice); empty where none was found. */
  references: readonly string[];
  note?: string | undefined;
}

/**
 * A figure that may be known only as a range. A point value has low = high = default.
 * `default: null` means no defensible point value exists (only the range, or nothing): ask the user.
 */
export interface Quantity {
  default: Decimal | null;
  low: Decimal | null;
  high: Decimal | null;
}

export type QuantitySeries = DatedSeries<Quantity>;

export interface MsmeLimits {
  /** Investment in plant & machinery or equipment, rupees. */
  investmentInr: Decimal;
  /** Turnover excluding exports, rupees. */
  turnoverInr: Decimal;
}

export interface MsmeNorms {
  id: string;
  notification: string;
  micro: MsmeLimits;
  small: MsmeLimits;
  medium: MsmeLimits;
}

export interface StateTariff {
  stateName: string;
  /** App default all-in cost of a kWh: energy charge + demand charge share + duty + surcharges. */
  allInInrPerKwh: QuantitySeries;
  /** Energy charge for HT industry; the series unit says whether it is per kWh or per kVAh. */
  energyCharge?: QuantitySeries | undefined;
  demandChargeInrPerKvaMonth?: QuantitySeries | undefined;
}

export interface FuelPrices {
  foundryCokeInrPerTonne: QuantitySeries;
  metallurgicalCokeInrPerTonne: QuantitySeries;
  naturalGasInrPerScm: QuantitySeries;
  lpgInrPerKg: QuantitySeries;
  dieselInrPerLitre: QuantitySeries;
  furnaceOilInrPerKilolitre: QuantitySeries;
  newSilicaSandInrPerTonne: QuantitySeries;
  usedSandDisposalInrPerTonne: QuantitySeries;
}

export interface GridEmissionFactors {
  /** All-India weighted average, RE included: the app default for demand-side savings. */
  weightedAverage: QuantitySeries;
  buildMargin: QuantitySeries;
  /** "Avoided emissions, CDM-style" alternative for projects other than solar and wind. */
  combinedMarginNonSolarWind: QuantitySeries;
  /** CDM-style crediting of solar and wind generation, e.g. rooftop PV. */
  combinedMarginSolarWind: QuantitySeries;
}

export const fuelIds = [
  'coke-oven-coke',
  'indian-high-ash-coke',
  'other-bituminous-coal',
  'coking-coal',
  'residual-fuel-oil',
  'gas-diesel-oil',
  'natural-gas',
  'lpg',
  'petroleum-coke',
] as const;
export type FuelId = (typeof fuelIds)[number];

export interface FuelFactors {
  name: string;
  netCalorificValueGjPerTonne: QuantitySeries;
  co2KgPerTj: QuantitySeries;
  /** Derived: NCV × EF ÷ 10⁶, except where an India-specific estimate replaces it. */
  co2TonnesPerTonne: QuantitySeries;
}

export interface FuelDensities {
  furnaceOilKgPerLitre: QuantitySeries;
  dieselKgPerLitre: QuantitySeries;
  naturalGasKgPerScm: QuantitySeries;
}

export interface FinanceDefaults {
  discountRatePct: QuantitySeries;
  costOfDebtPct: QuantitySeries;
  energyPriceEscalationPct: QuantitySeries;
  walrFreshMsmeLoansPct: QuantitySeries;
  walrOutstandingMsmeLoansPct: QuantitySeries;
  /** Exponent of the "six-tenths" rule scaling capex from a reference size: cost₂ = cost₁ × (cap₂/cap₁)^n. */
  capexScalingExponent: QuantitySeries;
}

export interface TaxDepreciation {
  plantAndMachineryGeneralPct: QuantitySeries;
  energySavingDevicesPct: QuantitySeries;
  renewableEnergyDevicesPct: QuantitySeries;
  pollutionControlEquipmentPct: QuantitySeries;
  additionalDepreciationNewPlantPct: QuantitySeries;
}

export interface BankNorms {
  currentRatioMin: QuantitySeries;
  currentRatioMinFlexibleMethod: QuantitySeries;
  tolTnwMax: QuantitySeries;
  promoterContributionMinPct: QuantitySeries;
  dscrMin: QuantitySeries;
  collateralFreeLimitInr: QuantitySeries;
  workingCapitalShareOfTurnoverPct: QuantitySeries;
}

export interface Parameters {
  electricityTariffs: Readonly<Partial<Record<StateCode, StateTariff>>>;
  fuelPrices: FuelPrices;
  gridEmissionFactors: GridEmissionFactors;
  fuelEmissionFactors: Readonly<Record<FuelId, FuelFactors>>;
  fuelDensities: FuelDensities;
  finance: FinanceDefaults;
  taxDepreciation: TaxDepreciation;
  bankNorms: BankNorms;
  msmeNorms: DatedSeries<MsmeNorms>;
  /**
   * The loan-readiness scorecard in force by date (data/parameters/readiness.yaml). Always loaded from data/;
   * optional so hand-built parameter sets for other models need not invent one.
   */
  readiness?: DatedSeries<Scorecard> | undefined;
}

export const streamIds = [
  'electricity',
  'coke',
  'natural-gas',
  'lpg',
  'diesel',
  'furnace-oil',
  'boiler-fuel',
  'kiln-fuel',
  'new-sand',
] as const;
export type StreamId = (typeof streamIds)[number];

/** Which part of a stream a measure acts on; the user's baseline is asked for that part. */
export const endUses = [
  'site',
  'cupola',
  'induction-furnace',
  'cupola-blower',
  'motors',
  'fans-pumps',
  'compressed-air',
  'boiler',
  'kiln',
  'sand-plant',
  'pollution-control',
] as const;
export type EndUse = (typeof endUses)[number];

export interface StreamRef {
  stream: StreamId;
  endUse: EndUse;
}

export interface StreamAmount extends StreamRef {
  amount: QuantitySeries;
}

export type SavingModel =
  | {
      kind: 'percent-of-stream';
      stream: StreamRef;
      percent: QuantitySeries;
      /** Typical specific consumption of the stream per tonne of product, for users who do not know theirs. */
      baselinePerTonneProduct?: QuantitySeries | undefined;
    }
  | {
      kind: 'fuel-switch';
      /** Specific consumption per tonne of product before (`from`) and after (`to`) the switch. */
      from: StreamAmount;
      to: StreamAmount;
    }
  | {
      kind: 'generation';
      stream: StreamRef;
      yieldKwhPerKwpYear: Readonly<Partial<Record<StateCode, QuantitySeries>>>;
      degradationPctPerYear: QuantitySeries;
    }
  | {
      kind: 'material-substitution';
      material: StreamRef;
      /** Purchased material per tonne of product in the baseline. */
      baselinePerTonneProduct: QuantitySeries;
      replacedPct: QuantitySeries;
      /** Energy the process adds per tonne of material replaced. */
      addedPerTonneReplaced: readonly StreamAmount[];
    }
  | { kind: 'kvah-billing'; stream: StreamRef }
  | { kind: 'efficiency-gain'; stream: StreamRef; percentagePoints: QuantitySeries }
  | { kind: 'none'; addedLoads: readonly StreamAmount[] };

export interface SizeRange {
  low: Decimal;
  high: Decimal;
  unit: string;
}

export type CapexModel =
  | { kind: 'per-capacity'; capacityUnit: 'kW' | 'kWp'; costPerUnit: QuantitySeries }
  | { kind: 'range-at-size'; sizes: readonly { capacity: SizeRange; cost: QuantitySeries }[] }
  | { kind: 'fixed'; cost: QuantitySeries }
  | { kind: 'premium-over-baseline'; premiumPct: QuantitySeries }
  | { kind: 'recurring'; costPerYear: QuantitySeries };

export type OmModel =
  | { kind: 'percent-of-capex'; pctPerYear: QuantitySeries }
  | { kind: 'per-tonne'; inrPerTonne: QuantitySeries }
  | {
      kind: 'per-capacity-year';
      inrPerUnitYear: QuantitySeries;
      escalationPctPerYear?: QuantitySeries | undefined;
    }
  | { kind: 'not-quantified'; note: string };

export interface Technology {
  id: string;
  name: LocalisedText;
  applicability: {
    sectors: readonly Sector[];
    replaces: string;
    sizeBand?: string | undefined;
  };
  /** What a scheme would see this as paying for; scheme coverage is matched against these. */
  coverage: readonly CoverageCategory[];
  streams: readonly StreamRef[];
  savingModel: SavingModel;
  capexModel: CapexModel;
  lifeYears: QuantitySeries;
  om: OmModel;
  /** What the measure does to local pollution and compliance (SPM, consent conditions). */
  pollutionEffect: string;
  /** True when the measure is bought for compliance and saves nothing. */
  complianceOnly: boolean;
  /** The weakest confidence among the figures that drive its savings and capex. */
  confidence: Confidence;
  references: readonly string[];
  note?: string | undefined;
}
