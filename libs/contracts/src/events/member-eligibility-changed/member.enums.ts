/** CONTRACT: the enumerations of a member record. Adding a value is a breaking change for consumers. */

/** Relationship of the member to the subscriber (the covered employee). */
export const RELATIONSHIPS = [
  'subscriber',
  'spouse',
  'domestic-partner',
  'child',
  'parent',
  'parent-in-law',
  'other-dependent',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Administrative sex. */
export const ADMINISTRATIVE_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type AdministrativeSex = (typeof ADMINISTRATIVE_SEXES)[number];

/** Channel a member prefers to be contacted on. */
export const CONTACT_CHANNELS = ['mail', 'email', 'phone'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Kind of health plan. */
export const PLAN_TYPES = [
  'hmo',
  'ppo',
  'epo',
  'pos',
  'hdhp',
  'medicare-advantage',
  'medicaid-managed-care',
] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

/** Programs and outreach a member has opted out of. */
export const OPT_OUTS = ['care-management', 'care-alerts', 'surveys'] as const;
export type OptOut = (typeof OPT_OUTS)[number];

/** Kind of eligibility change. */
export const ELIGIBILITY_CHANGE_TYPES = ['added', 'updated'] as const;
export type EligibilityChangeType = (typeof ELIGIBILITY_CHANGE_TYPES)[number];
