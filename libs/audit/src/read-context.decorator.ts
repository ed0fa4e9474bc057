import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { callerOf, PURPOSE_HEADER, routeOf } from '@care/auth';
import type { Request } from 'express';
import type { ReadContext } from './audit-trail';
import { defaultPurposeOf, parsePurpose, PURPOSES_OF_USE } from './purpose-of-use';

/**
 * Handler parameter: the {@link ReadContext} of an audited read: the verified caller, why (the `x-purpose-of-use`
 * header, or the default of the caller's role; 400 for a purpose not on the list) and the route. Needs `@Access()`
 * on the handler, which puts the caller on the request.
 */
export const AuditContext = createParamDecorator((_data: unknown, context: ExecutionContext): ReadContext => {
  const request = context.switchToHttp().getRequest<Request>();
  const caller = callerOf(request);
  if (caller === undefined) throw new Error('@AuditContext() needs @Access() on the handler');
  return {
    caller,
    purpose: parsePurpose(request.headers[PURPOSE_HEADER]) ?? defaultPurposeOf(caller),
    route: routeOf(request),
  };
});

/** OpenAPI of an audited read: the purpose header and the 200 answer. Pair it with an {@link AuditContext}. */
export const AuditedRead = (description: string, example?: unknown): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: PURPOSE_HEADER,
      required: false,
      description: `Why the data is read, recorded in the audit trail: ${PURPOSES_OF_USE.join(', ')} (default: supervision for supervisors, provider-care for providers, care-management otherwise)`,
      example: 'member-request',
    }),
    ApiOkResponse({
      description: `${description}; the read is audited`,
      ...(example === undefined ? {} : { example }),
    }),
  );
