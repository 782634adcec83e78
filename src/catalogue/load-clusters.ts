import type { Cluster } from '../domain/catalogue-types.js';
import { clustersFileSchema } from './cluster-schema.js';
import { readYamlFile, type ProblemList } from './read-yaml-file.js';

export function loadClusters(dataDir: string, problems: ProblemList): readonly Cluster[] | undefined {
  return readYamlFile(dataDir, 'clusters.yaml', clustersFileSchema, problems)?.clusters;
}
