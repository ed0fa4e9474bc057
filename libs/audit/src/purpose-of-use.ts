import { BadRequestException } from '@nestjs/common';
import { PURPOSE_HEADER, type Caller } from '@care/auth';

/**
 * Why a caller reads a member's data (the "why" of the audit trail), from the `x-purpose-of-use` header; without
 * it, the purpose of the caller's role ({@link defaultPurposeOf}). A closed list, so the trail never holds free text.
 */
export const PURPOSES_OF_USE = [
  'care-management',
  'member-request',
  'supervision',
  'quality-review',
  'privacy-audit',
  'provider-care',
] as const;
export type PurposeOfUse = (typeof PURPOSES_OF_USE)[number];

/** Supervisors supervise, providers treat; everyone else who may read member data reads it to manage care. */
export function defaultPurposeOf(caller: Pick<Caller, 'roles'>): PurposeOfUse {
  const roles: readonly string[] = caller.roles;
  if (roles.includes('coach') || roles.includes('advocate')) return 'care-management';
  if (roles.includes('supervisor')) return 'supervision';
  if (roles.includes('provider')) return 'provider-care';
  return 'care-management';
}

/** The purpose the header names, undefined without it; 400 naming the header when it names none of the list. */
export function parsePurpose(value: string | string[] | undefined): PurposeOfUse | undefined {
  if (value === undefined || value === '') return undefined;
  const purpose = PURPOSES_OF_USE.find((candidate) => candidate === value);
  if (purpose !== undefined) return purpose;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'validation failed',
    issues: [
      { field: PURPOSE_HEADER, messages: [`${PURPOSE_HEADER} must be one of ${PURPOSES_OF_USE.join(', ')}`] },
    ],
  });
}
