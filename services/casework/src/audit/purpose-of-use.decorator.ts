import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CaseworkCaller } from '../shared/access-policy';
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

/** Handler parameter: the purpose named by `x-purpose-of-use`, or undefined (see {@link purposeFor}). */
export const RequestedPurpose = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PurposeOfUse | undefined =>
    parsePurpose(context.switchToHttp().getRequest<Request>().headers[PURPOSE_HEADER]),
);

/** The purpose recorded for a read: the one asked for, or the caller's role's. */
export const purposeFor = (caller: CaseworkCaller, requested: PurposeOfUse | undefined): PurposeOfUse =>
  requested ?? defaultPurposeOf(caller);

/** OpenAPI description of the header, for every audited read. */
export const PURPOSE_HEADER_DOC = {
  name: PURPOSE_HEADER,
  required: false,
  description: `Why the data is read, recorded in the audit log: ${PURPOSES_OF_USE.join(', ')} (default: supervision for supervisors, care-management otherwise)`,
  example: 'member-request',
};
