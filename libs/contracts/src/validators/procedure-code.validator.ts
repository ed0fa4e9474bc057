import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsProcedureCode}. */
export const IS_PROCEDURE_CODE = 'isProcedureCode';

/** Procedure code families: CPT (Category I), CPT Category II, CPT Category III, HCPCS Level II. */
export const PROCEDURE_CODE_FAMILIES = ['cpt', 'cpt-ii', 'cpt-iii', 'hcpcs'] as const;
export type ProcedureCodeFamily = (typeof PROCEDURE_CODE_FAMILIES)[number];

/** The pattern of each family; letters are accepted in either case (normalization upper-cases them). */
export const PROCEDURE_CODE_FAMILY_PATTERNS: Readonly<Record<ProcedureCodeFamily, RegExp>> = {
  cpt: /^\d{5}$/,
  'cpt-ii': /^\d{4}[Ff]$/,
  'cpt-iii': /^\d{4}[Tt]$/,
  hcpcs: /^[A-Va-v]\d{4}$/,
};

/** Any procedure code family, as one pattern (used for JSON Schema). */
export const PROCEDURE_CODE_PATTERN = /^(?:\d{5}|\d{4}[FfTt]|[A-Va-v]\d{4})$/;

/** The family of a procedure code, or undefined when `value` is no CPT, CPT II, CPT III or HCPCS code. */
export function classifyProcedureCode(value: string): ProcedureCodeFamily | undefined {
  return PROCEDURE_CODE_FAMILIES.find((family) => PROCEDURE_CODE_FAMILY_PATTERNS[family].test(value));
}

/** Whether `value` is a CPT, CPT II, CPT III or HCPCS Level II code. */
export function isProcedureCode(value: string): boolean {
  return classifyProcedureCode(value) !== undefined;
}

/** Property must be a procedure code (see {@link isProcedureCode}). */
export function IsProcedureCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_PROCEDURE_CODE,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isProcedureCode(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a CPT, CPT II, CPT III or HCPCS Level II code`,
          options,
        ),
      },
    },
    options,
  );
}
