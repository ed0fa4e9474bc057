/**
 * Exponential backoff with equal jitter: a delay between half and all of a ceiling that starts at `baseMs` for
 * attempt 1 and doubles per attempt up to `maxMs`.
 */
export function backoffDelayMs(
  attempt: number,
  baseMs = 200,
  maxMs = 30000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
