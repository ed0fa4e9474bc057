import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/**
 * An id in a console route (member, task, case, queue): letters, digits, `-` and `_`, 1-64 characters, so that it
 * can be placed in a service's path as it is (no `.` or `..` segment, no `/`, nothing to escape). The service
 * checks its own format again.
 */
@Injectable()
export class ParseRouteIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (/^[A-Za-z0-9_-]{1,64}$/.test(value)) return value;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'validation failed',
      issues: [{ field: this.field, messages: [`${this.field} must be 1-64 letters, digits, - or _`] }],
    });
  }
}

export const memberIdParam = new ParseRouteIdPipe('memberId');
export const taskIdParam = new ParseRouteIdPipe('taskId');
export const caseIdParam = new ParseRouteIdPipe('caseId');
export const queueParam = new ParseRouteIdPipe('queue');
