import { AuditTrail1796800000000 } from '@care/audit';
import {
  MessagingDeadLetters1796601600000,
  MessagingInboxApplications1797500000000,
  MessagingTables1732406400000,
} from '@care/persistence';
import { AlertRuleVersions1797300000000 } from './alert-rule-versions.migration';
import { CareGaps1763910000000 } from './care-gaps.migration';
import { CodeSetReleases1797200000000 } from './code-set-releases.migration';
import { GapRuleCatalog1797100000000 } from './gap-rule-catalog.migration';
import { InstitutionalHospiceEvidence1797400000000 } from './institutional-hospice-evidence.migration';

/** Every migration of care-gaps, oldest first. */
export const CARE_GAPS_MIGRATIONS = [
  MessagingTables1732406400000,
  CareGaps1763910000000,
  MessagingDeadLetters1796601600000,
  AuditTrail1796800000000,
  GapRuleCatalog1797100000000,
  CodeSetReleases1797200000000,
  AlertRuleVersions1797300000000,
  InstitutionalHospiceEvidence1797400000000,
  MessagingInboxApplications1797500000000,
];
