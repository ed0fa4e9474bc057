import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isValidNpi } from '@care/contracts';

/** The message of an invalid NPI in a path. */
export const INVALID_NPI_MESSAGE = 'npi must be a valid NPI (10 digits with a Luhn check digit)';

/**
 * Checks an `:npi` path parameter (10 digits, Luhn check digit over 80840) and answers 400 in the same shape as body
 * validation (`issues: [{ field: 'npi', messages }]`), never echoing the value.
 */
@Injectable()
export class ParseNpiPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isValidNpi(value)) return value;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'validation failed',
      issues: [{ field: 'npi', messages: [INVALID_NPI_MESSAGE] }],
    });
  }
}
