import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  HttpStatus,
  PayloadTooLargeException,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * SQLSTATEs with which PostgreSQL refuses a value itself rather than failing: class 22 (data exception: a date
 * out of range, a number over its column's precision, a NUL in text), 23514 (a CHECK constraint) and 54000 (a
 * value too large for an index). Validation is meant to stop all of these first; this is the net behind it.
 */
const REJECTED_VALUE = /^(22|23514$|54000$)/;

/** The SQLSTATE when `error` (a driver or TypeORM error) is the database refusing a value; else undefined. */
export function storageRejectionOf(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 3) return undefined;
  const record = error as { code?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof record.code === 'string' && REJECTED_VALUE.test(record.code)) return record.code;
  return storageRejectionOf(record.driverError ?? record.cause, depth + 1);
}

/** The 400 issue for a value the database refused: the SQLSTATE, never the database's message (it quotes values). */
export function storageRejectionIssue(code: string): { field: string; messages: string[] } {
  return {
    field: '(root)',
    messages: [`(root) holds a value that cannot be stored (SQLSTATE ${code}); nothing of it was stored`],
  };
}

/**
 * Answers 400 instead of 500 when a request failed because the database refused one of its values, with the
 * SQLSTATE and none of the database's message; every other exception goes to Nest's default handling.
 */
@Catch()
export class StorageRejectionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const code = storageRejectionOf(exception);
    if (code === undefined || host.getType() !== 'http') {
      super.catch(exception, host);
      return;
    }
    const response = host.switchToHttp().getResponse<{
      status: (status: number) => { json: (body: unknown) => void };
    }>();
    response.status(HttpStatus.BAD_REQUEST).json({
      statusCode: 400,
      error: 'Bad Request',
      message: 'a value was refused by the database',
      issues: [storageRejectionIssue(code)],
    });
  }
}

/**
 * Express error middleware for the JSON body parser's refusals, placed right after it: a body over the limit
 * becomes a 413 and a body that is not JSON a 400 with a fixed message, as Nest HTTP exceptions (answered, not
 * logged as server errors). Nest would otherwise answer the parser's own message, which quotes the body, and log
 * the 413 with the request at error level.
 */
export function bodyParserErrors(
  error: unknown,
  _request: unknown,
  _response: unknown,
  next: (error?: unknown) => void,
): void {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  if (type === 'entity.too.large') {
    next(new PayloadTooLargeException('request entity too large'));
  } else if (type === 'entity.parse.failed') {
    next(new BadRequestException('the request body is not valid JSON'));
  } else {
    next(error);
  }
}
