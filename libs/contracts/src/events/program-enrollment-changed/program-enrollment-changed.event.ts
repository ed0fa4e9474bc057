import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { ProgramEnrollmentChangedPayload } from './program-enrollment-changed.payload';

/**
 * `program-enrollment-changed`: a member enrolled in, declined, opted out of or left a care program.
 * `ProgramEnrollmentChanged.V1` carries a {@link ProgramEnrollmentChangedPayload}.
 */
export const ProgramEnrollmentChanged = {
  V1: defineEvent(TOPICS.programEnrollmentChanged, 1, ProgramEnrollmentChangedPayload),
} as const;
