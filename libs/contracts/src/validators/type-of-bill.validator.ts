import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsTypeOfBill}. */
export const IS_TYPE_OF_BILL = 'isTypeOfBill';
/**
 * UB-04 type of bill: a leading `0`, facility type and care type digits, and a frequency character
 * (`0111` inpatient, `0131` outpatient, `0211` SNF, `0321` home health). Lower case is accepted and normalized.
 */
export const TYPE_OF_BILL_PATTERN = /^0\d{2}[0-9A-Za-z]$/;

/** Whether `value` is a type-of-bill code. */
export function isTypeOfBill(value: string): boolean {
  return TYPE_OF_BILL_PATTERN.test(value);
}

/** Property must be a type-of-bill code (see {@link isTypeOfBill}). */
export function IsTypeOfBill(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_TYPE_OF_BILL,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isTypeOfBill(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a 4-character type of bill starting with 0`,
          options,
        ),
      },
    },
    options,
  );
}
