import { TOPICS } from '@care/contracts';
import { TopicNames } from './topic-names';

describe('topic names', () => {
  const test = new TopicNames('it3f9a2c.');
  const production = new TopicNames('');

  it('prefixes catalog topics with the environment prefix, given a definition or a catalog name', () => {
    expect(test.physical(TOPICS.claimReceived)).toBe('it3f9a2c.claim-received');
    expect(test.physical('claims-inbound')).toBe('it3f9a2c.claims-inbound');
  });

  it('uses catalog names unchanged when the environment has no prefix', () => {
    expect(production.physical(TOPICS.claimReceived)).toBe('claim-received');
    expect(production.deadLetter(TOPICS.claimReceived)).toBe('claim-received.dlq');
    expect(production.consumerGroup('claims-intake', 'claims-inbound')).toBe('claims-intake.claims-inbound');
  });

  it('names the dead-letter topic <prefix><topic>.dlq', () => {
    expect(test.deadLetter(TOPICS.claimsInbound)).toBe('it3f9a2c.claims-inbound.dlq');
    expect(test.deadLetter('member-identified')).toBe('it3f9a2c.member-identified.dlq');
  });

  it('maps a physical name back to its catalog name', () => {
    expect(test.logical('it3f9a2c.claim-received')).toBe('claim-received');
    expect(test.logical('it3f9a2c.claim-received.dlq')).toBe('claim-received.dlq');
    expect(production.logical('claim-received')).toBe('claim-received');
  });

  it('leaves a name of another environment as it is', () => {
    expect(test.logical('itffffffff.claim-received')).toBe('itffffffff.claim-received');
    expect(test.logical('claim-received')).toBe('claim-received');
  });

  it('finds the catalog entry of a physical name, and none for unknown or dead-letter topics', () => {
    expect(test.definitionOf('it3f9a2c.claims-inbound')).toBe(TOPICS.claimsInbound);
    expect(production.definitionOf('member-identified')).toBe(TOPICS.memberIdentified);
    expect(test.definitionOf('it3f9a2c.claims-inbound.dlq')).toBeUndefined();
    expect(test.definitionOf('it3f9a2c.no-such-topic')).toBeUndefined();
    expect(test.definitionOf('itffffffff.claims-inbound')).toBeUndefined();
  });

  it('prefixes consumer groups so environments sharing a cluster never share offsets', () => {
    expect(test.consumerGroup('claims-intake', 'claims-inbound')).toBe(
      'it3f9a2c.claims-intake.claims-inbound',
    );
    expect(new TopicNames('staging.').consumerGroup('care-gaps', 'claim-received')).toBe(
      'staging.care-gaps.claim-received',
    );
  });

  it('round-trips every catalog topic and its dead-letter topic', () => {
    for (const topic of Object.values(TOPICS)) {
      expect(test.definitionOf(test.physical(topic))).toBe(topic);
      expect(test.logical(test.deadLetter(topic))).toBe(`${topic.name}.dlq`);
    }
  });
});
