import type { SurveyTopicId } from './post-visit-survey.instrument';
import { scoreProviderSurveys, type SurveyAnswerCount } from './score-provider-surveys.util';

type Response = Partial<Record<SurveyTopicId, number>>;

/** Counts answers the way the service's query does: one row per topic and value. */
function tally(sent: number, responses: readonly Response[]) {
  const counts = new Map<string, SurveyAnswerCount>();
  for (const response of responses) {
    for (const [topic, value] of Object.entries(response) as Array<[SurveyTopicId, number]>) {
      const key = `${topic}:${value}`;
      counts.set(key, { topic, value, count: (counts.get(key)?.count ?? 0) + 1 });
    }
  }
  return { surveysSent: sent, responses: responses.length, answers: [...counts.values()] };
}

const everyTopic = (frequency: number, rating: number): Response => ({
  'getting-needed-care': frequency,
  'getting-care-quickly': frequency,
  'care-coordination': frequency,
  'provider-communication': frequency,
  'quality-of-care': rating,
});

describe('provider survey scores', () => {
  // Worked by hand (linear score = (answer - min) x 100 / (max - min)):
  //   getting needed care 4, 3, 4 -> mean 3.67, scores 100, 66.7, 100 -> 88.9; top box (Always) 2 of 3 = 66.7 %
  //   getting care quickly 3, 3, 2 -> mean 2.67, scores 66.7, 66.7, 33.3 -> 55.6; top box 0 %
  //   care coordination 4, 2 (one skipped) -> 2 answers < 3: suppressed
  //   provider communication 4, 4, 3 -> as getting needed care
  //   quality of care 10, 9, 8 -> mean 9, score 90; top box (9-10) 2 of 3 = 66.7 %
  //   summary (88.89 + 55.56 + 88.89 + 90) / 4 = 80.83 -> 80.8, 4 stars (80 <= score < 90); rate 3 / 4 = 0.75
  const responses: Response[] = [
    {
      'getting-needed-care': 4,
      'getting-care-quickly': 3,
      'care-coordination': 4,
      'provider-communication': 4,
      'quality-of-care': 10,
    },
    {
      'getting-needed-care': 3,
      'getting-care-quickly': 3,
      'care-coordination': 2,
      'provider-communication': 4,
      'quality-of-care': 9,
    },
    {
      'getting-needed-care': 4,
      'getting-care-quickly': 2,
      'provider-communication': 3,
      'quality-of-care': 8,
    },
  ];

  it('scores topics, suppresses a topic with too few answers, and summarises the rest', () => {
    expect(scoreProviderSurveys(tally(4, responses), 3)).toEqual({
      method: 'linear-mean-stars-2026.1',
      minResponses: 3,
      surveysSent: 4,
      responses: 3,
      responseRate: 0.75,
      topics: [
        {
          topic: 'getting-needed-care',
          title: 'Getting needed care',
          scale: 'frequency',
          answered: 3,
          suppressed: false,
          mean: 3.67,
          score: 88.9,
          topBoxPercent: 66.7,
        },
        {
          topic: 'getting-care-quickly',
          title: 'Getting care quickly',
          scale: 'frequency',
          answered: 3,
          suppressed: false,
          mean: 2.67,
          score: 55.6,
          topBoxPercent: 0,
        },
        {
          topic: 'care-coordination',
          title: 'Care coordination',
          scale: 'frequency',
          answered: 2,
          suppressed: true,
          mean: null,
          score: null,
          topBoxPercent: null,
        },
        {
          topic: 'provider-communication',
          title: 'Provider communication',
          scale: 'frequency',
          answered: 3,
          suppressed: false,
          mean: 3.67,
          score: 88.9,
          topBoxPercent: 66.7,
        },
        {
          topic: 'quality-of-care',
          title: 'Quality of care',
          scale: 'rating',
          answered: 3,
          suppressed: false,
          mean: 9,
          score: 90,
          topBoxPercent: 66.7,
        },
      ],
      summary: {
        suppressed: false,
        score: 80.8,
        stars: 4,
        topics: ['getting-needed-care', 'getting-care-quickly', 'provider-communication', 'quality-of-care'],
      },
    });
  });

  it('suppresses every score below the minimum number of responses but still shows the counts and rate', () => {
    const scores = scoreProviderSurveys(tally(5, responses.slice(0, 2)), 3);
    expect(scores).toMatchObject({ surveysSent: 5, responses: 2, responseRate: 0.4 });
    expect(scores.summary).toEqual({ suppressed: true, score: null, stars: null, topics: [] });
    expect(scores.topics.map((topic) => [topic.answered, topic.suppressed, topic.score])).toEqual([
      [2, true, null],
      [2, true, null],
      [2, true, null],
      [2, true, null],
      [2, true, null],
    ]);
  });

  it('reports no rate and suppressed scores for a provider with nothing sent', () => {
    const scores = scoreProviderSurveys(tally(0, []), 1);
    expect(scores.responseRate).toBeNull();
    expect(scores.summary.suppressed).toBe(true);
    expect(scores.topics.every((topic) => topic.answered === 0 && topic.suppressed)).toBe(true);
  });

  // One response each, minimum 1: frequency answers score 0 / 33.3 / 66.7 / 100, ratings 10 points each.
  it.each<[string, number, number, Response]>([
    ['all Always and a 10', 100, 5, everyTopic(4, 10)],
    ['all Always and a 5: (4 x 100 + 50) / 5 = 90', 90, 5, everyTopic(4, 5)],
    [
      'three Always, one Usually and an 8: (300 + 66.67 + 80) / 5 = 89.33',
      89.3,
      4,
      { ...everyTopic(4, 8), 'provider-communication': 3 },
    ],
    ['only a rating of 8', 80, 4, { 'quality-of-care': 8 }],
    ['only a rating of 7', 70, 3, { 'quality-of-care': 7 }],
    ['only a rating of 6', 60, 2, { 'quality-of-care': 6 }],
    ['all Usually and a 5: (4 x 66.67 + 50) / 5 = 63.33', 63.3, 2, everyTopic(3, 5)],
    ['all Sometimes and a 3: (4 x 33.33 + 30) / 5 = 32.67', 32.7, 1, everyTopic(2, 3)],
    ['only Never', 0, 1, { 'getting-needed-care': 1 }],
  ])('%s: summary %d, %d stars', (_name, score, stars, response) => {
    expect(scoreProviderSurveys(tally(1, [response]), 1).summary).toMatchObject({
      suppressed: false,
      score,
      stars,
    });
  });
});
