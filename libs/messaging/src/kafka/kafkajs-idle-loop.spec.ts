import { createRequire } from 'node:module';
import { KAFKAJS_WITH_IDLE_LOOP, stopKafkajsIdleLoop } from './kafkajs-idle-loop';

/** kafkajs' own request queue, as kafkajs loads it (an internal module: no typings). */
interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
  destroy(): void;
}

const fromKafkajs = createRequire(require.resolve('kafkajs'));
const RequestQueue = fromKafkajs('./src/network/requestQueue') as new (options: object) => Queue;
const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const aQueue = (): Queue =>
  new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: 'idle-loop-spec',
    broker: 'localhost:9092',
    logger: silent,
  });

describe("kafkajs' idle request-queue loop", () => {
  it('is the kafkajs release the correction was written for (an upgrade must be reviewed against it)', () => {
    expect((fromKafkajs('./package.json') as { version: string }).version).toBe(KAFKAJS_WITH_IDLE_LOOP);
  });

  it('schedules nothing once an idle queue has checked for waiting requests', () => {
    expect(stopKafkajsIdleLoop()).toBe(true);
    const queue = aQueue();
    try {
      queue.checkPendingRequests(); // what every answered request does
      expect(queue.throttleCheckTimeoutId).toBeNull();
    } finally {
      queue.destroy();
    }
  });

  it('still schedules the check while a request waits out a throttle', () => {
    expect(stopKafkajsIdleLoop()).toBe(true);
    const queue = aQueue();
    try {
      queue.throttledUntil = Date.now() + 60_000;
      queue.pending.push({ correlationId: 1 });
      queue.scheduleCheckPendingRequests();
      expect(queue.throttleCheckTimeoutId).not.toBeNull();
    } finally {
      queue.destroy();
    }
  });

  it('is applied by the client factory the services use, once', () => {
    // A module registry of its own, so that kafkajs' request queue is loaded afresh, uncorrected.
    jest.isolateModules(() => {
      const fresh = createRequire(require.resolve('kafkajs'))('./src/network/requestQueue') as {
        prototype: Record<symbol, unknown> & { scheduleCheckPendingRequests: unknown };
      };
      const corrected = Symbol.for('care.kafkajs.idle-loop-stopped');
      expect(fresh.prototype[corrected]).toBeUndefined();
      const factory = jest.requireActual<typeof import('./create-kafka')>('./create-kafka');
      factory.createKafka({ clientId: 'idle-loop-spec', brokers: ['localhost:9092'], logger: silent });
      expect(fresh.prototype[corrected]).toBe(true);
      const once = fresh.prototype.scheduleCheckPendingRequests;
      factory.createKafka({ clientId: 'idle-loop-spec', brokers: ['localhost:9092'], logger: silent });
      expect(fresh.prototype.scheduleCheckPendingRequests).toBe(once);
    });
  });
});
