import { ALL_CONSUMER_GROUPS, consumerDeclarationProblem, CONSUMER_GROUPS } from './consumer-groups';
import { ALL_TOPICS, TOPICS } from './topic-catalog';

describe('the consumer groups of the catalog', () => {
  it("agree with each topic's consumers: a service reads a topic exactly when one of its groups declares it", () => {
    for (const topic of ALL_TOPICS) {
      const readers = [
        ...new Set(
          ALL_CONSUMER_GROUPS.filter((group) => group.topics.includes(topic)).map((group) => group.service),
        ),
      ];
      expect([topic.name, readers.sort()]).toEqual([topic.name, [...topic.consumers].sort()]);
    }
  });

  it('name each group once per service', () => {
    const names = ALL_CONSUMER_GROUPS.map((group) => `${group.service}.${group.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it("accepts a service's consumer as declared, and names what is wrong otherwise", () => {
    expect(consumerDeclarationProblem('casework', CONSUMER_GROUPS.caseworkTaskInputs)).toBeUndefined();
    expect(
      consumerDeclarationProblem('casework', { name: 'task-inputs', topics: [TOPICS.memberIdentified] }),
    ).toMatch(/^consumer casework.task-inputs reads member-identified, the catalog declares /);
    expect(consumerDeclarationProblem('casework', { name: 'side-door', topics: [TOPICS.caseOpened] })).toBe(
      'consumer casework.side-door is not declared in CONSUMER_GROUPS',
    );
    // A service outside the catalog (a test's own consumer) is not checked.
    expect(
      consumerDeclarationProblem('messaging-test', { name: 'anything', topics: [TOPICS.caseOpened] }),
    ).toBeUndefined();
  });
});
