import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import { RestingMemoryRelease } from './resting-memory-release';

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

/** Runs {@link RestingMemoryRelease} for the application's life, with its metrics and one log line per release. */
export class RestingMemory implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly release: RestingMemoryRelease;

  constructor(options: { idleSeconds: number }, registry: Registry, logger: Logger) {
    const releases = new Counter({
      name: 'care_memory_releases_total',
      help: 'Collections for low memory made at rest (MEMORY_RELEASE_IDLE_SECONDS)',
      registers: [registry],
    });
    const released = new Gauge({
      name: 'care_memory_last_release_bytes',
      help: 'Resident set size before and after the last release at rest',
      labelNames: ['moment'],
      registers: [registry],
    });
    this.release = new RestingMemoryRelease({
      idleSeconds: options.idleSeconds,
      onRelease: (release) => {
        releases.inc();
        released.set({ moment: 'before' }, release.rssBeforeBytes);
        released.set({ moment: 'after' }, release.rssAfterBytes);
        logger.info(
          `memory released at rest: RSS ${mb(release.rssBeforeBytes)} -> ${mb(release.rssAfterBytes)} MB ` +
            `in ${release.seconds.toFixed(2)} s`,
        );
      },
      onError: (message) => logger.warn(`memory release at rest failed: ${message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.release.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.release.stop();
  }
}
