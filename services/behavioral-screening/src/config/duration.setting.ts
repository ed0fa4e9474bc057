import type { SettingSpec } from '@care/config';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d{1,9})(ms|s|m|h|d)$/;

/** Milliseconds of a duration such as `90d`, `12h`, `30m`, `5s` or `250ms`; undefined when it is not one. */
export function parseDuration(raw: string): number | undefined {
  const match = DURATION.exec(raw);
  if (match === null) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/**
 * A duration setting read as `<integer><unit>` (units ms, s, m, h, d), in milliseconds. Durations let tests shorten
 * day-long clinical intervals to seconds without a second set of variables.
 */
export function durationSetting(
  variable: string,
  description: string,
  defaultValue: string,
  bounds: { min?: string; max?: string } = {},
): SettingSpec<number> {
  const parsedDefault = parseDuration(defaultValue);
  if (parsedDefault === undefined) throw new Error(`bad default duration for ${variable}`);
  const min = bounds.min === undefined ? undefined : parseDuration(bounds.min);
  const max = bounds.max === undefined ? undefined : parseDuration(bounds.max);
  return {
    variable,
    description,
    default: parsedDefault,
    parse: (raw) => {
      const value = parseDuration(raw);
      if (value === undefined) return { failure: 'must be a duration such as 90d, 12h, 30m, 5s or 250ms' };
      if (min !== undefined && value < min) return { failure: `must be at least ${bounds.min ?? ''}` };
      if (max !== undefined && value > max) return { failure: `must be at most ${bounds.max ?? ''}` };
      return value;
    },
  };
}
