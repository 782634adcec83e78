import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Technology } from '../domain/catalogue-types.js';
import { readYamlFile, type ProblemList } from './read-yaml-file.js';
import { technologyFileSchema } from './technology-schema.js';

/** One file per technology, data/technologies/<id>.yaml; the id is the file name and is never renamed. */
export function loadTechnologies(dataDir: string, problems: ProblemList): readonly Technology[] | undefined {
  let files: string[];
  try {
    files = readdirSync(join(dataDir, 'technologies'))
      .filter((file) => file.endsWith('.yaml'))
      .sort();
  } catch (error) {
    problems.push(`data/technologies: cannot be read (${(error as Error).message})`);
    return undefined;
  }
  const technologies: Technology[] = [];
  let complete = true;
  for (const file of files) {
    const technology = readYamlFile(dataDir, `technologies/${file}`, technologyFileSchema, problems);
    if (technology === undefined) {
      complete = false;
    } else if (`${technology.id}.yaml` !== file) {
      problems.push(`data/technologies/${file}: id: "${technology.id}" must equal the file name`);
      complete = false;
    } else {
      technologies.push(technology);
    }
  }
  return complete ? technologies : undefined;
}
