import { createRequire } from 'node:module';

/** The kafkajs release whose request queue this corrects; another release is left alone (and the spec fails). */
export const KAFKAJS_WITH_IDLE_LOOP = '2.2.4';

interface RequestQueuePrototype {
  pending: unknown[];
  scheduleCheckPendingRequests(this: RequestQueuePrototype): void;
  [STOPPED_IDLE_LOOP]?: true;
}

const STOPPED_IDLE_LOOP = Symbol.for('care.kafkajs.idle-loop-stopped');

/**
 * Stops kafkajs 2.2.4's idle loop (kafkajs issues 1556 and 1704, fix proposed in pull request 1667, not released):
 * once a connection has answered a request, its request queue re-arms a timer with a negative delay whenever it finds
 * no request waiting to be sent, so every connection of every client runs a callback about once a millisecond for as
 * long as it lives. Profiled here, that timer was most of an idle service's CPU (about 30 of its 50 ms per second).
 *
 * The correction: with no request waiting, nothing is scheduled. Nothing is lost by it: a request only waits when
 * `push` finds the connection throttled or at its in-flight limit, and `push` then schedules the check itself (the
 * original code, unchanged, with a request waiting); a fulfilled request checks the queue again too.
 *
 * Applied to the module kafkajs itself loads (resolved from kafkajs' own entry point), once per process; returns
 * whether the queue is corrected. Another kafkajs release is not touched: its spec then fails, so an upgrade is
 * reviewed against this instead of silently patched.
 */
export function stopKafkajsIdleLoop(): boolean {
  const fromKafkajs = createRequire(require.resolve('kafkajs'));
  const { version } = fromKafkajs('./package.json') as { version: string };
  if (version !== KAFKAJS_WITH_IDLE_LOOP) return false;
  const RequestQueue = fromKafkajs('./src/network/requestQueue') as { prototype: RequestQueuePrototype };
  const queue = RequestQueue.prototype;
  if (queue[STOPPED_IDLE_LOOP] === true) return true;
  const scheduleWhenWaiting = queue.scheduleCheckPendingRequests;
  queue.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(
    this: RequestQueuePrototype,
  ): void {
    if (this.pending.length === 0) return;
    scheduleWhenWaiting.call(this);
  };
  queue[STOPPED_IDLE_LOOP] = true;
  return true;
}
