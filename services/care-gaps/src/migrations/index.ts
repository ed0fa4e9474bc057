import { AuditTrail1796800000000 } from '@care/audit';
import { MessagingDeadLetters1796601600000, MessagingTables1732406400000 } from '@care/persistence';
import { CareGaps1763910000000 } from './care-gaps.migration';

/** Every migration of care-gaps, oldest first. */
export const CARE_GAPS_MIGRATIONS = [
  MessagingTables1732406400000,
  CareGaps1763910000000,
  MessagingDeadLetters1796601600000,
  AuditTrail1796800000000,
];
