import { isAnswerOnScale, POST_VISIT_SURVEY_TOPICS, surveyTopicOf } from './post-visit-survey.instrument';

describe('post-visit survey instrument', () => {
  it('asks the five topics of the post-visit survey program, in order', () => {
    expect(
      POST_VISIT_SURVEY_TOPICS.map((topic) => [topic.id, topic.scale.kind, topic.scale.min, topic.scale.max]),
    ).toEqual([
      ['getting-needed-care', 'frequency', 1, 4],
      ['getting-care-quickly', 'frequency', 1, 4],
      ['care-coordination', 'frequency', 1, 4],
      ['provider-communication', 'frequency', 1, 4],
      ['quality-of-care', 'rating', 0, 10],
    ]);
  });

  it('labels the CAHPS frequency answers', () => {
    expect(surveyTopicOf('care-coordination')?.scale.labels).toEqual({
      1: 'Never',
      2: 'Sometimes',
      3: 'Usually',
      4: 'Always',
    });
    expect(surveyTopicOf('overall')).toBeUndefined();
  });

  it.each<[string, unknown, boolean]>([
    ['getting-needed-care', 1, true],
    ['getting-needed-care', 4, true],
    ['getting-needed-care', 0, false],
    ['getting-needed-care', 5, false],
    ['getting-needed-care', 2.5, false],
    ['getting-needed-care', '3', false],
    ['getting-needed-care', null, false],
    ['quality-of-care', 0, true],
    ['quality-of-care', 10, true],
    ['quality-of-care', 11, false],
    ['quality-of-care', -1, false],
    ['quality-of-care', Number.NaN, false],
  ])('%s answered %p is on the scale: %p', (id, value, valid) => {
    const topic = surveyTopicOf(id);
    expect(topic).toBeDefined();
    if (topic !== undefined) expect(isAnswerOnScale(topic, value)).toBe(valid);
  });
});
