import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - inbox.content_hash: SHA-256 of the message value an event id was first applied with, so that a later message
 *   under the same id with other content is told apart from a re-delivery (dead-lettered as `event-id-conflict`,
 *   not dropped as a duplicate). Rows from before this migration have none and count as re-deliveries.
 * - dead_letters_sent: the source offsets a consumer group has dead-lettered, recorded once the dead-letter
 *   topic acknowledged them and before the offset is committed, so a batch redelivered after a crash or a
 *   rebalance does not dead-letter the same message twice.
 */
export class MessagingDeadLetters1796601600000 implements MigrationInterface {
  name = 'MessagingDeadLetters1796601600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inbox ADD COLUMN content_hash bytea');
    await queryRunner.query(`
      CREATE TABLE dead_letters_sent (
        consumer_group text        NOT NULL,
        topic          text        NOT NULL,
        partition      integer     NOT NULL,
        "offset"       bigint      NOT NULL,
        code           text        NOT NULL,
        sent_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, topic, partition, "offset")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dead_letters_sent');
    await queryRunner.query('ALTER TABLE inbox DROP COLUMN content_hash');
  }
}
