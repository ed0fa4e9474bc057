import { HttpException, HttpStatus } from '@nestjs/common';

/** Every way a casework request can fail besides field validation and authentication. */
export type CaseworkErrorCode =
  | 'task-not-found'
  | 'task-closed'
  | 'task-not-assigned'
  | 'outcome-conflict'
  | 'outcome-not-applicable'
  | 'note-conflict'
  | 'snooze-out-of-range'
  | 'queue-forbidden'
  | 'not-task-holder'
  | 'case-not-found'
  | 'case-conflict'
  | 'member-unknown'
  | 'not-eligible'
  | 'bill-not-eligible'
  | 'unknown-service'
  | 'transition-not-allowed'
  | 'resolution-required'
  | 'negotiation-missing'
  | 'negotiation-conflict'
  | 'negotiation-not-applicable'
  | 'negotiation-invalid';

/** The HTTP status of each code; a new code without one fails to compile. */
function statusOf(code: CaseworkErrorCode): HttpStatus {
  switch (code) {
    case 'task-not-found':
    case 'case-not-found':
      return HttpStatus.NOT_FOUND;
    case 'task-closed':
    case 'task-not-assigned':
    case 'outcome-conflict':
    case 'note-conflict':
    case 'case-conflict':
    case 'transition-not-allowed':
    case 'negotiation-missing':
    case 'negotiation-conflict':
    case 'negotiation-not-applicable':
      return HttpStatus.CONFLICT;
    case 'queue-forbidden':
    case 'not-task-holder':
      return HttpStatus.FORBIDDEN;
    case 'member-unknown':
    case 'not-eligible':
    case 'bill-not-eligible':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'snooze-out-of-range':
    case 'unknown-service':
    case 'resolution-required':
    case 'negotiation-invalid':
    case 'outcome-not-applicable':
      return HttpStatus.BAD_REQUEST;
  }
}

/** A casework failure with a code; the message never carries PHI (ids, statuses and rule names only). */
export class CaseworkException extends HttpException {
  constructor(
    readonly code: CaseworkErrorCode,
    message: string,
  ) {
    const status = statusOf(code);
    super({ statusCode: status, error: HttpStatus[status], code, message }, status);
  }
}
