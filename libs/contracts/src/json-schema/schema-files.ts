/** Folder of the generated JSON Schema files, relative to the repository root. */
export const SCHEMAS_DIR = 'docs/schemas';

/** The exact text of a generated schema file: 2-space JSON and a final newline. */
export function serializeJsonSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
