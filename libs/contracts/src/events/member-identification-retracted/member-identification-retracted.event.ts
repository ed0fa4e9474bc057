import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { MemberIdentificationRetractedPayload } from './member-identification-retracted.payload';

/**
 * `member-identification-retracted`: a member no longer meets a condition rule.
 * `MemberIdentificationRetracted.V1` carries a {@link MemberIdentificationRetractedPayload}.
 */
export const MemberIdentificationRetracted = {
  V1: defineEvent(TOPICS.memberIdentificationRetracted, 1, MemberIdentificationRetractedPayload),
} as const;
