import { AuditTrail1796800000000 } from '@care/audit';
import {
  MessagingDeadLetters1796601600000,
  MessagingInboxApplications1797500000000,
  MessagingTables1732406400000,
} from '@care/persistence';
import { CodeSetReleases1797100000000 } from './code-set-releases.migration';
import { EvidenceAndIdentifications1763900000000 } from './evidence-and-identifications.migration';
import { RetractionCodeSetReleases1797300000000 } from './retraction-code-set-releases.migration';

/** Every migration of condition-identification, oldest first. */
export const CONDITION_IDENTIFICATION_MIGRATIONS = [
  MessagingTables1732406400000,
  EvidenceAndIdentifications1763900000000,
  MessagingDeadLetters1796601600000,
  AuditTrail1796800000000,
  CodeSetReleases1797100000000,
  RetractionCodeSetReleases1797300000000,
  MessagingInboxApplications1797500000000,
];
