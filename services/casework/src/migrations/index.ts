import { AuditTrail1796800000000 } from '@care/audit';
import {
  MessagingDeadLetters1796601600000,
  MessagingInboxApplications1797500000000,
  MessagingTables1732406400000,
} from '@care/persistence';
import { CaseworkAdvocacy1764000000000 } from './advocacy-cases.migration';
import { Casework1763990000000 } from './casework.migration';

/** Every migration of casework, oldest first. */
export const CASEWORK_MIGRATIONS = [
  MessagingTables1732406400000,
  Casework1763990000000,
  CaseworkAdvocacy1764000000000,
  MessagingDeadLetters1796601600000,
  AuditTrail1796800000000,
  MessagingInboxApplications1797500000000,
];
