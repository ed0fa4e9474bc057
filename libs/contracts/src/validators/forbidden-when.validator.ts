import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link ForbiddenWhen}; its constraint 0 describes the condition. */
export const IS_FORBIDDEN_WHEN = 'isForbiddenWhen';

/**
 * Conditionally forbidden property: must be absent when `condition(object)` holds.
 * `when` completes the message `<field> must be absent when <when>`.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T types the condition at the call site
export function ForbiddenWhen<T extends object>(
  condition: (object: T) => boolean,
  when: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_FORBIDDEN_WHEN,
      constraints: [when],
      validator: {
        validate: (value: unknown, args?: ValidationArguments): boolean =>
          value === undefined || args === undefined || !condition(args.object as T),
        defaultMessage: (): string => `$property must be absent when ${when}`,
      },
    },
    options,
  );
}
