import type { Cluster, Parameters, Technology } from '../domain/catalogue-types.js';
import { conditionLeaves, type Scheme } from '../domain/scheme-types.js';
import { CatalogueError } from './catalogue-error.js';
import { catalogueVersion } from './catalogue-version.js';
import { deepFreeze } from './deep-freeze.js';
import { loadClusters } from './load-clusters.js';
import { loadParameters } from './load-parameters.js';
import { loadSchemes, SchemeCatalogueError } from './load-schemes.js';
import { loadTechnologies } from './load-technologies.js';
import type { ProblemList } from './read-yaml-file.js';

export type { Cluster, Parameters, Technology } from '../domain/catalogue-types.js';
export type { Scheme } from '../domain/scheme-types.js';

/** The validated, immutable policy data the app runs on. One instance per process, built at start-up. */
export interface Catalogue {
  /** Content hash of the catalogue files (12 hex characters); recorded with every assessment. */
  readonly version: string;
  readonly clusters: readonly Cluster[];
  clusterById(id: string): Cluster | undefined;
  readonly parameters: Parameters;
  readonly technologies: readonly Technology[];
  technologyById(id: string): Technology | undefined;
  readonly schemes: readonly Scheme[];
  schemeById(id: string): Scheme | undefined;
}

function checkAcrossFiles(clusters: readonly Cluster[], parameters: Parameters, problems: ProblemList): void {
  for (const cluster of clusters) {
    if (parameters.electricityTariffs[cluster.state] === undefined) {
      problems.push(
        `data/parameters/electricity-tariffs.yaml: states.${cluster.state}: missing, but cluster ${cluster.id} is in that state`,
      );
    }
  }
}

/** A scheme condition on the technology (RIPS's clean-technology machinery) names technologies of the catalogue. */
function checkSchemeTechnologies(
  schemes: readonly Scheme[],
  technologies: readonly Technology[],
  problems: ProblemList,
): void {
  const known = new Set(technologies.map((technology) => technology.id));
  for (const scheme of schemes) {
    const conditions = [
      scheme.eligibility,
      ...scheme.terms.flatMap((term) => (term.appliesWhen ? [term.appliesWhen] : [])),
    ];
    for (const condition of conditions
      .flatMap(conditionLeaves)
      .filter((leaf) => leaf.kind === 'comparison')) {
      if (condition.fact !== 'technologyId') continue;
      const test = condition.test;
      const named = test.op === 'equals' ? [test.value] : test.op === 'in' ? test.values : [];
      for (const id of named) {
        if (typeof id !== 'string' || !known.has(id))
          problems.push(
            `data/schemes/${scheme.id}.yaml: ${condition.id}: technology "${String(id)}" is not in data/technologies`,
          );
      }
    }
  }
}

/** The scheme loader reports by throwing; here its problems join the others so one run lists them all. */
function loadSchemesInto(dataDir: string, problems: ProblemList): readonly Scheme[] | undefined {
  try {
    return loadSchemes(dataDir);
  } catch (error) {
    if (error instanceof SchemeCatalogueError) {
      problems.push(...error.problems.map((problem) => `data/schemes/${problem}`));
      return undefined;
    }
    if (error instanceof Error && 'code' in error) {
      problems.push(`data/schemes: cannot be read (${error.message})`);
      return undefined;
    }
    throw error;
  }
}

/**
 * Reads and validates every catalogue file under `dataDir` (synchronously: it runs once, before the server listens).
 * Throws a CatalogueError listing every problem, each naming its file and the path inside it.
 *
 * Each part has its own loader with the signature `(dataDir, problems) => Part | undefined`; a new part is one more
 * loader called here and one more field on Catalogue.
 */
export function loadCatalogue(dataDir: string): Catalogue {
  const problems: ProblemList = [];
  const clusters = loadClusters(dataDir, problems);
  const parameters = loadParameters(dataDir, problems);
  const technologies = loadTechnologies(dataDir, problems);
  const schemes = loadSchemesInto(dataDir, problems);
  if (clusters !== undefined && parameters !== undefined) checkAcrossFiles(clusters, parameters, problems);
  if (schemes !== undefined && technologies !== undefined)
    checkSchemeTechnologies(schemes, technologies, problems);
  if (
    problems.length > 0 ||
    clusters === undefined ||
    parameters === undefined ||
    technologies === undefined ||
    schemes === undefined
  ) {
    throw new CatalogueError(problems);
  }

  const clustersById = new Map(clusters.map((cluster) => [cluster.id, cluster]));
  const technologiesById = new Map(technologies.map((technology) => [technology.id, technology]));
  const schemesById = new Map(schemes.map((scheme) => [scheme.id, scheme]));
  return deepFreeze({
    version: catalogueVersion(dataDir),
    clusters,
    clusterById: (id: string) => clustersById.get(id),
    parameters,
    technologies,
    technologyById: (id: string) => technologiesById.get(id),
    schemes,
    schemeById: (id: string) => schemesById.get(id),
  });
}
