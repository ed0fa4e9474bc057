import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@care/auth';
import { LivenessRegistry, ReadinessRegistry } from './readiness-registry';

type CheckResult = ({ status: 'up' } & Record<string, unknown>) | { status: 'down'; error: string };

/**
 * Liveness (the process answers, and nothing in it needs a restart) and readiness (its dependencies answer: database,
 * broker).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
    @Inject(LivenessRegistry) private readonly liveness: LivenessRegistry,
  ) {}

  @Get('live')
  @Public('liveness probe')
  @ApiOkResponse({ description: 'The process is running.' })
  @ApiServiceUnavailableResponse({
    description:
      'Something only a restart cures (a consumer down past LIVE_MAX_CONSUMER_DOWN_SECONDS); restart the process.',
  })
  live(): { status: 'ok' } {
    const failing = this.liveness.failing();
    if (Object.keys(failing).length > 0)
      throw new ServiceUnavailableException({ status: 'down', checks: failing });
    return { status: 'ok' };
  }

  @Get('ready')
  @Public('readiness probe: names dependencies, never data')
  @ApiOkResponse({ description: 'Every dependency answered.' })
  @ApiServiceUnavailableResponse({
    description: 'At least one dependency did not answer; details per check.',
  })
  async ready(): Promise<{ status: 'ok'; checks: Record<string, CheckResult> }> {
    const results = await Promise.all(
      this.readiness.entries().map(async ([name, check]): Promise<[string, CheckResult]> => {
        try {
          return [name, { status: 'up', ...(await withTimeout(check(), 3000)) }];
        } catch (error) {
          return [name, { status: 'down', error: error instanceof Error ? error.message : 'check failed' }];
        }
      }),
    );
    const checks = Object.fromEntries(results);
    if (results.some(([, result]) => result.status === 'down')) {
      throw new ServiceUnavailableException({ status: 'unavailable', checks });
    }
    return { status: 'ok', checks };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('check failed'));
      },
    );
  });
}
