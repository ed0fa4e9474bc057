import { loadConfig, setting } from './env-config';

/**
 * MEMORY_RELEASE_IDLE_SECONDS: how long a service stays at rest before it gives back the memory its busiest moments
 * grew (@care/observability's RestingMemoryRelease). 0 turns the release off.
 */
export const RESTING_MEMORY_SPEC = {
  idleSeconds: setting.integer(
    'MEMORY_RELEASE_IDLE_SECONDS',
    'after this many seconds at rest (event loop under 5 % busy) the service collects its garbage once, compacting ' +
      'the heap and shrinking the young generation, and gives the memory back to the system (0 disables)',
    300,
    { min: 0, max: 86_400 },
  ),
};

/** The resting-memory settings from `env`; a bad value stops start-up naming MEMORY_RELEASE_IDLE_SECONDS. */
export function loadRestingMemorySettings(env: NodeJS.ProcessEnv = process.env): { idleSeconds: number } {
  return loadConfig(RESTING_MEMORY_SPEC, env);
}
