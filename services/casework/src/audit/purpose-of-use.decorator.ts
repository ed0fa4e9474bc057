import { applyDecorators, BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { callerOf } from '@care/auth';
import type { Request } from 'express';
import { defaultPurposeOf, PURPOSE_HEADER, PURPOSES_OF_USE, type PurposeOfUse } from './read-audit';

/** The purpose the header names, undefined without it; 400 naming the header when it names none of the list. */
export function parsePurpose(value: string | string[] | undefined): PurposeOfUse | undefined {
  if (value === undefined || value === '') return undefined;
  const purpose = PURPOSES_OF_USE.find((candidate) => candidate === value);
  if (purpose !== undefined) return purpose;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'validation failed',
    issues: [{ field: PURPOSE_HEADER, messages: [`${PURPOSE_HEADER} must be one of ${PURPOSES_OF_USE.join(', ')}`] }],
  });
}

/**
 * Handler parameter: why this read happens, for the audit log: the purpose the `x-purpose-of-use` header names, or
 * the default of the caller's role (after `@Authorize`, which puts the verified caller on the request).
 */
export const ReadPurpose = createParamDecorator((_data: unknown, context: ExecutionContext): PurposeOfUse => {
  const request = context.switchToHttp().getRequest<Request>();
  const caller = callerOf(request);
  if (caller === undefined) throw new Error('ReadPurpose needs @Authorize on the handler');
  return parsePurpose(request.headers[PURPOSE_HEADER]) ?? defaultPurposeOf(caller);
});

/**
 * OpenAPI of an audited read: the purpose header and the 200 answer with its example. Pair it with a
 * {@link ReadPurpose} parameter.
 */
export const AuditedRead = (description: string, example: unknown): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: PURPOSE_HEADER,
      required: false,
      description: `Why the data is read, recorded in the audit log: ${PURPOSES_OF_USE.join(', ')} (default: supervision for supervisors, care-management otherwise)`,
      example: 'member-request',
    }),
    ApiOkResponse({ description: `${description}; the read is audited`, example }),
  );
