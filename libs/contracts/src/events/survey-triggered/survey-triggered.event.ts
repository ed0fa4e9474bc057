import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { SurveyTriggeredPayload } from './survey-triggered.payload';

/**
 * `survey-triggered`: a member was selected for a post-visit survey.
 * `SurveyTriggered.V1` carries a {@link SurveyTriggeredPayload}.
 */
export const SurveyTriggered = {
  V1: defineEvent(TOPICS.surveyTriggered, 1, SurveyTriggeredPayload),
} as const;
