import { BadRequestException } from '@nestjs/common';
import { ParseDeadLetterSourcePipe, ParseOffsetPipe, ParsePartitionPipe } from './ops-route-params.pipe';

describe('ops route parameters', () => {
  const topic = new ParseDeadLetterSourcePipe();
  const partition = new ParsePartitionPipe();
  const offset = new ParseOffsetPipe();

  it.each([
    ['claims-inbound', 'claims-inbound'],
    ['claims-inbound.dlq', 'claims-inbound'],
  ])('reads %s as the catalog topic %s', (given, expected) => {
    expect(topic.transform(given)).toBe(expected);
  });

  it.each(['ops.audit', 'ops.dlq-replays', 'claims-inbound.dlq.dlq', 'not-a-topic', '', '../claims-inbound'])(
    'refuses %j: only catalog topics and their dead-letter topics are read',
    (given) => {
      expect(() => topic.transform(given)).toThrow(BadRequestException);
    },
  );

  it('takes partitions 0-10000 and offsets of decimal digits only', () => {
    expect(partition.transform('0')).toBe(0);
    expect(partition.transform('10000')).toBe(10_000);
    expect(offset.transform('9223372036854775807')).toBe('9223372036854775807');
    for (const bad of ['-1', '10001', '1.5', 'x', ''])
      expect(() => partition.transform(bad)).toThrow(BadRequestException);
    for (const bad of ['-1', '1e3', '12345678901234567890', ''])
      expect(() => offset.transform(bad)).toThrow(BadRequestException);
  });
});
