import {
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { loadConfig } from '@care/config';
import { APP_LOGGER, LivenessRegistry, ReadinessRegistry } from '@care/observability';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { MESSAGING_SETTINGS_SPEC, type MessagingSettings } from '../kafka/messaging-settings';
import { MessagingRuntime } from '../messaging-runtime';

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(MessagingRuntime) private readonly runtime: MessagingRuntime,
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
    @Inject(LivenessRegistry) private readonly liveness: LivenessRegistry,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.register('database', async () => {
      await this.dataSource.query('SELECT 1');
      return {};
    });
    this.readiness.register('kafka', async () => {
      const health = this.runtime.health();
      const down = Object.entries(health.consumers)
        .filter(([, up]) => !up)
        .map(([group]) => group);
      if (!health.producer) throw new Error('producer not connected');
      if (down.length > 0) {
        throw new Error(`consumer groups not running or not hearing from the broker: ${down.join(', ')}`);
      }
      const lag = await this.runtime.checkConsumerLag();
      return { consumers: Object.keys(health.consumers), lag };
    });
    if (this.runtime.outboxBounded) this.readiness.register('outbox', () => this.runtime.checkOutbox());
    this.liveness.register('consumers', () => this.runtime.consumersDownTooLong());
    await this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

/**
 * Kafka for one service: `MessagingRuntime` (event factory, outbox relay, consumers) configured from the
 * environment (KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, ...), started after the application boots and stopped
 * gracefully before it shuts down. Services register consumers in their own `onModuleInit`.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: { service: string; settings?: MessagingSettings }): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: MessagingRuntime,
          inject: [MESSAGING_OPTIONS, DataSource, Registry, APP_LOGGER],
          useFactory: (
            moduleOptions: { service: string; settings?: MessagingSettings },
            dataSource: DataSource,
            registry: Registry,
            logger: Logger,
          ) =>
            new MessagingRuntime({
              service: moduleOptions.service,
              settings: moduleOptions.settings ?? loadConfig(MESSAGING_SETTINGS_SPEC),
              dataSource,
              registry,
              logger,
            }),
        },
        MessagingLifecycle,
      ],
      exports: [MessagingRuntime],
    };
  }
}
