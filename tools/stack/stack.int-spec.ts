import { networkInterfaces } from 'node:os';
import { DEV_CLIENT_SECRET, requestClientToken } from '@care/auth';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const STATE_FILE = join(ROOT, '.stack', 'state.json');

/** `npm run stack -- start|status|stop` as a script would use it, on embedded defaults (its own database and broker). */
describe('the background stack', () => {
  // The stack uses fixed ports; a developer's running stack is left alone.
  const running = existsSync(STATE_FILE);
  const itUnlessRunning = running ? it.skip : it;

  const stack = (command: string): { status: number | null; stdout: string } => {
    const env = { ...process.env };
    delete env['DATABASE_URL'];
    delete env['KAFKA_BROKERS'];
    // A killed member's partitions move once its session expires: 6 s (the broker's minimum) instead of 30 s.
    env['KAFKA_SESSION_TIMEOUT_MS'] = '6000';
    const result = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'tools/stack/stack.ts'), command],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 240000,
      },
    );
    return { status: result.status, stdout: result.stdout };
  };

  itUnlessRunning('starts ready with .stack/env, reports status, and stops gracefully', async () => {
    try {
      expect(stack('start').status).toBe(0);
      const env = Object.fromEntries(
        readFileSync(join(ROOT, '.stack', 'env'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
      );
      expect(Object.keys(env)).toEqual(
        expect.arrayContaining([
          'KAFKA_BROKERS',
          'DATABASE_URL',
          'CLAIMS_INTAKE_URL',
          'DEV_IDENTITY_URL',
          'OIDC_ISSUER',
        ]),
      );
      expect(env['CLAIMS_INTAKE_URL']).toBe('http://127.0.0.1:3001');
      const ready = await fetch(`${env['CLAIMS_INTAKE_URL'] ?? ''}/health/ready`);
      expect(ready.status).toBe(200);
      // Listening on this machine only (HTTP_HOST defaults to 127.0.0.1): another interface's address is refused.
      const elsewhere = Object.values(networkInterfaces())
        .flat()
        .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal);
      if (elsewhere !== undefined) {
        for (const port of [3001, 3006, 3090]) {
          await expect(fetch(`http://${elsewhere.address}:${port}/health/live`)).rejects.toThrow();
        }
      }

      // The development identity provider issues tokens for the issuer every service was told.
      expect(env['DEV_IDENTITY_URL']).toBe('http://127.0.0.1:3090');
      expect(env['OIDC_ISSUER']).toBe('http://localhost:3090');
      // As a claims system gets one: the client-credentials grant, the token endpoint read from discovery.
      const token = await requestClientToken({
        issuer: env['OIDC_ISSUER'] ?? '',
        clientId: 'claims-feed',
        clientSecret: DEV_CLIENT_SECRET,
        scopes: ['claims:write'],
      });
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        iss: string;
      };
      expect(claims.iss).toBe(env['OIDC_ISSUER']);

      // A service killed with SIGKILL is brought back by the supervisor (backoff 1 s) and is ready again.
      const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as {
        services: Array<{ name: string; pid: number }>;
      };
      const intake = state.services.find((service) => service.name === 'claims-intake');
      expect(intake).toBeDefined();
      process.kill(intake?.pid ?? 0, 'SIGKILL');
      const deadline = Date.now() + 90_000;
      let back = false;
      await new Promise((resolve) => setTimeout(resolve, 500));
      while (!back && Date.now() < deadline) {
        back = await fetch(`${env['CLAIMS_INTAKE_URL'] ?? ''}/health/ready`).then(
          (response) => response.ok,
          () => false,
        );
        if (!back) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(back).toBe(true);
      expect(readFileSync(join(ROOT, '.stack', 'logs', 'supervisor.log'), 'utf8')).toContain(
        'claims-intake exited (SIGKILL); restarting in 1000 ms',
      );

      const status = stack('status');
      expect(status.status).toBe(0);
      expect(status.stdout).toMatch(/claims-intake\s+http:\/\/127\.0\.0\.1:3001\s+ready/);
      expect(status.stdout).toMatch(/dev-identity\s+http:\/\/127\.0\.0\.1:3090\s+ready/);
    } finally {
      expect(stack('stop').status).toBe(0);
    }
    expect(stack('status').status).toBe(1);
    expect(existsSync(join(ROOT, '.stack', 'env'))).toBe(false);
    await expect(fetch('http://127.0.0.1:3001/health/live')).rejects.toThrow();
    await expect(fetch('http://127.0.0.1:3090/health/live')).rejects.toThrow();
  });
});
