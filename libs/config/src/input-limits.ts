import { DEFAULT_INPUT_BOUNDS, type InputBounds } from '@care/contracts';
import { loadConfig, setting, type ConfigOf } from './env-config';

/**
 * The input bounds (see `checkInputBounds` in @care/contracts) as start-up settings: every service holds HTTP
 * bodies, CSV rows and Kafka messages to them before validating. docs/input-bounds.md explains each.
 */
export const INPUT_BOUNDS_SPEC = {
  inputMaxDepth: setting.integer(
    'INPUT_MAX_DEPTH',
    'deepest nesting of objects and arrays accepted in a request body or message',
    DEFAULT_INPUT_BOUNDS.maxDepth,
    { min: 4, max: 64 },
  ),
  inputMaxArrayLength: setting.integer(
    'INPUT_MAX_ARRAY_LENGTH',
    'most items accepted in any one array of a request body or message',
    DEFAULT_INPUT_BOUNDS.maxArrayLength,
    { min: 1000, max: 100_000 },
  ),
  inputMaxStringLength: setting.integer(
    'INPUT_MAX_STRING_LENGTH',
    'longest string value or property name accepted in a request body or message, in characters',
    DEFAULT_INPUT_BOUNDS.maxStringLength,
    { min: 256, max: 10_000_000 },
  ),
  inputMaxObjectKeys: setting.integer(
    'INPUT_MAX_OBJECT_KEYS',
    'most properties accepted on any one object of a request body or message',
    DEFAULT_INPUT_BOUNDS.maxObjectKeys,
    { min: 50, max: 100_000 },
  ),
};

/** HTTP request limits: the body size, then the same bounds as every other input. */
export const HTTP_INPUT_SPEC = {
  httpMaxBodyBytes: setting.integer(
    'HTTP_MAX_BODY_BYTES',
    'largest JSON request body accepted, in bytes; a larger one is answered 413 before it is read',
    5 * 1024 * 1024,
    { min: 64 * 1024, max: 512 * 1024 * 1024 },
  ),
  ...INPUT_BOUNDS_SPEC,
};

export type InputBoundsSettings = ConfigOf<typeof INPUT_BOUNDS_SPEC>;

/** The bounds of loaded settings. */
export function inputBoundsOf(settings: InputBoundsSettings): InputBounds {
  return {
    maxDepth: settings.inputMaxDepth,
    maxArrayLength: settings.inputMaxArrayLength,
    maxStringLength: settings.inputMaxStringLength,
    maxObjectKeys: settings.inputMaxObjectKeys,
  };
}

/** Loads the HTTP limits from `env`; a bad value stops start-up naming the variable. */
export function loadHttpInputLimits(env: NodeJS.ProcessEnv = process.env): {
  maxBodyBytes: number;
  bounds: InputBounds;
} {
  const settings = loadConfig(HTTP_INPUT_SPEC, env);
  return { maxBodyBytes: settings.httpMaxBodyBytes, bounds: inputBoundsOf(settings) };
}
