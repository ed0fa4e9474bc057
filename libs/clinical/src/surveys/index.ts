// Post-visit surveys (issue 7): surveyable visit codes, classification, sampling, eligibility, instrument, scoring.
export * from './survey-visit.types';
export * from './survey-visit-codes.data';
export * from './classify-visit-claim.util';
export * from './survey-sampling.util';
export * from './survey-eligibility.rule';
export * from './post-visit-survey.instrument';
export * from './score-provider-surveys.util';
