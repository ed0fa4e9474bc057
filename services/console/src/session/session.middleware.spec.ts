import session from 'express-session';
import { throttleTouch } from './session.middleware';

/** A store that records the touches that reach it (express-session's own MemoryStore, touch observed). */
function recordingStore(fail: () => boolean = () => false) {
  const store = new session.MemoryStore();
  const written: string[] = [];
  store.touch = (sid, _data, callback) => {
    written.push(sid);
    const answer: (error?: unknown) => void = callback ?? (() => undefined);
    answer(fail() ? new Error('connection lost') : undefined);
  };
  return { store, written };
}

const data = { cookie: { originalMaxAge: 60_000 } } as session.SessionData;

describe('throttleTouch', () => {
  it('writes a session once per interval however many requests it makes, each session on its own', () => {
    let clock = 1_000_000;
    const { store, written } = recordingStore();
    const throttled = throttleTouch(store, 60_000, () => clock);
    const answered: string[] = [];

    for (const step of [0, 1_000, 30_000, 59_999]) {
      clock = 1_000_000 + step;
      throttled.touch?.('a', data, () => answered.push('a'));
    }
    throttled.touch?.('b', data, () => answered.push('b'));
    clock = 1_060_000;
    throttled.touch?.('a', data, () => answered.push('a'));

    expect(written).toEqual(['a', 'b', 'a']);
    expect(answered).toEqual(['a', 'a', 'a', 'a', 'b', 'a']);
  });

  it('writes again on the next request when a write failed, and passes the failure on', () => {
    let failing = true;
    const { store, written } = recordingStore(() => failing);
    const throttled = throttleTouch(store, 60_000, () => 5_000);
    const errors: unknown[] = [];

    throttled.touch?.('a', data, (error?: unknown) => errors.push(error));
    failing = false;
    throttled.touch?.('a', data, (error?: unknown) => errors.push(error));
    throttled.touch?.('a', data, (error?: unknown) => errors.push(error));

    expect(written).toEqual(['a', 'a']);
    expect(errors.map((error) => (error instanceof Error ? error.message : error))).toEqual([
      'connection lost',
      undefined,
      undefined,
    ]);
  });
});
