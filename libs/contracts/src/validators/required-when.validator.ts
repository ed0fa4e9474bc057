import { ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';

/** Constraint name of {@link RequiredWhen}; its constraint 0 describes the condition. */
export const IS_REQUIRED_WHEN = 'isRequiredWhen';

/**
 * Conditionally required property: required when `condition(object)` holds, optional (absent and unvalidated)
 * otherwise; `null` is never accepted. `when` completes the message `<field> is required when <when>`.
 * The property's other rules run whenever it is present or required.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T types the condition at the call site
export function RequiredWhen<T extends object>(
  condition: (object: T) => boolean,
  when: string,
): PropertyDecorator {
  return (target: object, propertyKey: string | symbol): void => {
    ValidateIf((object: T, value: unknown) => value !== undefined || condition(object))(target, propertyKey);
    ValidateBy({
      name: IS_REQUIRED_WHEN,
      constraints: [when],
      validator: {
        validate: (value: unknown, args?: ValidationArguments): boolean =>
          value !== null && (value !== undefined || args === undefined || !condition(args.object as T)),
        defaultMessage: (args?: ValidationArguments): string =>
          args?.value === null
            ? '$property must be omitted rather than null'
            : `$property is required when ${when}`,
      },
    })(target, propertyKey);
  };
}
