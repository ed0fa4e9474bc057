import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { estimateRows, InboxSizeSampler } from './inbox-size';

describe('inbox size', () => {
  describe('estimateRows', () => {
    it('scales the analysed density by the pages the table has now', () => {
      expect(estimateRows({ reltuples: 1000, relpages: 10, pages: 10 })).toBe(1000);
      expect(estimateRows({ reltuples: 1000, relpages: 10, pages: 25 })).toBe(2500);
      expect(estimateRows({ reltuples: 1000, relpages: 10, pages: 0 })).toBe(0);
    });

    it('has no estimate for a table never analysed or analysed while empty', () => {
      expect(estimateRows({ reltuples: -1, relpages: 0, pages: 3 })).toBeUndefined();
      expect(estimateRows({ reltuples: 0, relpages: 0, pages: 3 })).toBeUndefined();
    });
  });

  describe('InboxSizeSampler', () => {
    const gaugeValue = async (gauge: Gauge): Promise<number | undefined> =>
      (await gauge.get()).values[0]?.value;

    /** A data source answering the statistics query with `statistics` and the capped count with `count`. */
    const fakeDataSource = (answers: {
      statistics: () => Array<{ reltuples: number; relpages: number; pages: number }>;
      count: () => Array<{ rows: number }>;
    }): { dataSource: DataSource; queries: string[] } => {
      const queries: string[] = [];
      const query = (sql: string): Promise<unknown> => {
        queries.push(sql);
        return Promise.resolve(sql.includes('pg_class') ? answers.statistics() : answers.count());
      };
      return { dataSource: { query } as unknown as DataSource, queries };
    };

    it('uses the planner estimate, falls back to a capped count without statistics, and reuses a fresh sample', async () => {
      const gauge = new Gauge({ name: 'inbox_rows_test', help: 'test', registers: [new Registry()] });
      let statistics = [{ reltuples: -1, relpages: 0, pages: 1 }];
      const { dataSource, queries } = fakeDataSource({
        statistics: () => statistics,
        count: () => [{ rows: 7 }],
      });
      const sampler = new InboxSizeSampler(dataSource, gauge, undefined, {
        minIntervalMs: 60000,
        exactCountCap: 500,
      });

      await sampler.refresh();
      expect(await gaugeValue(gauge)).toBe(7);
      expect(queries).toHaveLength(2);
      expect(queries[1]).toContain('LIMIT $1');

      statistics = [{ reltuples: 900, relpages: 9, pages: 9 }];
      await sampler.refresh();
      expect(queries).toHaveLength(2); // within minIntervalMs: no query
      expect(await sampler.sample()).toBe(900);
    });

    it('keeps the previous value and reports the failure when a sample fails', async () => {
      const gauge = new Gauge({ name: 'inbox_rows_failing', help: 'test', registers: [new Registry()] });
      gauge.set(42);
      const failures: unknown[] = [];
      const dataSource = { query: () => Promise.reject(new Error('database away')) } as unknown as DataSource;
      const sampler = new InboxSizeSampler(dataSource, gauge, (error) => failures.push(error), {
        minIntervalMs: 0,
      });

      await expect(sampler.refresh()).resolves.toBeUndefined();
      expect(await gaugeValue(gauge)).toBe(42);
      expect(failures).toHaveLength(1);
    });
  });
});
