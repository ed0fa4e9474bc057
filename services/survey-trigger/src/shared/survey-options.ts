import type { SurveyPolicy, VisitClassificationOptions } from '@care/clinical';

/** What the survey module runs with, from the service settings. */
export interface SurveyOptions {
  readonly policy: SurveyPolicy;
  readonly classification: VisitClassificationOptions;
  readonly seed: string;
  readonly minResponses: number;
}

/** Nest injection token of the {@link SurveyOptions}. */
export const SURVEY_OPTIONS = Symbol('survey-trigger.options');
