import {
  POST_VISIT_SURVEY_TOPICS,
  type SurveyTopic,
  type SurveyTopicId,
} from './post-visit-survey.instrument';

/** Version of the scoring method below; reported with every score. */
export const SURVEY_SCORING_METHOD_VERSION = 'linear-mean-stars-2026.1';

/**
 * Star cut points on the 0–100 summary score (product choice: CMS's CAHPS star ratings cluster national scores,
 * which this platform does not have; fixed ten-point bands are simple to explain to a practice).
 */
export const SURVEY_STAR_CUT_POINTS: ReadonlyArray<{
  readonly stars: 1 | 2 | 3 | 4 | 5;
  readonly atLeast: number;
}> = [
  { stars: 5, atLeast: 90 },
  { stars: 4, atLeast: 80 },
  { stars: 3, atLeast: 70 },
  { stars: 2, atLeast: 60 },
  { stars: 1, atLeast: 0 },
];

/** How many responses gave `value` to `topic`. */
export interface SurveyAnswerCount {
  readonly topic: SurveyTopicId;
  readonly value: number;
  readonly count: number;
}

/** A provider's surveys over a period: sent, answered, and the answers. */
export interface ProviderSurveyTally {
  readonly surveysSent: number;
  /** Surveys with a response (any topic answered). */
  readonly responses: number;
  readonly answers: readonly SurveyAnswerCount[];
}

export interface SurveyTopicScore {
  readonly topic: SurveyTopicId;
  readonly title: string;
  readonly scale: SurveyTopic['scale']['kind'];
  /** Responses that answered this topic (shown even when the score is suppressed). */
  readonly answered: number;
  readonly suppressed: boolean;
  /** Mean answer on the topic's own scale (1–4 or 0–10), 2 decimals. */
  readonly mean: number | null;
  /** Linear mean score 0–100, 1 decimal. */
  readonly score: number | null;
  /** Per cent of answers in the top box (Always; 9–10), 1 decimal. */
  readonly topBoxPercent: number | null;
}

export interface ProviderSurveyScores {
  readonly method: string;
  readonly minResponses: number;
  readonly surveysSent: number;
  readonly responses: number;
  /** responses / surveys sent, 4 decimals; null when nothing was sent. */
  readonly responseRate: number | null;
  readonly topics: readonly SurveyTopicScore[];
  readonly summary: {
    readonly suppressed: boolean;
    /** Mean of the topic scores that are not suppressed, 0–100, 1 decimal. */
    readonly score: number | null;
    readonly stars: 1 | 2 | 3 | 4 | 5 | null;
    /** The topics the summary averages. */
    readonly topics: readonly SurveyTopicId[];
  };
}

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/**
 * Scores a provider's surveys (method {@link SURVEY_SCORING_METHOD_VERSION}):
 * - each answer becomes a linear score 0–100: (answer − scale minimum) / (scale maximum − scale minimum) × 100, so
 *   Never 0, Sometimes 33.3, Usually 66.7, Always 100, and a rating of 8 is 80;
 * - a topic's score is the mean of its answers' linear scores; its top-box per cent is the share of Always (or 9–10);
 * - a topic answered fewer than `minResponses` times is suppressed (no mean, score or top box);
 * - the summary score is the mean of the topic scores not suppressed, each topic weighing the same; it is suppressed
 *   when fewer than `minResponses` surveys were answered or no topic is left; stars follow
 *   {@link SURVEY_STAR_CUT_POINTS} on the unrounded summary score.
 * Counts (sent, responses, answered) and the response rate are always shown: they reveal no one's answers.
 */
export function scoreProviderSurveys(tally: ProviderSurveyTally, minResponses: number): ProviderSurveyScores {
  const topics = POST_VISIT_SURVEY_TOPICS.map((topic) => {
    const counts = tally.answers.filter((answer) => answer.topic === topic.id);
    const answered = counts.reduce((sum, answer) => sum + answer.count, 0);
    const { min, max, topBoxMin } = topic.scale;
    const sum = counts.reduce((total, answer) => total + answer.value * answer.count, 0);
    const topBox = counts.reduce(
      (total, answer) => total + (answer.value >= topBoxMin ? answer.count : 0),
      0,
    );
    const suppressed = answered < minResponses || answered === 0;
    const mean = answered === 0 ? 0 : sum / answered;
    const linear = ((mean - min) * 100) / (max - min);
    return {
      rawScore: linear,
      view: {
        topic: topic.id,
        title: topic.title,
        scale: topic.scale.kind,
        answered,
        suppressed,
        mean: suppressed ? null : round(mean, 2),
        score: suppressed ? null : round(linear, 1),
        topBoxPercent: suppressed ? null : round((topBox / answered) * 100, 1),
      } satisfies SurveyTopicScore,
    };
  });
  const included = topics.filter((topic) => !topic.view.suppressed);
  const summarySuppressed = tally.responses < minResponses || included.length === 0;
  const summaryScore = summarySuppressed
    ? null
    : included.reduce((total, topic) => total + topic.rawScore, 0) / included.length;
  return {
    method: SURVEY_SCORING_METHOD_VERSION,
    minResponses,
    surveysSent: tally.surveysSent,
    responses: tally.responses,
    responseRate: tally.surveysSent === 0 ? null : round(tally.responses / tally.surveysSent, 4),
    topics: topics.map((topic) => topic.view),
    summary: {
      suppressed: summarySuppressed,
      score: summaryScore === null ? null : round(summaryScore, 1),
      stars: summaryScore === null ? null : starsOf(summaryScore),
      topics: summarySuppressed ? [] : included.map((topic) => topic.view.topic),
    },
  };
}

function starsOf(score: number): 1 | 2 | 3 | 4 | 5 {
  return SURVEY_STAR_CUT_POINTS.find((cut) => score >= cut.atLeast)?.stars ?? 1;
}
