import type { MemberRecord } from '@care/contracts';
import type { MemberChange834 } from './member-834.mapper';

/**
 * What an 834 does not carry, for a member new to the roster: contact by mail in English without email consent,
 * advocacy routed to the platform's team (planAdministeredByHealthPlan false), no opt-outs. A member already on the
 * roster keeps their own values of these (set through POST /v1/members).
 */
export const MEMBER_DEFAULTS = {
  contactPreferences: { preferredChannel: 'mail', language: 'en', emailConsent: false },
  planAdministeredByHealthPlan: false,
  optOuts: [],
} as const;

/**
 * The record an 834 member loop leaves on the roster (docs/x12-834.md): for an addition or change, the roster's
 * record (or the defaults) with every field the 834 gives replaced; for a termination, the roster's record with
 * the coverage ending on the given day (and the death date, when given). Undefined with a reason when a termination
 * names a member the roster does not have. The result is plain JSON, to be validated as a MemberRecord.
 */
export function mergeMember(
  change: MemberChange834,
  stored: MemberRecord | undefined,
): { readonly record: Record<string, unknown> } | { readonly problem: string } {
  if (change.action === 'terminate') {
    if (stored === undefined) {
      return {
        problem: 'the member is not on the roster: a termination (INS03 024) ends a coverage added before',
      };
    }
    const deceased = change.fields['deceasedDate'];
    return {
      record: {
        ...stored,
        coverage: {
          ...stored.coverage,
          ...(change.terminationDate === undefined ? {} : { terminationDate: change.terminationDate }),
        },
        ...(deceased === undefined ? {} : { deceasedDate: deceased }),
      },
    };
  }
  const base: Record<string, unknown> = stored === undefined ? { ...MEMBER_DEFAULTS } : { ...stored };
  const { language, ...given } = change.fields;
  const preferences = (base['contactPreferences'] ?? MEMBER_DEFAULTS.contactPreferences) as Record<
    string,
    unknown
  >;
  return {
    record: {
      ...base,
      ...given,
      contactPreferences: { ...preferences, ...(language === undefined ? {} : { language }) },
    },
  };
}
