import { plainToInstance } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';

/**
 * `plainToInstance` with class-transformer's default options, planned once per class (ADR 21): for the classes of
 * the contracts (nested classes by `@Type`, `@Transform` functions, no `@Expose`/`@Exclude`, no discriminators, no
 * conversions to String, Number, Boolean or Date) it builds the same instances class-transformer builds, without
 * the metadata lookups class-transformer makes for every key of every object. A class outside that shape, or a
 * value with a key the plan cannot answer for (one carrying class-transformer metadata the plan did not gather),
 * goes to class-transformer itself.
 */
type Class = new () => object;

interface TransformArguments {
  value: unknown;
  key: string;
  obj: unknown;
  type: number;
  options: object;
}
interface TypeMetadata {
  readonly typeFunction?: (options: { newObject: unknown; object: unknown; property: string }) => unknown;
  readonly reflectedType?: unknown;
  readonly options?: { discriminator?: unknown };
}
interface TransformMetadata {
  readonly transformFn: (args: TransformArguments) => unknown;
  readonly options?: { groups?: readonly string[]; since?: number; until?: number };
}
/** class-transformer's storage, as far as the plan reads it (its declared types use Function and `any`). */
interface TransformerStorage {
  findTypeMetadata(target: unknown, propertyName: string): TypeMetadata | undefined;
  findTransformMetadatas(target: unknown, propertyName: string, type: number): TransformMetadata[];
  getStrategy(target: unknown): string;
  getExposedMetadatas(target: unknown): unknown[];
  getExcludedMetadatas(target: unknown): unknown[];
}

/** class-transformer's TransformationType.PLAIN_TO_CLASS. */
const PLAIN_TO_CLASS = 0;
/** class-transformer's default options, handed to `@Transform` functions as it hands them. */
const DEFAULT_OPTIONS = Object.freeze({
  enableCircularCheck: false,
  enableImplicitConversion: false,
  excludeExtraneousValues: false,
  excludePrefixes: undefined,
  exposeDefaultValues: false,
  exposeUnsetFields: true,
  groups: undefined,
  ignoreDecorators: false,
  strategy: undefined,
  targetMaps: undefined,
  version: undefined,
});
/** Types class-transformer converts values to instead of building them: left to it. */
const CONVERTED: readonly unknown[] = [
  String,
  Number,
  Boolean,
  Date,
  Buffer,
  Map,
  Set,
  Promise,
  Object,
  Array,
];

interface PropertyPlan {
  readonly type: TypeMetadata | undefined;
  readonly transforms: ReadonlyArray<TransformMetadata['transformFn']>;
}
interface ClassPlan {
  readonly target: Class;
  readonly properties: ReadonlyMap<string, PropertyPlan>;
}

const plans = new Map<unknown, ClassPlan | null>();
const storage = defaultMetadataStorage as unknown as TransformerStorage;

/** Thrown inside a planned transform when class-transformer must do it; caught by {@link toInstance}. */
class Unplanned extends Error {}

function planOf(target: unknown): ClassPlan | null {
  const known = plans.get(target);
  if (known !== undefined) return known;
  const plan = buildPlan(target);
  plans.set(target, plan);
  return plan;
}

function buildPlan(target: unknown): ClassPlan | null {
  if (typeof target !== 'function' || CONVERTED.includes(target)) return null;
  if (
    storage.getStrategy(target) !== 'none' ||
    storage.getExposedMetadatas(target).length > 0 ||
    storage.getExcludedMetadatas(target).length > 0
  ) {
    return null;
  }
  const validator = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas(
      target: unknown,
      schema: undefined,
      always: boolean,
      strictGroups: boolean,
    ): ReadonlyArray<{ propertyName: string }>;
  };
  const names = new Set(
    validator
      .getTargetValidationMetadatas(target, undefined, false, false)
      .map((metadata) => metadata.propertyName),
  );
  const prototype = (target as { prototype: object }).prototype;
  const sample = new (target as Class)() as Record<string, unknown>;
  const properties = new Map<string, PropertyPlan>();
  for (const name of names) {
    // A method or accessor of that name on the class (or Object's): class-transformer skips the key; not modelled.
    if (Object.getOwnPropertyDescriptor(prototype, name) !== undefined || sample[name] instanceof Function) {
      return null;
    }
    const type = storage.findTypeMetadata(target, name);
    if (type !== undefined) {
      if (type.options?.discriminator !== undefined) return null;
      // An array property of a Set type is built as a Set by class-transformer; not modelled.
      if (type.reflectedType === Set || type.reflectedType === Map) return null;
      const resolved = typeOf(type, {}, {}, name);
      if (resolved !== undefined && (typeof resolved !== 'function' || CONVERTED.includes(resolved)))
        return null;
    }
    const transforms = storage
      .findTransformMetadatas(target, name, PLAIN_TO_CLASS)
      .filter((metadata) => metadata.options?.groups === undefined || metadata.options.groups.length === 0);
    if (
      transforms.some(
        (metadata) => metadata.options?.since !== undefined || metadata.options?.until !== undefined,
      )
    ) {
      return null;
    }
    properties.set(name, { type, transforms: transforms.map((metadata) => metadata.transformFn) });
  }
  return { target: target as Class, properties };
}

function typeOf(
  type: TypeMetadata | undefined,
  newObject: unknown,
  object: unknown,
  property: string,
): unknown {
  if (type === undefined) return undefined;
  return type.typeFunction === undefined
    ? type.reflectedType
    : type.typeFunction({ newObject, object, property });
}

/**
 * The instance class-transformer's `plainToInstance(cls, plain)` would build (default options); planned when the
 * class allows it, else class-transformer's own.
 */
export function toInstance<T extends object>(cls: new () => T, plain: unknown): T {
  const plan = planOf(cls);
  if (plan !== null && typeof plain === 'object' && plain !== null && !Array.isArray(plain)) {
    try {
      return instanceOf(plan, plain as Record<string, unknown>) as T;
    } catch (error) {
      if (!(error instanceof Unplanned)) throw error;
    }
  }
  return plainToInstance(cls, plain);
}

function instanceOf(plan: ClassPlan, plain: Record<string, unknown>): object {
  const instance = new plan.target() as Record<string, unknown>;
  for (const key of Object.keys(plain)) {
    if (key === '__proto__' || key === 'constructor') continue;
    const property = plan.properties.get(key);
    if (property === undefined) {
      // A key the class does not declare: copied as class-transformer copies it (validation strips or refuses it),
      // unless class-transformer holds metadata for it that the plan did not gather.
      if (
        storage.findTypeMetadata(plan.target, key) !== undefined ||
        storage.findTransformMetadatas(plan.target, key, PLAIN_TO_CLASS).length > 0
      ) {
        throw new Unplanned();
      }
      // A method's or a read-only accessor's name (toString): skipped, as class-transformer skips it.
      const descriptor = Object.getOwnPropertyDescriptor(plan.target.prototype, key);
      if ((descriptor !== undefined && descriptor.set === undefined) || instance[key] instanceof Function)
        continue;
      instance[key] = plainCopy(plain[key]);
      continue;
    }
    let value = transformed(plain[key], typeOf(property.type, instance, plain, key));
    for (const transform of property.transforms) {
      value = transform({ value, key, obj: plain, type: PLAIN_TO_CLASS, options: DEFAULT_OPTIONS });
    }
    instance[key] = value;
  }
  return instance;
}

function transformed(value: unknown, type: unknown): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => transformed(item, type));
  if (typeof value !== 'object' || value === null) return value;
  if (type === undefined) return plainCopy(value);
  const plan = planOf(type);
  if (plan === null) throw new Unplanned();
  return instanceOf(plan, value as Record<string, unknown>);
}

/** A JSON value copied as class-transformer copies a value of no declared type. */
function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainCopy);
  if (typeof value !== 'object' || value === null) return value;
  if (value.constructor !== Object) throw new Unplanned();
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor') continue;
    if (copy[key] instanceof Function) continue; // Object.prototype's methods (toString, valueOf, ...)
    copy[key] = plainCopy((value as Record<string, unknown>)[key]);
  }
  return copy;
}
