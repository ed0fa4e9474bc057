import { ConfigError, loadConfig } from '@care/config';
import { durationSetting, parseDuration } from './duration.setting';

describe('Duration settings', () => {
  it.each([
    ['250ms', 250],
    ['5s', 5000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['90d', 7_776_000_000],
    ['0s', 0],
  ])('reads %s as %i ms', (raw, ms) => {
    expect(parseDuration(raw)).toBe(ms);
  });

  it.each(['', '90', 'd', '1.5d', '-1d', '90 d', '3w', '1000000000d'])('rejects %p', (raw) => {
    expect(parseDuration(raw)).toBeUndefined();
  });

  const spec = { interval: durationSetting('TEST_INTERVAL', 'an interval', '28d', { min: '1s', max: '365d' }) };

  it('uses the default when unset and the value when set', () => {
    expect(loadConfig(spec, {}).interval).toBe(28 * 86_400_000);
    expect(loadConfig(spec, { TEST_INTERVAL: '3s' }).interval).toBe(3000);
  });

  it('names the variable when the value is not a duration or out of bounds', () => {
    expect(() => loadConfig(spec, { TEST_INTERVAL: 'soon' })).toThrow(
      new ConfigError(['TEST_INTERVAL must be a duration such as 90d, 12h, 30m, 5s or 250ms']),
    );
    expect(() => loadConfig(spec, { TEST_INTERVAL: '500ms' })).toThrow('TEST_INTERVAL must be at least 1s');
    expect(() => loadConfig(spec, { TEST_INTERVAL: '366d' })).toThrow('TEST_INTERVAL must be at most 365d');
  });
});
