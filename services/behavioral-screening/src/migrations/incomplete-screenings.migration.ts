import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * incomplete_screenings: PHQ-9s that could not be scored but carried a self-harm answer (item 9 answered 1-3). Kept
 * apart from `screenings`, so they count in no score, trend or request fulfilment; one row per screening id, with
 * the body as received (for the clinician who follows up) and the id of the `screening-safety-signal` it emitted.
 * Never edit once released: add a migration.
 */
export class IncompleteScreenings1796900000000 implements MigrationInterface {
  name = 'IncompleteScreenings1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incomplete_screenings (
        screening_id   text        PRIMARY KEY,
        member_id      text        NOT NULL,
        instrument     text        NOT NULL,
        source         text        NOT NULL,
        completed_at   timestamptz,
        received_at    timestamptz NOT NULL,
        content_hash   text        NOT NULL,
        event_id       uuid        NOT NULL UNIQUE,
        received       jsonb       NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX incomplete_screenings_member_idx ON incomplete_screenings (member_id, received_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE incomplete_screenings');
  }
}
