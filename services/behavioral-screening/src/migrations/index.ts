import { AuditTrail1796800000000 } from '@care/audit';
import {
  MessagingDeadLetters1796601600000,
  MessagingInboxApplications1797500000000,
  MessagingTables1732406400000,
} from '@care/persistence';
import { IncompleteScreenings1796900000000 } from './incomplete-screenings.migration';
import { ScreeningMembers1797000000000 } from './screening-members.migration';
import { Screenings1795471400000 } from './screenings.migration';

/** Every migration of behavioral-screening, oldest first. */
export const BEHAVIORAL_SCREENING_MIGRATIONS = [
  MessagingTables1732406400000,
  Screenings1795471400000,
  MessagingDeadLetters1796601600000,
  AuditTrail1796800000000,
  IncompleteScreenings1796900000000,
  ScreeningMembers1797000000000,
  MessagingInboxApplications1797500000000,
];
