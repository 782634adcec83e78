import type { Parameters } from '../domain/catalogue-types.js';
import {
  bankNormsFileSchema,
  electricityTariffsFileSchema,
  emissionFactorsFileSchema,
  financeFileSchema,
  fuelPricesFileSchema,
  msmeNormsFileSchema,
  readinessFileSchema,
  taxDepreciationFileSchema,
} from './parameter-schemas.js';
import { readYamlFile, type ProblemList } from './read-yaml-file.js';

/** Reads every file under data/parameters/; undefined if any of them is missing or invalid (see `problems`). */
export function loadParameters(dataDir: string, problems: ProblemList): Parameters | undefined {
  const tariffs = readYamlFile(
    dataDir,
    'parameters/electricity-tariffs.yaml',
    electricityTariffsFileSchema,
    problems,
  );
  const fuelPrices = readYamlFile(dataDir, 'parameters/fuel-prices.yaml', fuelPricesFileSchema, problems);
  const emissions = readYamlFile(
    dataDir,
    'parameters/emission-factors.yaml',
    emissionFactorsFileSchema,
    problems,
  );
  const finance = readYamlFile(dataDir, 'parameters/finance.yaml', financeFileSchema, problems);
  const taxDepreciation = readYamlFile(
    dataDir,
    'parameters/tax-depreciation.yaml',
    taxDepreciationFileSchema,
    problems,
  );
  const bankNorms = readYamlFile(dataDir, 'parameters/bank-norms.yaml', bankNormsFileSchema, problems);
  const msmeNorms = readYamlFile(dataDir, 'parameters/msme-norms.yaml', msmeNormsFileSchema, problems);
  const readiness = readYamlFile(dataDir, 'parameters/readiness.yaml', readinessFileSchema, problems);
  if (
    !tariffs ||
    !fuelPrices ||
    !emissions ||
    !finance ||
    !taxDepreciation ||
    !bankNorms ||
    !msmeNorms ||
    !readiness
  ) {
    return undefined;
  }
  return {
    electricityTariffs: tariffs.states,
    fuelPrices,
    gridEmissionFactors: emissions.grid,
    fuelEmissionFactors: emissions.fuels,
    fuelDensities: emissions.densities,
    finance,
    taxDepreciation,
    bankNorms,
    msmeNorms: msmeNorms.norms,
    readiness: readiness.scorecard,
  };
}
