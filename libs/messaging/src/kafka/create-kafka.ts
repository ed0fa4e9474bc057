import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { MessagingLogger } from '../messaging-logger';
import { stopKafkajsIdleLoop } from './kafkajs-idle-loop';

/** How long a TCP connect to a broker may take (kafkajs' own default is 1 s). */
export const KAFKA_CONNECTION_TIMEOUT_MS = 10_000;

/** A kafkajs client whose own log lines go through the service logger (no payloads are logged). */
export function createKafka(options: {
  clientId: string;
  brokers: readonly string[];
  logger: MessagingLogger;
}): Kafka {
  stopKafkajsIdleLoop();
  const logCreator =
    () =>
    ({ level, log }: LogEntry): void => {
      const { message, ...rest } = log;
      // kafkajs warns whenever an idempotent producer has bounded retries; ours are bounded on purpose, and a
      // producer whose send gave up is replaced before its next send (SerialProducer), so the warning is noise.
      if (message.startsWith('Limiting retries for the idempotent producer')) return;
      const fields = {
        kafka: {
          namespace: rest['namespace'] as unknown,
          broker: rest['broker'] as unknown,
          error: rest['error'] as unknown,
        },
      };
      if (level === logLevel.ERROR) options.logger.error(fields, `kafka: ${message}`);
      else if (level === logLevel.WARN) options.logger.warn(fields, `kafka: ${message}`);
    };
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator,
    // kafkajs gives a TCP connect 1 s; a loaded host (CI running many suites) can take longer to accept. 10 s is the
    // Java client's default (socket.connection.setup.timeout.ms).
    connectionTimeout: KAFKA_CONNECTION_TIMEOUT_MS,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5000 },
  });
}
