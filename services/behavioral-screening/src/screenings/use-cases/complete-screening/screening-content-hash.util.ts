import { createHash } from 'node:crypto';
import type { ScreeningSubmission } from '../../submission/screening-submission';

/**
 * SHA-256 of what makes a screening the same screening: member, instrument, answer values in item order,
 * completion instant, channel, and for AUDIT-C the sex (it selects the cut-off). Keys and item order as sent,
 * answers keyed by number or by LOINC, and FHIR display texts do not change it. Cut-offs and definition versions
 * are not content: a resubmission after a configuration change is still the same screening.
 */
export function screeningContentHash(submission: ScreeningSubmission): string {
  const content = [
    submission.memberId,
    submission.answers.instrument,
    submission.answers.values,
    submission.completedAt,
    submission.source,
    submission.answers.instrument === 'audit-c' ? submission.sex : null,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
