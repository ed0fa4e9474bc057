import { ConfigError } from './env-config';
import { loadRestingMemorySettings } from './resting-memory';

describe('MEMORY_RELEASE_IDLE_SECONDS, when a resting service gives its memory back', () => {
  it('is 300 seconds unless set, and 0 turns the release off', () => {
    expect(loadRestingMemorySettings({})).toEqual({ idleSeconds: 300 });
    expect(loadRestingMemorySettings({ MEMORY_RELEASE_IDLE_SECONDS: '0' })).toEqual({ idleSeconds: 0 });
    expect(loadRestingMemorySettings({ MEMORY_RELEASE_IDLE_SECONDS: '120' })).toEqual({ idleSeconds: 120 });
  });

  it.each([
    ['30s', 'must be an integer'],
    ['-1', 'must be at least 0'],
    ['86401', 'must be at most 86400'],
  ])('stops start-up naming the variable for %s', (raw, failure) => {
    expect(() => loadRestingMemorySettings({ MEMORY_RELEASE_IDLE_SECONDS: raw })).toThrow(
      new ConfigError([`MEMORY_RELEASE_IDLE_SECONDS ${failure}`]),
    );
  });
});
