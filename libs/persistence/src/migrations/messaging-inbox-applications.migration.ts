import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - inbox.applications: how many times the consumer group applied the event. The inbox skips a re-delivery before
 *   any work, so it is 1; only the fault proof's inbox-disabled run (MESSAGING_UNSAFE_DISABLE_INBOX) applies
 *   re-deliveries again and counts each here, and the proof reports every event a group applied more than once.
 *   A constant default: PostgreSQL adds the column without rewriting the table.
 */
export class MessagingInboxApplications1797500000000 implements MigrationInterface {
  name = 'MessagingInboxApplications1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inbox ADD COLUMN applications integer NOT NULL DEFAULT 1');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inbox DROP COLUMN applications');
  }
}
