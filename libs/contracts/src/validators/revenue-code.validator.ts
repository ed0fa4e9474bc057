import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsRevenueCode}. */
export const IS_REVENUE_CODE = 'isRevenueCode';
/** UB-04 revenue code: 4 digits (`0450`). */
export const REVENUE_CODE_PATTERN = /^\d{4}$/;

/** Whether `value` is a revenue code (4 digits). */
export function isRevenueCode(value: string): boolean {
  return REVENUE_CODE_PATTERN.test(value);
}

/** Property must be a revenue code (see {@link isRevenueCode}). */
export function IsRevenueCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_REVENUE_CODE,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isRevenueCode(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a revenue code of 4 digits`,
          options,
        ),
      },
    },
    options,
  );
}
