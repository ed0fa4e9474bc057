/** CONTRACT: a member's enrollment status in a care program. Adding a value is a breaking change for consumers. */
export const ENROLLMENT_STATUSES = ['enrolled', 'declined', 'opted-out', 'unenrolled'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
