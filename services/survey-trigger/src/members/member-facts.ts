import type { SurveyMemberFacts } from '@care/clinical';
import type { MemberRecord } from '@care/contracts';

/** What survey-trigger keeps of a member: the decision facts, the household, and since when they are known. */
export interface StoredMember extends SurveyMemberFacts {
  readonly memberId: string;
  /** The subscriber's member id: one household. */
  readonly householdId: string;
  /** When the first record of the member was published (ISO instant). */
  readonly knownSince: string;
  /** When the record applied was published (ISO instant). */
  readonly updatedAt: string;
}

/**
 * The facts a survey decision needs from a roster record, nothing more: no name, no address, no email (whether an
 * email with consent and a mailing address exist is enough to choose the channel).
 */
export function memberFactsOf(record: MemberRecord): SurveyMemberFacts & { householdId: string } {
  return {
    householdId: record.subscriberId,
    birthDate: record.birthDate,
    deceasedDate: record.deceasedDate ?? null,
    optedOutOfSurveys: record.optOuts.includes('surveys'),
    emailWithConsent: record.email !== undefined && record.contactPreferences.emailConsent,
    mailingAddress: record.address !== undefined,
    language: record.contactPreferences.language,
  };
}
