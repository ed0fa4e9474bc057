import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { OpsConnection } from '@care/messaging';
import { OpsException } from './ops.exception';

/** Where the ops pages find the platform's topics: KAFKA_BROKERS and KAFKA_TOPIC_PREFIX of the console. */
export interface OpsKafkaSettings {
  readonly brokers: readonly string[];
  readonly prefix: string;
  /** How to connect; OpsConnection.connect unless a test says otherwise. */
  readonly connect?: typeof OpsConnection.connect;
}
export const OPS_KAFKA_SETTINGS = Symbol('OPS_KAFKA_SETTINGS');

/** An error of the Kafka client or of a read that did not finish: the broker, not the request, is at fault. */
function isBrokerFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name.startsWith('KafkaJS') || /timed out/.test(error.message);
}

/**
 * The console's one Kafka connection for its ops pages (libs/messaging's OpsConnection, as `care-ops` uses it),
 * opened on first use rather than at start-up, so the console signs people in while the broker is away. A broker
 * that cannot be reached makes the ops routes answer 503 `kafka-unavailable`; the connection is then dropped and
 * opened afresh by the next request.
 */
@Injectable()
export class OpsKafka implements OnModuleDestroy {
  private readonly logger = new Logger('OpsKafka');
  private connection: Promise<OpsConnection> | undefined;

  constructor(@Inject(OPS_KAFKA_SETTINGS) private readonly settings: OpsKafkaSettings) {}

  /** Runs `work` with the connection; broker failures become 503, a missing dead letter 404. */
  async use<T>(work: (connection: OpsConnection) => Promise<T>): Promise<T> {
    const connection = this.connect();
    try {
      return await work(await connection);
    } catch (error) {
      if (error instanceof OpsException) throw error;
      if (error instanceof Error && error.message.startsWith('no dead letter at')) {
        throw new OpsException('dead-letter-not-found', error.message);
      }
      if (!isBrokerFailure(error)) throw error;
      this.logger.warn(`Kafka request failed: ${error instanceof Error ? error.name : 'unknown'}`);
      this.drop(connection);
      throw new OpsException(
        'kafka-unavailable',
        `Kafka did not answer (${this.settings.brokers.join(',')}); try again shortly`,
      );
    }
  }

  private connect(): Promise<OpsConnection> {
    const connect = this.settings.connect ?? ((options) => OpsConnection.connect(options));
    this.connection ??= connect({ brokers: this.settings.brokers, prefix: this.settings.prefix });
    return this.connection;
  }

  private drop(connection: Promise<OpsConnection>): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    connection.then(
      (open) => open.disconnect().catch(() => undefined),
      () => undefined,
    );
  }

  async onModuleDestroy(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection !== undefined) await (await connection.catch(() => undefined))?.disconnect();
  }
}
