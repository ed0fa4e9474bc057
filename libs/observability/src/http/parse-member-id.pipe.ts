import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isMemberId } from '@care/contracts';

/** The message of an invalid member id in a path (never echoes the value). */
export const INVALID_MEMBER_ID_MESSAGE = 'memberId must be 1-50 letters, digits, dot, dash or underscore';

/**
 * Checks a `:memberId` path parameter and answers 400 in the same shape as body validation
 * (`issues: [{ field: 'memberId', messages }]`), so every service rejects a bad member id alike.
 */
@Injectable()
export class ParseMemberIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isMemberId(value)) return value;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'validation failed',
      issues: [{ field: 'memberId', messages: [INVALID_MEMBER_ID_MESSAGE] }],
    });
  }
}
