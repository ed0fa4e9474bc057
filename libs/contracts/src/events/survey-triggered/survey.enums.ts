/** CONTRACT: the enumerations of `survey-triggered` (and of survey responses). Adding a value is breaking. */

/**
 * The topics a post-visit survey asks about (CLINICAL.md section 1), in the order asked. Also the `topic` of each
 * answer in `POST /v1/surveys/{id}/responses`.
 */
export const SURVEY_TOPICS = [
  'getting-needed-care',
  'getting-care-quickly',
  'care-coordination',
  'provider-communication',
  'quality-of-care',
] as const;
export type SurveyTopicName = (typeof SURVEY_TOPICS)[number];

/** How the survey reaches the member: email when they have an address and consent, mail otherwise. */
export const SURVEY_CHANNELS = ['email', 'mail'] as const;
export type SurveyChannelName = (typeof SURVEY_CHANNELS)[number];

/** The kind of visit surveyed: routine (preventive, annual wellness) or problem-oriented (sick) office visit. */
export const SURVEY_VISIT_KINDS = ['preventive', 'sick'] as const;
export type SurveyVisitKind = (typeof SURVEY_VISIT_KINDS)[number];
