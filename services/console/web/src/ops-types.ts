/** The console's ops API (services/console/src/ops), as the ops pages show it. */
export interface OpsTopic {
  readonly topic: string;
  readonly kind: 'catalog' | 'dead-letter' | 'ops' | 'unknown';
  readonly present: boolean;
  readonly partitions: number;
  readonly expectedPartitions: number | null;
  readonly endOffset: number;
  readonly messagesPerSecond: number | null;
  readonly deadLetters: number | null;
}
export interface OpsTopics {
  readonly sampledAt: string;
  readonly intervalSeconds: number;
  readonly rateWindowSeconds: number | null;
  readonly topics: readonly OpsTopic[];
}
export interface OpsPartitionLag {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly committed: string | null;
  readonly endOffset: string;
  readonly lag: number;
}
export interface OpsLag {
  readonly sampledAt: string;
  readonly intervalSeconds: number;
  readonly discovery: string;
  readonly committedNothing: readonly string[];
  readonly groups: ReadonlyArray<{ readonly group: string; readonly lag: number }>;
  readonly lagging: readonly OpsPartitionLag[];
  readonly history: ReadonlyArray<{ readonly at: string; readonly lags: Record<string, number> }>;
}
export interface DeadLetterRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly errorCode: string | null;
  readonly error: string | null;
  readonly sourceTopic: string | null;
  readonly sourcePartition: number | null;
  readonly sourceOffset: string | null;
  readonly consumerGroup: string | null;
  readonly failedAt: string | null;
  readonly eventId: string | null;
  readonly eventType: string | null;
}
export interface DeadLetterDetail extends DeadLetterRecord {
  readonly headers: Record<string, string>;
  readonly payload: unknown;
  readonly revealed: boolean;
}
export interface ReplayItem {
  readonly replayOf: string;
  readonly partition: number;
  readonly offset: string;
  readonly sourceTopic: string | null;
  readonly errorCode: string | null;
  readonly outcome: 'replayed' | 'would-replay' | 'already-replayed' | 'no-source';
  readonly newOffset: string | null;
}
export interface ReplayReport {
  readonly topic: string;
  readonly dryRun: boolean;
  readonly items: readonly ReplayItem[];
}

/**
 * The roles of the ops pages. The API's policy names ops and admin with the `operations` scope, but the platform
 * grants `operations` to ops only (libs/auth ROLE_SCOPES: admins read the audit trail and statistics), so the
 * pages are offered to ops users alone.
 */
export const OPS_ROLES = ['ops'];
