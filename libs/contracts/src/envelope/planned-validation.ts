import { plainToInstance } from 'class-transformer';
import {
  getMetadataStorage,
  validateSync,
  ValidationTypes,
  type ValidationArguments,
  type ValidationError,
  type ValidatorOptions,
} from 'class-validator';
import { toInstance } from './planned-transform';

/**
 * A planned pass over class-validator's own metadata: it runs the same constraints, with the same arguments, in
 * the order and with the skipping rules of class-validator's ValidationExecutor (0.15), for the options the
 * platform validates with (`whitelist`, `forbidUnknownValues`, no groups, no `skip*Properties`, no async). What
 * it leaves out is the executor's work per call: looking up and filtering the metadata of every class, and
 * building a ValidationError for every property, valid or not. The plan of each class is built once.
 *
 * It only says yes or no. A yes means class-validator would report nothing (and the unknown fields are stripped
 * as it would strip them); on a no the caller runs class-validator, which stays the one source of the error
 * messages. Anything the plan does not model (an async constraint, a value of a class without metadata) answers no,
 * so the worst a gap in the plan can do is send a valid value down the slow path. docs/adr/0021 explains why.
 */
export type UnknownFields = 'strip' | 'forbid';

/** class-validator's metadata and constraint records, as far as the plan reads them. */
interface Metadata {
  readonly type: string;
  readonly target: unknown;
  readonly propertyName: string;
  readonly constraints: unknown[];
  readonly constraintCls: unknown;
  readonly each?: boolean;
  readonly validateIf?: (object: object, value: unknown) => boolean;
}
interface Constraint {
  readonly async: boolean;
  readonly instance: { validate(value: unknown, args: ValidationArguments): unknown };
}
interface Storage {
  getTargetValidationMetadatas(
    target: unknown,
    targetSchema: string | undefined,
    always: boolean,
    strictGroups: boolean,
    groups?: string[],
  ): Metadata[];
  getTargetValidatorConstraints(target: unknown): Constraint[];
}

/** A constraint's validator, resolved once: class-validator looks it up in its container on every call. */
interface Validator {
  readonly async: boolean;
  validate(value: unknown, args: ValidationArguments): unknown;
}
interface CustomCheck {
  readonly metadata: Metadata;
  readonly validators: readonly Validator[];
}
interface PropertyPlan {
  readonly name: string;
  readonly conditions: readonly Metadata[];
  readonly defined: readonly CustomCheck[];
  readonly custom: readonly CustomCheck[];
  readonly nested: readonly Metadata[];
}
interface ClassPlan {
  /** The class's name, as the executor passes it to constraints (`targetName`). */
  readonly name: string;
  readonly known: ReadonlySet<string>;
  readonly properties: readonly PropertyPlan[];
}

const plans = new Map<unknown, ClassPlan | null>();

const PLANNED_TYPES: ReadonlySet<string> = new Set([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.WHITELIST,
]);

function planOf(target: unknown): ClassPlan | null {
  const known = plans.get(target);
  if (known !== undefined) return known;
  const storage = getMetadataStorage() as unknown as Storage;
  // The executor's own call (no schema name, `always` and `strictGroups` off, no groups), made once.
  const metadatas = storage.getTargetValidationMetadatas(target, undefined, false, false, undefined);
  // A kind of rule the plan does not model (a promise validation, say) leaves the whole class to class-validator.
  const plan =
    metadatas.length === 0 || metadatas.some((metadata) => !PLANNED_TYPES.has(metadata.type))
      ? null
      : buildPlan(storage, metadatas, (target as { name?: string } | undefined)?.name);
  plans.set(target, plan);
  return plan;
}

function buildPlan(storage: Storage, metadatas: readonly Metadata[], name: string | undefined): ClassPlan {
  const grouped = new Map<string, Metadata[]>();
  for (const metadata of metadatas) {
    const group = grouped.get(metadata.propertyName) ?? [];
    group.push(metadata);
    grouped.set(metadata.propertyName, group);
  }
  const check = (metadata: Metadata): CustomCheck => ({
    metadata,
    validators: storage.getTargetValidatorConstraints(metadata.constraintCls).map((constraint) => {
      const { instance } = constraint;
      return { async: constraint.async, validate: instance.validate.bind(instance) };
    }),
  });
  const properties = [...grouped].map(([name, group]): PropertyPlan => {
    const others = group.filter(
      (metadata) =>
        metadata.type !== ValidationTypes.IS_DEFINED && metadata.type !== ValidationTypes.WHITELIST,
    );
    return {
      name,
      conditions: others.filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION),
      defined: group.filter((metadata) => metadata.type === ValidationTypes.IS_DEFINED).map(check),
      custom: others.filter((metadata) => metadata.type === ValidationTypes.CUSTOM_VALIDATION).map(check),
      nested: others.filter((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION),
    };
  });
  // As the executor builds it from `object.constructor.name` (a constraint may read it).
  return { name: name as string, known: new Set(grouped.keys()), properties };
}

/**
 * True when `validateSync(object, { whitelist: true, forbidNonWhitelisted: unknownFields === 'forbid' })` would
 * return no error; with 'strip', unknown fields are then removed from `object` and its nested values, as
 * class-validator removes them. False means: ask class-validator.
 */
export function passesValidation(object: object, unknownFields: UnknownFields): boolean {
  return validObject(object, unknownFields);
}

function validObject(object: object, unknownFields: UnknownFields): boolean {
  const plan = planOf(object.constructor);
  if (plan === null) return false; // forbidUnknownValues: a value of a class without metadata
  for (const key of Object.keys(object)) {
    if (plan.known.has(key)) continue;
    if (unknownFields === 'forbid') return false;
    Reflect.deleteProperty(object, key);
  }
  for (const property of plan.properties) {
    const value = (object as Record<string, unknown>)[property.name];
    if (!validProperty(object, value, property, plan.name, unknownFields)) {
      return false;
    }
  }
  return true;
}

function validProperty(
  object: object,
  value: unknown,
  property: PropertyPlan,
  targetName: string,
  unknownFields: UnknownFields,
): boolean {
  // The executor evaluates every condition (ValidateIf, IsOptional) before anything, IsDefined included.
  let canValidate = true;
  for (const condition of property.conditions) {
    const test = condition.constraints[0] as (object: object, value: unknown) => boolean;
    canValidate = test(object, value) && canValidate;
  }
  if (!canValidate) return true;
  for (const check of property.defined) if (!passes(object, value, check, targetName)) return false;
  for (const check of property.custom) if (!passes(object, value, check, targetName)) return false;
  return validNested(value, property.nested, unknownFields);
}

function passes(object: object, value: unknown, check: CustomCheck, targetName: string): boolean {
  const { metadata } = check;
  if (metadata.validateIf !== undefined && !metadata.validateIf(object, value)) return true;
  const args: ValidationArguments = {
    // As the executor builds them (a constraint may read any of these).
    targetName,
    property: metadata.propertyName,
    object,
    value,
    constraints: metadata.constraints,
  };
  for (const validator of check.validators) {
    if (validator.async) return false;
    if (metadata.each === true && isArrayLike(value)) {
      for (const item of arrayOf(value)) if (!valid(validator.validate(item, args))) return false;
    } else if (!valid(validator.validate(value, args))) {
      return false;
    }
  }
  return true;
}

/** A synchronous yes; a promise (an async constraint) counts as no. */
function valid(result: unknown): boolean {
  return result !== null && typeof result === 'object' && 'then' in result ? false : Boolean(result);
}

function validNested(value: unknown, nested: readonly Metadata[], unknownFields: UnknownFields): boolean {
  if (value === undefined) return true;
  for (const metadata of nested) {
    if (metadata.type !== ValidationTypes.NESTED_VALIDATION) continue;
    if (isArrayLike(value)) {
      // Each item is validated with the property's nested rules alone, as the executor does.
      for (const item of arrayOf(value)) if (!validNested(item, nested, unknownFields)) return false;
    } else if (value instanceof Object) {
      if (!validObject(value, unknownFields)) return false;
    } else {
      return false; // "nested property must be either object or array"
    }
  }
  return true;
}

function isArrayLike(value: unknown): value is unknown[] | Set<unknown> | Map<unknown, unknown> {
  return Array.isArray(value) || value instanceof Set || value instanceof Map;
}

function arrayOf(value: unknown[] | Set<unknown> | Map<unknown, unknown>): unknown[] {
  return value instanceof Map ? [...value.values()] : Array.isArray(value) ? value : [...value];
}

/**
 * `plainToInstance(cls, plain)` then `validateSync` with the platform's options, planned (ADR 21): the instance
 * by {@link toInstance}, the verdict by {@link passesValidation}; on a no, class-transformer and class-validator
 * themselves on `plain`, so that every refusal, and every value the plan would refuse wrongly, is theirs.
 * `complete` finishes an instance before validation (the envelope takes its `data` as given). On a refusal,
 * `value` is class-transformer's instance as class-validator left it.
 */
export function transformAndValidate<T extends object>(
  cls: new () => T,
  plain: unknown,
  options: { readonly unknownFields: UnknownFields; readonly validatorOptions: ValidatorOptions },
  complete?: (instance: T) => void,
):
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly value: T; readonly errors: ValidationError[] } {
  const planned = toInstance(cls, plain);
  complete?.(planned);
  if (passesValidation(planned, options.unknownFields)) return { ok: true, value: planned };
  const value = plainToInstance(cls, plain);
  complete?.(value);
  const errors = validateSync(value, options.validatorOptions);
  return errors.length === 0 ? { ok: true, value } : { ok: false, value, errors };
}
