import type { TopicDefinition } from '../catalog/topic-catalog';

/** A payload class: instantiable with no arguments, decorated with class-validator rules. */
export type PayloadClass<TData extends object> = new () => TData;

/** One version of one event type: its topic, schema version and payload class. */
export interface EventDefinition<TData extends object = object> {
  readonly topic: TopicDefinition;
  readonly type: string;
  readonly version: number;
  readonly payload: PayloadClass<TData>;
}

const registry = new Map<string, EventDefinition>();

const registryKey = (type: string, version: number): string => `${type}@${version}`;

/**
 * Declares (and registers for decoding) one version of an event type. The type is the topic name.
 * Call sites read `ClaimReceived.V1`.
 */
export function defineEvent<TData extends object>(
  topic: TopicDefinition,
  version: number,
  payload: PayloadClass<TData>,
): EventDefinition<TData> {
  const definition: EventDefinition<TData> = { topic, type: topic.name, version, payload };
  registry.set(registryKey(definition.type, version), definition);
  return definition;
}

/** The registered definition of (type, version), if any. */
export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return registry.get(registryKey(type, version));
}

/** Every registered (type, version); used to generate JSON Schema. */
export function registeredEventDefinitions(): EventDefinition[] {
  return [...registry.values()];
}

/** Versions registered for a type, to tell "unknown version" from "unknown type". */
export function knownVersionsOf(type: string): number[] {
  return [...registry.values()].filter((d) => d.type === type).map((d) => d.version);
}
