/** CONTRACT: a member's enrollment status in a care program. Adding a value is a breaking change for consumers. */
export const ENROLLMENT_STATUSES = ['enrolled', 'declined', 'opted-out', 'unenrolled'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/**
 * CONTRACT: how an enrollment change came about: a coach's outreach, the member themselves, or a doctor's referral.
 * Adding a value is a breaking change for consumers.
 */
export const ENROLLMENT_SOURCES = ['outreach', 'self', 'doctor-referral'] as const;
export type EnrollmentSource = (typeof ENROLLMENT_SOURCES)[number];
