import { isIP } from 'node:net';
import { loadConfig, type ConfigParseFailure, type SettingSpec } from './env-config';

/** The address every service's HTTP server listens on unless HTTP_HOST says otherwise: this machine only. */
export const DEFAULT_HTTP_HOST = '127.0.0.1';

/**
 * HTTP_HOST: the interface a service listens on. 127.0.0.1 by default (the local stack and the demo are reachable
 * from this machine only); `0.0.0.0` (or `::`) in a container, where the platform's network is the boundary. An IP
 * address or `localhost`; anything else stops start-up naming the variable.
 */
export const HTTP_LISTEN_SPEC = {
  httpHost: {
    variable: 'HTTP_HOST',
    description:
      'interface the HTTP server listens on (127.0.0.1: this machine only; 0.0.0.0 in a container)',
    default: DEFAULT_HTTP_HOST,
    parse: (raw: string): string | ConfigParseFailure =>
      raw === 'localhost' || isIP(raw) !== 0
        ? raw
        : { failure: 'must be an IP address (127.0.0.1, 0.0.0.0, ::) or localhost' },
  } satisfies SettingSpec<string>,
};

/** The listen address from `env`; a bad value stops start-up naming HTTP_HOST. */
export function loadHttpListenHost(env: NodeJS.ProcessEnv = process.env): string {
  return loadConfig(HTTP_LISTEN_SPEC, env).httpHost;
}
