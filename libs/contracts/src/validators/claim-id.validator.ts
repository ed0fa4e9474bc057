import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsClaimId}. */
export const IS_CLAIM_ID = 'isClaimId';
/** A claim id: 1–50 characters, a letter or digit first, then letters, digits, `.`, `_` or `-`. */
export const CLAIM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;

/** Whether `value` is a claim id (see {@link CLAIM_ID_PATTERN}). */
export function isClaimId(value: string): boolean {
  return CLAIM_ID_PATTERN.test(value);
}

/** Property must be a claim id. */
export function IsClaimId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_CLAIM_ID,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isClaimId(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be 1-50 characters of letters, digits, '.', '_' or '-', starting with a letter or digit`,
          options,
        ),
      },
    },
    options,
  );
}
