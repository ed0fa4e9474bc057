import type { PayloadClass } from '../envelope/event-definition';
import { checkInputBounds, DEFAULT_INPUT_BOUNDS, type InputBounds } from '../envelope/input-bounds';
import { transformAndValidate } from '../envelope/planned-validation';
import { toValidationIssues, type ValidationIssue } from '../envelope/validation-issues';

/** Field name used for issues about the submitted value as a whole. */
export const ROOT_FIELD = '(root)';

/** Outcome of {@link validateSubmission}: the validated instance, or every failing field. */
export type SubmissionResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: ValidationIssue[] };

/**
 * Transforms and validates a submitted plain value (an HTTP body, a Kafka payload) against a payload class.
 * Unknown fields are always removed from the returned value; with `forbidUnknownFields` (HTTP) each one is also
 * reported as an issue, without it (Kafka) they are tolerated, since newer producers may add fields.
 * Anything other than a JSON object is rejected with one issue on `(root)`. Never throws for bad input.
 */
export function validateSubmission<T extends object>(
  cls: PayloadClass<T>,
  plain: unknown,
  options: { readonly forbidUnknownFields: boolean; readonly bounds?: InputBounds },
): SubmissionResult<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, issues: [{ field: ROOT_FIELD, messages: [`${ROOT_FIELD} must be a JSON object`] }] };
  }
  const boundIssues = checkInputBounds(plain, options.bounds ?? DEFAULT_INPUT_BOUNDS);
  if (boundIssues.length > 0) return { ok: false, issues: boundIssues };
  const checked = transformAndValidate(cls, plain, {
    unknownFields: options.forbidUnknownFields ? 'forbid' : 'strip',
    validatorOptions: {
      whitelist: true,
      forbidNonWhitelisted: options.forbidUnknownFields,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    },
  });
  const issues = checked.ok ? [] : toValidationIssues(checked.errors);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: checked.value };
}
