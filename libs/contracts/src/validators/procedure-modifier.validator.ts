import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsProcedureModifier}. */
export const IS_PROCEDURE_MODIFIER = 'isProcedureModifier';
/** A CPT/HCPCS modifier: two alphanumerics (`25`, `59`, `LT`); either case, normalized to upper case. */
export const PROCEDURE_MODIFIER_PATTERN = /^[A-Za-z0-9]{2}$/;

/** Whether `value` is a procedure modifier (two alphanumerics). */
export function isProcedureModifier(value: string): boolean {
  return PROCEDURE_MODIFIER_PATTERN.test(value);
}

/** Property (or, with `{ each: true }`, each item) must be a procedure modifier. */
export function IsProcedureModifier(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_PROCEDURE_MODIFIER,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isProcedureModifier(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a two-character alphanumeric modifier`,
          options,
        ),
      },
    },
    options,
  );
}
