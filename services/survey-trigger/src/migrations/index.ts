import { AuditTrail1796800000000 } from '@care/audit';
import {
  MessagingDeadLetters1796601600000,
  MessagingInboxApplications1797500000000,
  MessagingTables1732406400000,
} from '@care/persistence';
import { VisitsAndResponses1764000000000 } from './visits-and-responses.migration';

/** Every migration of survey-trigger, oldest first. */
export const SURVEY_TRIGGER_MIGRATIONS = [
  MessagingTables1732406400000,
  VisitsAndResponses1764000000000,
  MessagingDeadLetters1796601600000,
  AuditTrail1796800000000,
  MessagingInboxApplications1797500000000,
];
