import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { defaultConverters } from 'class-validator-jsonschema/build/defaultConverters';
import { registeredEventDefinitions } from '../envelope/event-definition';
import { buildJsonSchemas, eventSchemaFileName, MEMBER_RECORD_SCHEMA_FILE } from './build-json-schemas';
import { RULE_CONVERTERS } from './rule-converters';
import { SCHEMAS_DIR, serializeJsonSchema } from './schema-files';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const schemasDir = join(REPO_ROOT, SCHEMAS_DIR);

type Schema = Record<string, unknown>;

function walk(node: unknown, visit: (schema: Schema) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item) => walk(item, visit));
  } else if (typeof node === 'object' && node !== null) {
    visit(node as Schema);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

describe('buildJsonSchemas', () => {
  const schemas = buildJsonSchemas();

  it(`matches the checked-in ${SCHEMAS_DIR} (run \`npm run schemas\` after changing a contract class)`, () => {
    const checkedIn = readdirSync(schemasDir)
      .filter((file) => file.endsWith('.schema.json'))
      .sort();
    expect(checkedIn).toEqual(Object.keys(schemas).sort());
    for (const [file, schema] of Object.entries(schemas)) {
      const onDisk = JSON.parse(readFileSync(join(schemasDir, file), 'utf8')) as unknown;
      expect([file, onDisk]).toEqual([file, JSON.parse(serializeJsonSchema(schema))]);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildJsonSchemas())).toBe(JSON.stringify(schemas));
  });

  it('has one file per registered event version, plus member-record', () => {
    const expected = registeredEventDefinitions().map(eventSchemaFileName);
    expect(Object.keys(schemas).sort()).toEqual([...expected, MEMBER_RECORD_SCHEMA_FILE].sort());
    expect(expected).toEqual(
      expect.arrayContaining([
        'claims-inbound.v1.schema.json',
        'claim-received.v1.schema.json',
        'member-eligibility-changed.v1.schema.json',
      ]),
    );
  });

  it('describes the whole envelope with data as the payload', () => {
    for (const definition of registeredEventDefinitions()) {
      const schema = schemas[eventSchemaFileName(definition)] as Schema & {
        properties: Record<string, Schema>;
        required: string[];
      };
      expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.properties['type']).toMatchObject({ const: definition.type });
      expect(schema.properties['version']).toMatchObject({ const: definition.version });
      expect(schema.properties['data']).toEqual({ $ref: `#/definitions/${definition.payload.name}` });
      expect(schema.required).toEqual(
        expect.arrayContaining(['id', 'type', 'version', 'occurredAt', 'data']),
      );
      expect(schema.properties['causationId']).toMatchObject({
        anyOf: [{ type: 'string' }, { type: 'null' }],
      });
    }
  });

  it('resolves every $ref inside its own file', () => {
    for (const [file, schema] of Object.entries(schemas)) {
      const definitions = ((schema as Schema)['definitions'] ?? {}) as Schema;
      walk(schema, (node) => {
        const ref = node['$ref'];
        if (typeof ref === 'string')
          expect([file, ref, ref.replace('#/definitions/', '') in definitions]).toEqual([file, ref, true]);
      });
    }
  });

  it('maps custom rules to real assertions (patterns that compile as unicode regular expressions)', () => {
    const claim = (
      schemas['claims-inbound.v1.schema.json'] as {
        definitions: Record<string, { properties: Record<string, Schema> }>;
      }
    ).definitions;
    expect(claim['ProviderRef']?.properties['npi']).toMatchObject({ type: 'string', pattern: '^\\d{10}$' });
    expect(claim['DrugFill']?.properties['ndc']).toMatchObject({ pattern: expect.any(String) });
    expect(claim['ClaimSubmission']?.properties['serviceDateFrom']).toMatchObject({
      format: 'date',
      pattern: expect.any(String),
    });
    expect(claim['ClaimSubmission']?.properties['claimType']).toMatchObject({
      enum: ['professional', 'institutional', 'pharmacy'],
    });
    expect(claim['ClaimLine']?.properties['lineNumber']).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 999,
    });
    let patterns = 0;
    walk(schemas, (node) => {
      if (typeof node['pattern'] === 'string') {
        patterns += 1;
        expect(() => new RegExp(node['pattern'] as string, 'u')).not.toThrow();
      }
    });
    expect(patterns).toBeGreaterThan(20);
  });

  it('has a converter for every validation rule used by the contract classes', () => {
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, Array<{ name?: string }>>;
    };
    const names = new Set(
      [...storage.validationMetadatas.values()]
        .flat()
        .flatMap((metadata) => (metadata.name === undefined ? [] : [metadata.name])),
    );
    const unmapped = [...names].filter(
      (name) => !(name in RULE_CONVERTERS) && !(name in defaultConverters) && name !== 'isOptional',
    );
    expect(unmapped).toEqual([]);
  });
});
