import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsNdc}. */
export const IS_NDC = 'isNdc';
/** An NDC as 11 digits, or hyphenated in the 5-4-2 layout (`00002-3227-30`). */
export const NDC_PATTERN = /^(?:\d{11}|\d{5}-\d{4}-\d{2})$/;

/** Whether `value` is an NDC in an accepted form (11 digits or 5-4-2 hyphenated). */
export function isNdc(value: string): boolean {
  return NDC_PATTERN.test(value);
}

/** The 11-digit form of an NDC (`00002-3227-30` -> `00002322730`), or undefined if `value` is no accepted NDC. */
export function normalizeNdc(value: string): string | undefined {
  return isNdc(value) ? value.replace(/-/g, '') : undefined;
}

/** Property must be an NDC (see {@link isNdc}). */
export function IsNdc(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_NDC,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isNdc(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an NDC of 11 digits or in the 5-4-2 hyphenated form`,
          options,
        ),
      },
    },
    options,
  );
}
