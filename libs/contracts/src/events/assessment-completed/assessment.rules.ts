import { registerDecorator, type ValidationArguments } from 'class-validator';
import { BIOMETRIC_RANGES, type BiometricCode } from './assessment.enums';

/** Constraint name of {@link IsWithinBiometricRange}. */
export const IS_WITHIN_BIOMETRIC_RANGE = 'isWithinBiometricRange';

const rangeOf = (args: ValidationArguments) => {
  const code = (args.object as { code?: unknown }).code;
  // Own properties only: a code such as `constructor` is not a biometric (its own rule reports it).
  return typeof code === 'string' && Object.hasOwn(BIOMETRIC_RANGES, code)
    ? BIOMETRIC_RANGES[code as BiometricCode]
    : undefined;
};

/** The value lies inside the plausible range of the biometric named by `code` on the same object. */
export function IsWithinBiometricRange(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: IS_WITHIN_BIOMETRIC_RANGE,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const range = rangeOf(args);
          return range === undefined || (typeof value === 'number' && value >= range.min && value <= range.max);
        },
        defaultMessage(args: ValidationArguments): string {
          const range = rangeOf(args);
          const code = (args.object as { code?: string }).code ?? '';
          return range === undefined
            ? `${args.property} has no range`
            : `${args.property} must be between ${String(range.min)} and ${String(range.max)} for ${code}`;
        },
      },
    });
  };
}
