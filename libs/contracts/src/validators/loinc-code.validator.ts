import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsLoincCode}. */
export const IS_LOINC_CODE = 'isLoincCode';
/** LOINC code format: 1–7 digits, a hyphen and a check digit (`4548-4`). The check digit itself is not verified. */
export const LOINC_CODE_PATTERN = /^\d{1,7}-\d$/;

/** Whether `value` has the LOINC code format. */
export function isLoincCode(value: string): boolean {
  return LOINC_CODE_PATTERN.test(value);
}

/** Property must have the LOINC code format (see {@link isLoincCode}). */
export function IsLoincCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_LOINC_CODE,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isLoincCode(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a LOINC code (digits, hyphen, check digit)`,
          options,
        ),
      },
    },
    options,
  );
}
