import { ValidateBy, type ValidationArguments } from 'class-validator';

/** Constraint name of {@link ArraySizeWhen}; its constraints are `[min, max, when]`. */
export const IS_ARRAY_SIZE_WHEN = 'isArraySizeWhen';

/**
 * Conditional array size: when `condition(object)` holds, an array property must have between `min` and `max`
 * items. Non-arrays pass (`IsArray` reports them). `when` completes the message.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T types the condition at the call site
export function ArraySizeWhen<T extends object>(
  condition: (object: T) => boolean,
  size: { readonly min: number; readonly max: number },
  when: string,
): PropertyDecorator {
  const expectation =
    size.max === 0
      ? 'must be empty'
      : size.min === size.max
        ? `must contain exactly ${size.min} items`
        : `must contain ${size.min} to ${size.max} items`;
  return ValidateBy({
    name: IS_ARRAY_SIZE_WHEN,
    constraints: [size.min, size.max, when],
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean =>
        !Array.isArray(value) ||
        args === undefined ||
        !condition(args.object as T) ||
        (value.length >= size.min && value.length <= size.max),
      defaultMessage: (): string => `$property ${expectation} when ${when}`,
    },
  });
}
