import { AuditTrail1796800000000 } from '@care/audit';
import {
  MessagingDeadLetters1796601600000,
  MessagingInboxApplications1797500000000,
  MessagingTables1732406400000,
} from '@care/persistence';
import { ClaimsAndMembers1732406500000 } from './claims-and-members.migration';
import { MemberSearch1797600000000 } from './member-search.migration';
import { X12Interchanges1797000000000 } from './x12-interchanges.migration';

/** Every migration of claims-intake, oldest first. */
export const CLAIMS_INTAKE_MIGRATIONS = [
  MessagingTables1732406400000,
  ClaimsAndMembers1732406500000,
  MessagingDeadLetters1796601600000,
  AuditTrail1796800000000,
  X12Interchanges1797000000000,
  MessagingInboxApplications1797500000000,
  MemberSearch1797600000000,
];
