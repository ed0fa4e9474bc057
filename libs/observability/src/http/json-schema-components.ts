import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Where `npm run schemas` writes the JSON Schema generated from the contract classes. */
export const JSON_SCHEMA_DIR = join(__dirname, '..', '..', '..', '..', 'docs', 'schemas');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Adds the contract classes' generated JSON Schema (docs/schemas/<name>.schema.json) to an OpenAPI document as
 * components, so /docs shows the same field rules a non-TypeScript producer validates against. References are
 * rewritten to `#/components/schemas/...`; draft-07 conditionals (if/then/else), which OpenAPI 3.0 lacks, are
 * dropped here (the rules still hold at the API, and the files in docs/schemas keep them).
 */
export function addJsonSchemaComponents(
  document: OpenAPIObject,
  schemaNames: readonly string[],
): OpenAPIObject {
  const schemas = { ...(document.components?.schemas ?? {}) } as Record<string, Json>;
  for (const name of schemaNames) {
    const file = JSON.parse(readFileSync(join(JSON_SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as {
      [key: string]: Json;
    };
    const definitions = (file['definitions'] ?? {}) as Record<string, Json>;
    for (const [definition, schema] of Object.entries(definitions)) schemas[definition] = toOpenApi(schema);
    const title = typeof file['title'] === 'string' ? file['title'] : undefined;
    if (title !== undefined && definitions[title] === undefined) {
      const root = Object.fromEntries(Object.entries(file).filter(([key]) => key !== 'definitions'));
      schemas[title.replace(/[^A-Za-z0-9]/g, '')] = toOpenApi(root);
    }
  }
  return {
    ...document,
    components: {
      ...document.components,
      schemas: schemas as NonNullable<OpenAPIObject['components']>['schemas'],
    },
  };
}

function toOpenApi(value: Json): Json {
  if (Array.isArray(value)) return value.map(toOpenApi);
  if (value === null || typeof value !== 'object') return value;
  const result: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'if' || key === 'then' || key === 'else' || key === '$schema' || key === '$id') continue;
    if (key === '$ref' && typeof item === 'string')
      result[key] = item.replace('#/definitions/', '#/components/schemas/');
    else result[key] = toOpenApi(item);
  }
  return result;
}
