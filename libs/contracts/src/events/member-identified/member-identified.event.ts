import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { MemberIdentifiedPayload } from './member-identified.payload';

/**
 * `member-identified`: a member newly meets a chronic-condition rule.
 * `MemberIdentified.V1` carries a {@link MemberIdentifiedPayload}.
 */
export const MemberIdentified = {
  V1: defineEvent(TOPICS.memberIdentified, 1, MemberIdentifiedPayload),
} as const;
