/**
 * The post-visit survey (CG-CAHPS style, CLINICAL.md section 1): one question per topic. Topic ids go over the wire
 * in `survey-triggered` and in survey responses; the survey service checks at compile time that they equal the
 * contract's `SURVEY_TOPICS`.
 */
export type SurveyTopicId =
  | 'getting-needed-care'
  | 'getting-care-quickly'
  | 'care-coordination'
  | 'provider-communication'
  | 'quality-of-care';

/** An answer scale: its kind, its whole-number range, and the answers that count as the best ("top box"). */
export interface SurveyAnswerScale {
  /** `frequency`: CAHPS Never / Sometimes / Usually / Always; `rating`: 0 worst ... 10 best. */
  readonly kind: 'frequency' | 'rating';
  readonly min: number;
  readonly max: number;
  /** Answers at or above this are the top box (CAHPS: "Always"; ratings 9 and 10). */
  readonly topBoxMin: number;
  readonly labels: Readonly<Record<number, string>>;
}

export interface SurveyTopic {
  readonly id: SurveyTopicId;
  readonly title: string;
  readonly question: string;
  readonly scale: SurveyAnswerScale;
}

/** CAHPS frequency scale: 1 Never, 2 Sometimes, 3 Usually, 4 Always. */
export const FREQUENCY_SCALE: SurveyAnswerScale = {
  kind: 'frequency',
  min: 1,
  max: 4,
  topBoxMin: 4,
  labels: { 1: 'Never', 2: 'Sometimes', 3: 'Usually', 4: 'Always' },
};

/** CAHPS 0–10 rating: 0 the worst possible, 10 the best possible. */
export const RATING_SCALE: SurveyAnswerScale = {
  kind: 'rating',
  min: 0,
  max: 10,
  topBoxMin: 9,
  labels: { 0: 'Worst possible', 10: 'Best possible' },
};

/** Version of the instrument (topics, questions, scales); carried by `survey-triggered` and every response. */
export const POST_VISIT_SURVEY_VERSION = 'post-visit-2026.1';

/**
 * The five topics of CLINICAL.md section 1, in the order the survey asks them. Questions follow CG-CAHPS 3.0
 * wording where a composite exists; quality of care uses the CAHPS 0–10 provider rating.
 */
export const POST_VISIT_SURVEY_TOPICS: readonly SurveyTopic[] = [
  {
    id: 'getting-needed-care',
    title: 'Getting needed care',
    question: 'How often was it easy to get the care, tests or treatment you needed?',
    scale: FREQUENCY_SCALE,
  },
  {
    id: 'getting-care-quickly',
    title: 'Getting care quickly',
    question: 'How often did you get an appointment for care as soon as you needed it?',
    scale: FREQUENCY_SCALE,
  },
  {
    id: 'care-coordination',
    title: 'Care coordination',
    question:
      'How often did this provider seem to know the important information about your medical history?',
    scale: FREQUENCY_SCALE,
  },
  {
    id: 'provider-communication',
    title: 'Provider communication',
    question: 'How often did this provider explain things in a way that was easy to understand?',
    scale: FREQUENCY_SCALE,
  },
  {
    id: 'quality-of-care',
    title: 'Quality of care',
    question: 'Using any number from 0 to 10, what number would you use to rate this provider?',
    scale: RATING_SCALE,
  },
];

const TOPICS_BY_ID: ReadonlyMap<string, SurveyTopic> = new Map(
  POST_VISIT_SURVEY_TOPICS.map((topic) => [topic.id, topic]),
);

/** The topic with this id, if the instrument has it. */
export function surveyTopicOf(id: string): SurveyTopic | undefined {
  return TOPICS_BY_ID.get(id);
}

/** Whether `value` is a valid answer to `topic`: a whole number on its scale. */
export function isAnswerOnScale(topic: SurveyTopic, value: unknown): value is number {
  return (
    Number.isInteger(value) && (value as number) >= topic.scale.min && (value as number) <= topic.scale.max
  );
}
