import { HttpException, HttpStatus } from '@nestjs/common';

/** Every way an ops request can fail besides field validation and authentication. */
export type OpsErrorCode = 'kafka-unavailable' | 'dead-letter-not-found' | 'replay-in-progress';

/** The HTTP status of each code; a new code without one fails to compile. */
function statusOf(code: OpsErrorCode): HttpStatus {
  switch (code) {
    case 'kafka-unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'dead-letter-not-found':
      return HttpStatus.NOT_FOUND;
    case 'replay-in-progress':
      return HttpStatus.CONFLICT;
  }
}

/** An ops failure with a code; the message names topics, partitions and offsets, never a payload. */
export class OpsException extends HttpException {
  constructor(
    readonly code: OpsErrorCode,
    message: string,
  ) {
    const status = statusOf(code);
    super({ statusCode: status, error: HttpStatus[status], code, message }, status);
  }
}
