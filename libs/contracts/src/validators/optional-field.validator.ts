import { ValidateBy, ValidateIf } from 'class-validator';

/** Constraint name of the null check added by {@link OptionalField}. */
export const IS_NOT_NULL = 'isNotNull';

/**
 * An optional wire field: it may be absent, and is then not validated; `null` is rejected ("omit it instead"),
 * so TypeScript readers can trust `field?: T` and the JSON Schema type needs no null. Unlike class-validator's
 * `IsOptional`, which lets `null` through unvalidated.
 */
export function OptionalField(): PropertyDecorator {
  return (target: object, propertyKey: string | symbol): void => {
    ValidateIf((_object: object, value: unknown) => value !== undefined)(target, propertyKey);
    ValidateBy({
      name: IS_NOT_NULL,
      validator: {
        validate: (value: unknown): boolean => value !== null,
        defaultMessage: (): string => '$property must be omitted rather than null',
      },
    })(target, propertyKey);
  };
}
