import { lagBoundViolations, maxLagByGroup, outboxBoundViolations } from './readiness-bounds';

describe('readiness bounds', () => {
  describe('outbox', () => {
    const bounds = { maxOutboxBacklog: 5, maxOutboxAgeSeconds: 300 };

    it('is ready at the bounds and names each bound it exceeds', () => {
      expect(outboxBoundViolations({ rows: 5, oldestAgeSeconds: 300 }, bounds)).toEqual([]);
      expect(outboxBoundViolations({ rows: 6, oldestAgeSeconds: 12.4 }, bounds)).toEqual([
        'outbox backlog of 6 rows exceeds READY_MAX_OUTBOX_BACKLOG=5',
      ]);
      expect(outboxBoundViolations({ rows: 1, oldestAgeSeconds: 300.6 }, bounds)).toEqual([
        'oldest outbox row is 301 s old, over READY_MAX_OUTBOX_AGE_SECONDS=300',
      ]);
      expect(outboxBoundViolations({ rows: 9, oldestAgeSeconds: 900 }, bounds)).toHaveLength(2);
    });

    it('ignores a bound set to 0', () => {
      expect(
        outboxBoundViolations(
          { rows: 1e9, oldestAgeSeconds: 1e9 },
          { maxOutboxBacklog: 0, maxOutboxAgeSeconds: 0 },
        ),
      ).toEqual([]);
    });
  });

  describe('consumer lag', () => {
    it('names every group over the bound, and none when the bound is 0', () => {
      const lag = { 'care.claims-intake.inbound': 100001, 'care.claims-intake.other': 100000 };
      expect(lagBoundViolations(lag, 100000)).toEqual([
        'consumer group care.claims-intake.inbound is 100001 messages behind, over READY_MAX_CONSUMER_LAG=100000',
      ]);
      expect(lagBoundViolations(lag, 0)).toEqual([]);
    });

    it('takes the largest partition lag per group of this instance, 0 for a group without samples', () => {
      const samples = [
        { labels: { topic: 'claims-inbound', partition: '0', group: 'a' }, value: 3 },
        { labels: { topic: 'claims-inbound', partition: '1', group: 'a' }, value: 40 },
        { labels: { topic: 'claim-received', partition: '0', group: 'a' }, value: 7 },
        { labels: { topic: 'claims-inbound', partition: '0', group: 'someone-else' }, value: 1e6 },
        { labels: { topic: 'claims-inbound', partition: '2', group: 'a' }, value: Number.NaN },
      ];
      expect(maxLagByGroup(samples, ['a', 'b'])).toEqual({ a: 40, b: 0 });
    });
  });
});
