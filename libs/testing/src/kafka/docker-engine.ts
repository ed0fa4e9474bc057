import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Env variable that, set to `0`/`false`/`off`, skips Docker detection so the local parts are always used. */
export const TEST_DOCKER_ENV = 'TEST_DOCKER';

let cached: Promise<boolean> | undefined;

/**
 * True when a Docker engine answers `GET /_ping` within `timeoutMs` (checked once per process). Looks at
 * `DOCKER_HOST` (unix:// or tcp://), then the usual socket paths. `TEST_DOCKER=off` forces false.
 */
export function isDockerEngineAvailable(timeoutMs = 2000): Promise<boolean> {
  cached ??= detect(timeoutMs);
  return cached;
}

async function detect(timeoutMs: number): Promise<boolean> {
  const flag = (process.env[TEST_DOCKER_ENV] ?? '').trim().toLowerCase();
  if (['0', 'false', 'off', 'no'].includes(flag)) return false;

  const dockerHost = process.env.DOCKER_HOST?.trim();
  if (dockerHost) {
    if (dockerHost.startsWith('unix://'))
      return ping({ socketPath: dockerHost.slice('unix://'.length) }, timeoutMs);
    if (dockerHost.startsWith('tcp://')) {
      const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
      return ping({ host: url.hostname, port: Number(url.port || 2375) }, timeoutMs);
    }
    return false;
  }
  const candidates = [
    '/var/run/docker.sock',
    join(homedir(), '.docker', 'run', 'docker.sock'),
    ...(process.env.XDG_RUNTIME_DIR ? [join(process.env.XDG_RUNTIME_DIR, 'docker.sock')] : []),
  ];
  for (const socketPath of candidates) {
    if (existsSync(socketPath) && (await ping({ socketPath }, timeoutMs))) return true;
  }
  return false;
}

function ping(
  target: { socketPath: string } | { host: string; port: number },
  timeoutMs: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ ...target, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}
