import { HttpException, HttpStatus } from '@nestjs/common';

/** Every way a casework request can fail besides field validation. */
export type CaseworkErrorCode =
  | 'task-not-found'
  | 'task-closed'
  | 'task-not-assigned'
  | 'outcome-conflict'
  | 'note-conflict'
  | 'caller-missing'
  | 'snooze-out-of-range';

/** The HTTP status of each code; a new code without one fails to compile. */
function statusOf(code: CaseworkErrorCode): HttpStatus {
  switch (code) {
    case 'task-not-found':
      return HttpStatus.NOT_FOUND;
    case 'task-closed':
    case 'task-not-assigned':
    case 'outcome-conflict':
    case 'note-conflict':
      return HttpStatus.CONFLICT;
    case 'caller-missing':
      return HttpStatus.UNAUTHORIZED;
    case 'snooze-out-of-range':
      return HttpStatus.BAD_REQUEST;
  }
}

/** A casework failure with a code; the message never carries PHI (ids only). */
export class CaseworkException extends HttpException {
  constructor(
    readonly code: CaseworkErrorCode,
    message: string,
  ) {
    const status = statusOf(code);
    super({ statusCode: status, error: HttpStatus[status], code, message }, status);
  }
}
