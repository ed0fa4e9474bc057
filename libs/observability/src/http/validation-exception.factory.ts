import { BadRequestException, type ValidationError } from '@nestjs/common';
import { toValidationIssues } from '@care/contracts';

/**
 * The 400 body for invalid HTTP input: every failing field named, with what is wrong, never the value.
 * `{ statusCode: 400, error: 'Bad Request', message: 'validation failed', issues: [{ field, messages }] }`
 */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'validation failed',
    issues: toValidationIssues(errors),
  });
}
