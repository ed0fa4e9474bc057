import { Inject, Injectable } from '@nestjs/common';
import {
  listDeadLetters,
  replayDeadLetters,
  showDeadLetter,
  type DeadLetterDetail,
  type DeadLetterPosition,
  type DeadLetterRecord,
  type ReplayReport,
} from '@care/messaging';
import { OpsException } from './ops.exception';
import { OpsKafka } from './ops-kafka';

export interface ReplayRequest {
  readonly select: 'all' | readonly DeadLetterPosition[];
  readonly ratePerSecond: number;
  readonly dryRun: boolean;
  /** The signed-in user's subject, recorded in the replay ledger. */
  readonly operator: string;
}

/**
 * Dead letters through libs/messaging's functions, the ones `care-ops dlq list|show|replay` runs: listed with
 * their error and source, shown with PHI masked, revealed only with a reason that is first written to `ops.audit`
 * under the signed-in user, and replayed through the ledger that makes a replay happen once. One replay per topic
 * at a time in this process (the ledger is read before republishing, so two at once could both republish).
 */
@Injectable()
export class OpsDeadLetters {
  private readonly replaying = new Set<string>();

  constructor(@Inject(OpsKafka) private readonly kafka: OpsKafka) {}

  list(topic: string): Promise<DeadLetterRecord[]> {
    return this.kafka.use((connection) => listDeadLetters(connection, topic));
  }

  /** One dead letter with its payload's PHI masked. */
  show(topic: string, partition: number, offset: string): Promise<DeadLetterDetail> {
    return this.kafka.use((connection) => showDeadLetter(connection, topic, { partition, offset }));
  }

  /** One dead letter unmasked: the reveal is audited on `ops.audit` (who, why, which) before it is read. */
  reveal(
    topic: string,
    partition: number,
    offset: string,
    reveal: { operator: string; reason: string },
  ): Promise<DeadLetterDetail> {
    return this.kafka.use((connection) => showDeadLetter(connection, topic, { partition, offset, reveal }));
  }

  async replay(topic: string, request: ReplayRequest): Promise<ReplayReport> {
    if (this.replaying.has(topic) && !request.dryRun) {
      throw new OpsException(
        'replay-in-progress',
        `a replay of ${topic} dead letters is running; try again after it`,
      );
    }
    if (!request.dryRun) this.replaying.add(topic);
    try {
      return await this.kafka.use((connection) =>
        replayDeadLetters(connection, topic, {
          select: request.select,
          dryRun: request.dryRun,
          ratePerSecond: request.ratePerSecond,
          operator: request.operator,
        }),
      );
    } finally {
      if (!request.dryRun) this.replaying.delete(topic);
    }
  }
}
