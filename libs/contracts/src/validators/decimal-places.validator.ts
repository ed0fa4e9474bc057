import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link HasAtMostDecimals}. */
export const HAS_AT_MOST_DECIMALS = 'hasAtMostDecimals';

/**
 * Whether the number, as its shortest decimal rendering (how it appeared in JSON), has at most `places` decimals
 * and no exponent. class-validator's `IsNumber({ maxDecimalPlaces })` throws on a number rendered with an
 * exponent (1e21, 1e-7), which answered 500; this one says no.
 */
export function hasAtMostDecimals(value: number, places: number): boolean {
  return Number.isFinite(value) && new RegExp(`^-?\\d+(?:\\.\\d{1,${places}})?$`).test(String(value));
}

/** Property must be a finite number with at most `places` decimals (see {@link hasAtMostDecimals}). */
export function HasAtMostDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: HAS_AT_MOST_DECIMALS,
      constraints: [places],
      validator: {
        validate: (value: unknown): boolean => typeof value === 'number' && hasAtMostDecimals(value, places),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a number with at most ${places} decimal places`,
          options,
        ),
      },
    },
    options,
  );
}
