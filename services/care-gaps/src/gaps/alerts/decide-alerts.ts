import type { AlertAudience, AlertChannel } from '@care/contracts';
import type { MemberFacts } from '../members/gap-member.repository';

/** Enrollment statuses in the care program that stop all care alerts about the member. */
const LEFT_PROGRAM = ['declined', 'opted-out', 'unenrolled'];

export interface AlertDecision {
  readonly audience: AlertAudience;
  readonly status: 'issued' | 'suppressed';
  /** Why it was suppressed (no PHI): deceased, opted-out, program-declined, recently-alerted, no-provider. */
  readonly reason: string | null;
  readonly channel: AlertChannel | null;
  readonly providerNpi: string | null;
  readonly language: string | null;
}

export interface AlertInput {
  readonly facts: MemberFacts;
  /** The doctor for this gap: attributed PCP, or the prescriber for medication gaps; null when unknown. */
  readonly providerNpi: string | null;
  /** Audiences already alerted about this member and rule within the suppression window. */
  readonly recentlyAlerted: ReadonlySet<AlertAudience>;
}

/** The member's channel: the preferred one when it can be used, mail otherwise. */
function memberChannel(facts: MemberFacts): AlertChannel {
  const { preferredChannel, emailAllowed, hasPhone } = facts.preferences;
  if (preferredChannel === 'email') return emailAllowed ? 'email' : 'mail';
  if (preferredChannel === 'phone') return hasPhone ? 'phone' : 'mail';
  return 'mail';
}

/**
 * Who is alerted about a newly opened gap. Both the member and the doctor are, unless: the member died; the member
 * opted out of care management or left the care program (no alert about them to anyone); the member opted out of
 * care alerts (no alert to the member, the doctor is still told); the same audience was alerted about the same rule
 * within the suppression window; or, for the doctor, none is known. Pure.
 */
export function decideAlerts(input: AlertInput): AlertDecision[] {
  const { facts } = input;
  const { deceased, optOuts, language } = facts.preferences;
  const leftProgram =
    optOuts.includes('care-management') || (facts.enrollment !== null && LEFT_PROGRAM.includes(facts.enrollment));
  const common = (audience: AlertAudience): string | null => {
    if (deceased) return 'deceased';
    if (leftProgram) return 'program-declined';
    if (input.recentlyAlerted.has(audience)) return 'recently-alerted';
    return null;
  };
  const memberReason = common('member') ?? (optOuts.includes('care-alerts') ? 'opted-out' : null);
  const providerReason = common('provider') ?? (input.providerNpi === null ? 'no-provider' : null);
  return [
    {
      audience: 'member',
      status: memberReason === null ? 'issued' : 'suppressed',
      reason: memberReason,
      channel: memberReason === null ? memberChannel(facts) : null,
      providerNpi: null,
      language,
    },
    {
      audience: 'provider',
      status: providerReason === null ? 'issued' : 'suppressed',
      reason: providerReason,
      channel: providerReason === null ? 'provider-portal' : null,
      providerNpi: input.providerNpi,
      language: null,
    },
  ];
}
