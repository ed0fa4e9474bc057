import { POST_VISIT_SURVEY_TOPICS, POST_VISIT_SURVEY_VERSION, type SurveyChannel } from '@care/clinical';
import type { SurveyTopicName, SurveyTriggeredPayload } from '@care/contracts';
import type { VisitRecord } from './visit.types';

/** The instrument's topics as contract topic names (the compiler checks the instrument's ids are contract names). */
export const SURVEY_TOPIC_NAMES: readonly SurveyTopicName[] = POST_VISIT_SURVEY_TOPICS.map(
  (topic) => topic.id,
);

/** The `survey-triggered` payload of a visit selected for a survey. */
export function surveyTriggeredPayloadOf(
  visit: VisitRecord,
  selection: { readonly channel: SurveyChannel; readonly language: string },
  triggeredAt: Date,
): SurveyTriggeredPayload {
  return {
    surveyId: visit.visitId,
    memberId: visit.memberId,
    visit: {
      serviceDate: visit.serviceDate,
      kind: visit.kind,
      procedureCode: visit.procedureCode,
      telehealth: visit.telehealth,
      claimId: visit.claimId,
      claimVersion: visit.claimVersion,
      codeSetVersion: visit.codeSetVersion,
    },
    provider: {
      npi: visit.providerNpi,
      tin: visit.providerTin,
      billingNpi: visit.billingNpi,
      ...(visit.providerName === null ? {} : { name: visit.providerName }),
      ...(visit.practiceName === null ? {} : { practiceName: visit.practiceName }),
    },
    channel: selection.channel,
    language: selection.language,
    topics: [...SURVEY_TOPIC_NAMES],
    instrumentVersion: POST_VISIT_SURVEY_VERSION,
    triggeredAt: triggeredAt.toISOString(),
  };
}
