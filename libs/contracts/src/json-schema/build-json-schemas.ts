import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, IS_OPTIONAL } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { EventEnvelopeSchema } from '../envelope/event-envelope';
import { registeredEventDefinitions, type EventDefinition } from '../envelope/event-definition';
import '../events/claims-inbound/claims-inbound.event';
import '../events/claim-received/claim-received.event';
import '../events/member-eligibility-changed/member-eligibility-changed.event';
import '../events/assessment-completed/assessment-completed.event';
import '../events/member-identified/member-identified.event';
import '../events/member-identification-retracted/member-identification-retracted.event';
import '../events/care-gap-detected/care-gap-detected.event';
import '../events/care-gap-closed/care-gap-closed.event';
import '../events/care-alert-issued/care-alert-issued.event';
import '../events/case-opened/case-opened.event';
import '../events/program-enrollment-changed/program-enrollment-changed.event';
import '../events/screening-requested/screening-requested.event';
import '../events/screening-completed/screening-completed.event';
import '../events/screening-safety-signal/screening-safety-signal.event';
import '../events/survey-triggered/survey-triggered.event';
import { MemberRecord } from '../events/member-eligibility-changed/member-record.payload';
import { CLASS_CONDITIONALS } from './class-conditionals';
import { DEFINITIONS_PREFIX, JSON_SCHEMA_DIALECT, type JsonSchema } from './json-schema.types';
import { RULE_CONVERTERS, RULE_DESCRIPTIONS } from './rule-converters';

/** File name of the schema of one event version: `claims-inbound.v1.schema.json`. */
export function eventSchemaFileName(definition: Pick<EventDefinition, 'type' | 'version'>): string {
  return `${definition.type}.v${definition.version}.schema.json`;
}

/** File name of the stand-alone MemberRecord schema (the body of `POST /v1/members`). */
export const MEMBER_RECORD_SCHEMA_FILE = 'member-record.schema.json';

/**
 * JSON Schema (draft-07) of every registered event version (the whole envelope, `data` being the payload) and of
 * MemberRecord, keyed by file name, generated from the class-validator decorators of the contract classes.
 * Deterministic: file names and definitions are sorted, properties keep declaration order.
 * Dev-time only: this folder is the one place in libs/contracts that imports class-validator-jsonschema.
 */
export function buildJsonSchemas(): Record<string, object> {
  const definitions = classDefinitions();
  const files: Record<string, object> = {};
  const events = [...registeredEventDefinitions()].sort(
    (a, b) => a.type.localeCompare(b.type) || a.version - b.version,
  );
  for (const event of events) {
    files[eventSchemaFileName(event)] = eventSchema(event, definitions);
  }
  files[MEMBER_RECORD_SCHEMA_FILE] = rootSchema(
    MemberRecord.name,
    {
      $id: `urn:care-platform:schema:member-record`,
      title: 'MemberRecord',
      description:
        'A member of the health plan: the body of POST /v1/members (see docs/claim-and-member-fields.md).',
    },
    definitions,
  );
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

function eventSchema(event: EventDefinition, definitions: Record<string, JsonSchema>): JsonSchema {
  const envelope = definition(definitions, EventEnvelopeSchema.name);
  const properties = envelope['properties'] as Record<string, JsonSchema>;
  const payload: JsonSchema = {
    ...envelope,
    properties: {
      ...properties,
      type: { ...properties['type'], const: event.type },
      version: { ...properties['version'], const: event.version },
      data: { $ref: `${DEFINITIONS_PREFIX}${event.payload.name}` },
    },
  };
  return rootSchema(
    undefined,
    {
      $id: `urn:care-platform:schema:${event.type}:v${event.version}`,
      title: `${event.type} v${event.version}`,
      description: `${event.topic.description} Envelope of the Kafka message value; data is a ${event.payload.name}.`,
      ...payload,
    },
    definitions,
  );
}

/** A self-contained schema document: `root` (or the named definition) plus every definition it reaches. */
function rootSchema(
  rootName: string | undefined,
  header: JsonSchema,
  definitions: Record<string, JsonSchema>,
): JsonSchema {
  const root: JsonSchema = {
    ...header,
    ...(rootName === undefined ? {} : definition(definitions, rootName)),
  };
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(DEFINITIONS_PREFIX)) {
          const name = value.slice(DEFINITIONS_PREFIX.length);
          if (!reached.has(name)) {
            reached.add(name);
            visit(definition(definitions, name));
          }
        } else {
          visit(value);
        }
      }
    }
  };
  visit(root);
  const names = [...reached].sort();
  return {
    $schema: JSON_SCHEMA_DIALECT,
    ...root,
    ...(names.length > 0 && {
      definitions: Object.fromEntries(names.map((name) => [name, definition(definitions, name)])),
    }),
  };
}

function definition(definitions: Record<string, JsonSchema>, name: string): JsonSchema {
  const found = definitions[name];
  if (found === undefined) throw new Error(`no JSON Schema definition for class ${name}`);
  return found;
}

/** One definition per decorated class, with rule descriptions, nullability and class conditionals applied. */
function classDefinitions(): Record<string, JsonSchema> {
  const generated = validationMetadatasToSchemas({
    refPointerPrefix: DEFINITIONS_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: RULE_CONVERTERS,
  }) as Record<string, JsonSchema>;
  const notes = ruleNotes();
  const result: Record<string, JsonSchema> = {};
  for (const [className, generatedSchema] of Object.entries(generated)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [property, schema] of Object.entries(
      generatedSchema['properties'] as Record<string, JsonSchema>,
    )) {
      const note = notes.get(className)?.get(property);
      const described =
        note === undefined || note.descriptions.length === 0
          ? schema
          : { ...schema, description: note.descriptions.join('; ') };
      properties[property] = withNullability(withoutRefSiblings(described), note?.nullable === true);
    }
    const conditionals = CLASS_CONDITIONALS[className];
    result[className] = {
      ...generatedSchema,
      properties,
      ...(conditionals !== undefined && { allOf: conditionals }),
    };
  }
  return result;
}

interface PropertyNote {
  readonly descriptions: string[];
  nullable: boolean;
}

/** Per class and property: descriptions of custom rules, and whether `IsOptional` lets null through. */
function ruleNotes(): Map<string, Map<string, PropertyNote>> {
  const notes = new Map<string, Map<string, PropertyNote>>();
  // class-validator keeps no public list of decorated classes; class-validator-jsonschema reads the same map.
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<
      { readonly name: string },
      Array<{ propertyName: string; name?: string; constraints?: unknown[] }>
    >;
  };
  for (const [target, metadatas] of storage.validationMetadatas) {
    for (const metadata of metadatas) {
      const ruleName = metadata.name;
      const describe = ruleName === undefined ? undefined : RULE_DESCRIPTIONS[ruleName];
      const nullable = ruleName === IS_OPTIONAL;
      if (describe === undefined && !nullable) continue;
      const byProperty = notes.get(target.name) ?? new Map<string, PropertyNote>();
      notes.set(target.name, byProperty);
      const note = byProperty.get(metadata.propertyName) ?? { descriptions: [], nullable: false };
      byProperty.set(metadata.propertyName, note);
      if (describe !== undefined) {
        const description = describe(metadata.constraints ?? []);
        if (!note.descriptions.includes(description)) note.descriptions.unshift(description);
      }
      note.nullable ||= nullable;
    }
  }
  return notes;
}

function withNullability(schema: JsonSchema, nullable: boolean): JsonSchema {
  if (!nullable) return schema;
  const { description, ...rest } = schema;
  return { ...(description !== undefined && { description }), anyOf: [rest, { type: 'null' }] };
}

/** A `$ref` makes draft-07 ignore its sibling keywords; keep only the reference (and a description). */
function withoutRefSiblings(schema: JsonSchema): JsonSchema {
  if (schema['$ref'] === undefined) return schema;
  return {
    $ref: schema['$ref'],
    ...(schema['description'] !== undefined && { description: schema['description'] }),
  };
}
