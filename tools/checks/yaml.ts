import * as YAML from 'yaml';

// `yaml` is in node_modules through nx and @nx/js (1.x or 2.x hoisted): both have this API.
interface YamlDocument {
  errors: ReadonlyArray<{ message: string }>;
  toJSON(): unknown;
}
interface YamlApi {
  parseAllDocuments(text: string): Iterable<YamlDocument>;
  parse(text: string, options?: { merge?: boolean }): unknown;
}
const yaml = YAML as unknown as YamlApi;

/** Every non-empty document of a multi-document YAML stream; syntax errors throw. */
export function parseYamlStream(text: string, source: string): unknown[] {
  const objects: unknown[] = [];
  for (const document of yaml.parseAllDocuments(text)) {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors.map((error) => error.message).join('; ')}`);
    const value = document.toJSON();
    if (value !== null && value !== undefined) objects.push(value);
  }
  return objects;
}

/** One YAML document with merge keys (`<<: *anchor`) resolved, as Docker Compose reads it. */
export function parseYamlWithMerge(text: string): unknown {
  return yaml.parse(text, { merge: true });
}
