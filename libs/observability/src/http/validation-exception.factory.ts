import { BadRequestException, type ValidationError } from '@nestjs/common';
import { toValidationIssues, type ValidationIssue } from '@care/contracts';

/**
 * The 400 body for invalid HTTP input: every failing field named, with what is wrong, never the value.
 * `{ statusCode: 400, error: 'Bad Request', message: 'validation failed', issues: [{ field, messages }] }`
 */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  return issuesException('validation failed', toValidationIssues(errors));
}

/** A 400 in the same shape, for issues found without class-validator (input bounds, a batch's envelope). */
export function issuesException(message: string, issues: readonly ValidationIssue[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, issues });
}
