import { isSampled } from './survey-sampling.util';

/** Version of the eligibility rule (exclusions, quiet period, channel); recorded with every decision. */
export const SURVEY_ELIGIBILITY_RULE_VERSION = 'survey-eligibility-2026.1';

/** CG-CAHPS adult survey: members 18 or older on the visit date (CLINICAL.md section 5). */
export const SURVEY_MINIMUM_AGE_YEARS = 18;

/** The member facts a decision reads (the survey service keeps these per member, nothing more). */
export interface SurveyMemberFacts {
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly deceasedDate: string | null;
  readonly optedOutOfSurveys: boolean;
  /** An email address on file and consent to email. */
  readonly emailWithConsent: boolean;
  readonly mailingAddress: boolean;
  /** Language tag of the member's preference (`en`, `es-US`). */
  readonly language: string;
}

/** The settings a decision applies. */
export interface SurveyPolicy {
  /** Fraction of eligible visits sampled, 0..1. */
  readonly samplingRate: number;
  /** Two surveys of one member (or household) are at least this many days apart. */
  readonly quietPeriodDays: number;
  /** Visits older than this many days on the decision day are not surveyed (late claims). */
  readonly maxVisitAgeDays: number;
  /** At most one survey per household (subscriber) within the quiet period (CG-CAHPS household rule). */
  readonly oneSurveyPerHousehold: boolean;
}

/** A survey already triggered for the member or someone in the member's household. */
export interface EarlierSurvey {
  /** The decision day of that survey (YYYY-MM-DD). */
  readonly decidedOn: string;
  readonly sameMember: boolean;
}

export interface SurveyDecisionInput {
  /** YYYY-MM-DD */
  readonly serviceDate: string;
  /** The decision day (YYYY-MM-DD): when the claim arrived, or when the member became known if later. */
  readonly decidedOn: string;
  readonly member: SurveyMemberFacts;
  readonly earlierSurveys: readonly EarlierSurvey[];
  /** The visit's sampling draw in [0, 1). */
  readonly draw: number;
}

/** Why an eligible-looking visit is not surveyed; listed in this order when several apply. */
export const SURVEY_EXCLUSION_REASONS = [
  'deceased',
  'under-18',
  'opted-out',
  'visit-too-old',
  'no-mailing-address',
  'quiet-period',
  'household-quiet-period',
] as const;
export type SurveyExclusionReason = (typeof SURVEY_EXCLUSION_REASONS)[number];

export type SurveyChannel = 'email' | 'mail';

export type SurveyDecision =
  | { readonly outcome: 'selected'; readonly channel: SurveyChannel; readonly language: string }
  | { readonly outcome: 'not-sampled' }
  | { readonly outcome: 'excluded'; readonly reasons: readonly SurveyExclusionReason[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (both YYYY-MM-DD, UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Age in whole years on `on`; someone born on 29 February turns a year older on 1 March in other years. */
export function ageInYears(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Email when the member has an email address and consents to email; mail otherwise. */
export function surveyChannelOf(member: SurveyMemberFacts): SurveyChannel {
  return member.emailWithConsent ? 'email' : 'mail';
}

/**
 * Whether a visit is surveyed. Every exclusion that applies is reported (deceased, under 18 on the visit date, opted
 * out of surveys, visit older than the age limit on the decision day, nowhere to send it, another survey of the
 * member or of the household less than the quiet period apart); an eligible visit is then sampled by its draw. The
 * draw is an input, so the decision is a pure function of the visit, the member facts, earlier surveys and the
 * policy: the same inputs decide the same way on a replay.
 */
export function decideSurvey(input: SurveyDecisionInput, policy: SurveyPolicy): SurveyDecision {
  const { member } = input;
  const channel = surveyChannelOf(member);
  const within = (survey: EarlierSurvey): boolean =>
    Math.abs(daysBetween(survey.decidedOn, input.decidedOn)) < policy.quietPeriodDays;
  const applies: Record<SurveyExclusionReason, boolean> = {
    deceased: member.deceasedDate !== null,
    'under-18': ageInYears(member.birthDate, input.serviceDate) < SURVEY_MINIMUM_AGE_YEARS,
    'opted-out': member.optedOutOfSurveys,
    'visit-too-old': daysBetween(input.serviceDate, input.decidedOn) > policy.maxVisitAgeDays,
    'no-mailing-address': channel === 'mail' && !member.mailingAddress,
    'quiet-period': input.earlierSurveys.some((survey) => survey.sameMember && within(survey)),
    'household-quiet-period':
      policy.oneSurveyPerHousehold &&
      input.earlierSurveys.some((survey) => !survey.sameMember && within(survey)),
  };
  const reasons = SURVEY_EXCLUSION_REASONS.filter((reason) => applies[reason]);
  if (reasons.length > 0) return { outcome: 'excluded', reasons };
  if (!isSampled(input.draw, policy.samplingRate)) return { outcome: 'not-sampled' };
  return { outcome: 'selected', channel, language: member.language };
}
