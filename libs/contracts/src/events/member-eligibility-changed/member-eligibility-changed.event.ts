import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { MemberEligibilityChangedPayload } from './member-eligibility-changed.payload';

/**
 * `member-eligibility-changed`: a member was added or changed.
 * `MemberEligibilityChanged.V1` carries a {@link MemberEligibilityChangedPayload}.
 */
export const MemberEligibilityChanged = {
  V1: defineEvent(TOPICS.memberEligibilityChanged, 1, MemberEligibilityChangedPayload),
} as const;
