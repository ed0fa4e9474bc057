import { ConfigError } from './env-config';
import { loadHttpListenHost } from './http-listen';

describe('HTTP_HOST, the interface a service listens on', () => {
  it('is 127.0.0.1 unless set', () => {
    expect(loadHttpListenHost({})).toBe('127.0.0.1');
  });

  it.each(['0.0.0.0', '::', '::1', '10.0.0.7', 'localhost'])('accepts %s', (host) => {
    expect(loadHttpListenHost({ HTTP_HOST: host })).toBe(host);
  });

  it.each(['0.0.0.0:3001', 'example.org', 'http://0.0.0.0', '256.1.1.1'])(
    'stops start-up naming HTTP_HOST for %s',
    (host) => {
      expect(() => loadHttpListenHost({ HTTP_HOST: host })).toThrow(
        new ConfigError(['HTTP_HOST must be an IP address (127.0.0.1, 0.0.0.0, ::) or localhost']),
      );
    },
  );
});
