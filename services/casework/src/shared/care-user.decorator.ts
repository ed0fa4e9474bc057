import { BadRequestException, createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { CASEWORK_ID_MESSAGE, CASEWORK_ID_PATTERN } from '@care/contracts';
import type { Request } from 'express';
import { CaseworkException } from './casework.exception';

/**
 * TEMPORARY stand-in for authentication (part 2 replaces it with the OIDC token's subject and roles): the caller's
 * user id is read from this header. Anyone who can reach the service can claim any id; deploy it only behind a
 * gateway that sets the header, until part 2.
 */
export const CARE_USER_HEADER = 'x-care-user';

/** The caller named by the header: 401 when absent, 400 when it is not a user id (1-64 letters, digits, . _ -). */
export function parseCareUser(value: string | string[] | undefined): string {
  if (value === undefined || value === '') {
    throw new CaseworkException('caller-missing', `the ${CARE_USER_HEADER} header naming the caller is required`);
  }
  if (typeof value === 'string' && CASEWORK_ID_PATTERN.test(value)) return value;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'validation failed',
    issues: [{ field: CARE_USER_HEADER, messages: [CASEWORK_ID_MESSAGE.replace('$property', CARE_USER_HEADER)] }],
  });
}

/** Handler parameter: the checked caller id (see {@link CARE_USER_HEADER}). */
export const CareUser = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  parseCareUser(context.switchToHttp().getRequest<Request>().headers[CARE_USER_HEADER]),
);

/** Guard for handlers that do not use the caller yet (reads): the header must still name one. */
@Injectable()
export class CareUserGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    parseCareUser(context.switchToHttp().getRequest<Request>().headers[CARE_USER_HEADER]);
    return true;
  }
}
