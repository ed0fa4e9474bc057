import { loadConfig } from '@care/config';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { MESSAGING_SETTINGS_SPEC } from './kafka/messaging-settings';
import type { MessagingLogger } from './messaging-logger';
import { MessagingRuntime } from './messaging-runtime';

/** The fault proof's unsafe switches: each refused in production and announced everywhere else. */
describe('the unsafe messaging switches', () => {
  const nodeEnv = process.env['NODE_ENV'];
  afterEach(() => {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  });

  const runtime = (env: Record<string, string>): { warnings: string[] } => {
    const warnings: string[] = [];
    const logger: MessagingLogger = {
      info: () => undefined,
      warn: (_fields, message) => warnings.push(message),
      error: () => undefined,
    };
    // Nothing is connected before start(): the data source is never used here.
    new MessagingRuntime({
      service: 'unsafe-switches',
      settings: loadConfig(MESSAGING_SETTINGS_SPEC, { KAFKA_BROKERS: 'localhost:9092', ...env }),
      dataSource: {} as DataSource,
      registry: new Registry(),
      logger,
    });
    return { warnings };
  };

  it.each(['MESSAGING_UNSAFE_DISABLE_INBOX', 'MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY'])(
    '%s=true is refused when NODE_ENV=production',
    (name) => {
      process.env['NODE_ENV'] = 'production';
      expect(() => runtime({ [name]: 'true' })).toThrow(`${name}=true is refused when NODE_ENV=production`);
      expect(() => runtime({ [name]: 'false' })).not.toThrow();
    },
  );

  it.each(['MESSAGING_UNSAFE_DISABLE_INBOX', 'MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY'])(
    '%s=true is logged as a warning outside production, and off by default',
    (name) => {
      process.env['NODE_ENV'] = 'test';
      expect(runtime({ [name]: 'true' }).warnings).toEqual([expect.stringContaining(`${name}=true`)]);
      expect(runtime({}).warnings).toEqual([]);
    },
  );

  it('reads MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY as a boolean, false unless set', () => {
    expect(
      loadConfig(MESSAGING_SETTINGS_SPEC, { KAFKA_BROKERS: 'localhost:9092' }).unsafeCommitBeforeApply,
    ).toBe(false);
    expect(
      loadConfig(MESSAGING_SETTINGS_SPEC, {
        KAFKA_BROKERS: 'localhost:9092',
        MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY: 'true',
      }).unsafeCommitBeforeApply,
    ).toBe(true);
  });
});
