import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsMoneyAmount}. */
export const IS_MONEY_AMOUNT = 'isMoneyAmount';
/** Decimal rendering of a valid amount: digits, optionally a point and 1–2 digits (no exponent). */
const MONEY_RENDERING = /^\d+(?:\.\d{1,2})?$/;

/**
 * The largest amount accepted: far above any real claim, and within every money column of the platform
 * (numeric(12,2) holds up to 9,999,999,999.99).
 */
export const MAX_MONEY_AMOUNT = 999_999_999.99;

/**
 * Whether `value` is a money amount in dollars: a finite number from 0 to {@link MAX_MONEY_AMOUNT} with at most 2
 * decimals. The check uses the
 * number's shortest decimal rendering, which is how it appeared in JSON (`12.5`, `12.50` ok; `0.125`, `1e-7` not).
 */
export function isMoneyAmount(value: number): boolean {
  return (
    Number.isFinite(value) && value >= 0 && value <= MAX_MONEY_AMOUNT && MONEY_RENDERING.test(String(value))
  );
}

/** Property must be a money amount (see {@link isMoneyAmount}). */
export function IsMoneyAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_MONEY_AMOUNT,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'number' && isMoneyAmount(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an amount from 0 to 999999999.99 with at most 2 decimal places`,
          options,
        ),
      },
    },
    options,
  );
}
