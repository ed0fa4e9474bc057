/** A JSON Schema (draft-07) object, as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

/** The JSON Schema dialect of every generated schema. */
export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/** Where a schema points for a named definition. */
export const DEFINITIONS_PREFIX = '#/definitions/';
