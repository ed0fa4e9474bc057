import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { CaseOpenedPayload } from './case-opened.payload';

/** `case-opened`: casework opened a case for a member. `CaseOpened.V1` carries a {@link CaseOpenedPayload}. */
export const CaseOpened = {
  V1: defineEvent(TOPICS.caseOpened, 1, CaseOpenedPayload),
} as const;
