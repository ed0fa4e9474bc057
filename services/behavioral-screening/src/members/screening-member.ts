import type { AuditCSex } from '@care/clinical';
import type { AdministrativeSex } from '@care/contracts';

/** What behavioral-screening keeps of a member from the roster. */
export interface ScreeningMember {
  readonly memberId: string;
  readonly sex: AdministrativeSex;
  readonly birthDate: string;
  readonly deceasedDate: string | null;
  /** When the record applied was published (ISO instant): an older record changes nothing. */
  readonly updatedAt: string;
}

/** Which sex selected the AUDIT-C cut-off, and where it came from. */
export interface AuditCSexChoice {
  readonly sex: AuditCSex;
  /** `roster` (the plan's record), `submission` (the roster has none), `none` (neither: the sensitive cut-off). */
  readonly source: 'roster' | 'submission' | 'none';
  /** The sex the submission named, when it names one the roster contradicts (recorded, not used). */
  readonly contradicted?: AuditCSex;
}

const definite = (sex: AuditCSex | undefined): sex is 'female' | 'male' => sex === 'female' || sex === 'male';

/**
 * The sex for the AUDIT-C cut-off: the roster's when it records female or male (the plan's administrative record is
 * the one source of truth; a submission that says otherwise is recorded as contradicted, not used); else the
 * submission's; else unknown, which takes the sensitive cut-off (3).
 */
export function auditCSexOf(submitted: AuditCSex, roster: AdministrativeSex | undefined): AuditCSexChoice {
  if (definite(roster)) {
    return {
      sex: roster,
      source: 'roster',
      ...(definite(submitted) && submitted !== roster && { contradicted: submitted }),
    };
  }
  if (submitted !== 'unknown') return { sex: submitted, source: 'submission' };
  if (roster === 'other') return { sex: 'other', source: 'roster' };
  return { sex: 'unknown', source: 'none' };
}
