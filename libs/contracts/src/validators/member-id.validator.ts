import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsMemberId}. */
export const IS_MEMBER_ID = 'isMemberId';
/** A member id: 1–50 letters, digits, `.`, `_` or `-`. */
export const MEMBER_ID_PATTERN = /^[A-Za-z0-9._-]{1,50}$/;

/** Whether `value` is a member id (see {@link MEMBER_ID_PATTERN}). */
export function isMemberId(value: string): boolean {
  return MEMBER_ID_PATTERN.test(value);
}

/** Property must be a member id. */
export function IsMemberId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_MEMBER_ID,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isMemberId(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be 1-50 characters of letters, digits, '.', '_' or '-'`,
          options,
        ),
      },
    },
    options,
  );
}
