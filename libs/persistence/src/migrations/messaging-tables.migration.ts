import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox and inbox tables of the messaging library, created in the service's own schema (search_path).
 * Every service lists this migration first. Never edit it once released: add a new migration instead.
 *
 * - outbox: events written in the same transaction as the state change; the relay publishes rows in
 *   `position` order and deletes them once the broker acknowledged them, so the table holds only the backlog.
 * - inbox: event ids a consumer group has applied, written in the same transaction as the effect.
 */
export class MessagingTables1732406400000 implements MigrationInterface {
  name = 'MessagingTables1732406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        position     bigserial PRIMARY KEY,
        event_id     uuid        NOT NULL UNIQUE,
        topic        text        NOT NULL,
        message_key  text        NOT NULL,
        value        text        NOT NULL,
        headers      jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer_group text        NOT NULL,
        event_id       uuid        NOT NULL,
        topic          text        NOT NULL,
        partition      integer     NOT NULL,
        "offset"       bigint      NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
    await queryRunner.query('CREATE INDEX inbox_processed_at_idx ON inbox (processed_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox');
    await queryRunner.query('DROP TABLE outbox');
  }
}
