import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { AssessmentCompletedPayload } from './assessment-completed.payload';

/**
 * `assessment-completed`: a health-assessment result from an assessment vendor.
 * `AssessmentCompleted.V1` carries an {@link AssessmentCompletedPayload}.
 */
export const AssessmentCompleted = {
  V1: defineEvent(TOPICS.assessmentCompleted, 1, AssessmentCompletedPayload),
} as const;
