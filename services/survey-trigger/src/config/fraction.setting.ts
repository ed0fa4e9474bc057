import type { SettingSpec } from '@care/config';

const DECIMAL = /^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/;

/** A setting holding a fraction from 0 to 1 written as a decimal (`0.25`), e.g. a sampling rate. */
export function fractionSetting(
  variable: string,
  description: string,
  defaultValue: number,
): SettingSpec<number> {
  return {
    variable,
    description,
    default: defaultValue,
    parse: (raw) =>
      DECIMAL.test(raw) ? Number(raw) : { failure: 'must be a decimal from 0 to 1, e.g. 0.25' },
  };
}
