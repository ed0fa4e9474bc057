import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { loadRestingMemorySettings } from '@care/config';
import { HealthController } from './health/health.controller';
import { LivenessRegistry, ReadinessRegistry } from './health/readiness-registry';
import { createLogger, type LogLevel } from './logging/create-logger';
import { MetricsController } from './metrics/metrics.controller';
import { RestingMemory } from './memory/resting-memory.provider';

/** Injection token of the service's root pino logger (PHI paths redacted). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/**
 * Logging (pino, PHI redaction, one line per HTTP request with method, path, status and time only),
 * Prometheus metrics on /metrics (one registry per application), /health/live and /health/ready, and the release
 * of the memory a busy spell grew once the service is at rest (MEMORY_RELEASE_IDLE_SECONDS).
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: { service: string; logLevel?: LogLevel; logger?: Logger }): DynamicModule {
    // MEMORY_RELEASE_IDLE_SECONDS: read here, so a bad value stops start-up naming it.
    const restingMemory = loadRestingMemorySettings();
    const logger = options.logger ?? createLogger(options.service, options.logLevel);
    const registry = new Registry();
    registry.setDefaultLabels({ service: options.service });
    collectDefaultMetrics({ register: registry });
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            // Paths may hold member ids (allowed); query strings and bodies are never logged.
            serializers: {
              req: (req: { id?: unknown; method?: string; url?: string }) => ({
                id: req.id,
                method: req.method,
                path: (req.url ?? '').split('?')[0],
              }),
              res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: {
              ignore: (req) =>
                (req.url ?? '').startsWith('/health') || (req.url ?? '').startsWith('/metrics'),
            },
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_LOGGER, useValue: logger },
        { provide: Registry, useValue: registry },
        ReadinessRegistry,
        LivenessRegistry,
        {
          provide: RestingMemory,
          inject: [Registry, APP_LOGGER],
          useFactory: (metrics: Registry, appLogger: Logger) =>
            new RestingMemory(restingMemory, metrics, appLogger),
        },
      ],
      exports: [APP_LOGGER, Registry, ReadinessRegistry, LivenessRegistry],
    };
  }
}
