import { ConfigError, loadConfig } from '@care/config';
import { fractionSetting } from './fraction.setting';

const spec = { rate: fractionSetting('RATE', 'a rate', 0.25) };

describe('fractionSetting', () => {
  it('defaults when unset or empty', () => {
    expect(loadConfig(spec, {}).rate).toBe(0.25);
    expect(loadConfig(spec, { RATE: ' ' }).rate).toBe(0.25);
  });

  it.each<[string, number]>([
    ['0', 0],
    ['1', 1],
    ['1.0', 1],
    ['0.3', 0.3],
    ['.05', 0.05],
    ['0.125', 0.125],
  ])('reads %s as %d', (raw, value) => {
    expect(loadConfig(spec, { RATE: raw }).rate).toBe(value);
  });

  it.each(['1.5', '-0.1', '25%', 'abc', '0,3', '2', '1e-1'])(
    'stops start-up on %s, naming the variable',
    (raw) => {
      expect(() => loadConfig(spec, { RATE: raw })).toThrow(ConfigError);
      expect(() => loadConfig(spec, { RATE: raw })).toThrow(/RATE must be a decimal from 0 to 1/);
    },
  );
});
