import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsIcd10CmCode}. */
export const IS_ICD10_CM_CODE = 'isIcd10CmCode';
/**
 * ICD-10-CM code: a letter, a digit, an alphanumeric, then up to 4 alphanumerics, with an optional dot after
 * the third character (`E11.9` or `E119`). Either case is accepted; {@link normalizeIcd10Code} upper-cases.
 */
export const ICD10_CM_PATTERN = /^[A-Za-z][0-9][A-Za-z0-9](?:\.?[A-Za-z0-9]{1,4})?$/;

/** Whether `value` is an ICD-10-CM code in the accepted format (with or without the dot). */
export function isIcd10CmCode(value: string): boolean {
  return ICD10_CM_PATTERN.test(value);
}

/** The stored form of an ICD-10-CM code: upper case, without the dot (`e11.9` -> `E119`). */
export function normalizeIcd10Code(value: string): string {
  return value.replace('.', '').toUpperCase();
}

/** Property must be an ICD-10-CM code (see {@link isIcd10CmCode}). */
export function IsIcd10CmCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_ICD10_CM_CODE,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isIcd10CmCode(value),
        defaultMessage: buildMessage((each) => `${each}$property must be an ICD-10-CM code`, options),
      },
    },
    options,
  );
}
