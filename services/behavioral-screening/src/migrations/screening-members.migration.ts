import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - members: the facts screening needs from `member-eligibility-changed` (administrative sex for the AUDIT-C
 *   cut-off, birth date, date of death), the latest record winning; no name, address or contact.
 * - held_screenings: valid screenings of members not on the roster yet, kept unscored until the member arrives
 *   (then scored with the roster's facts and emitted); `safety_event_id` names the `screening-safety-signal` sent at
 *   once for a self-harm answer.
 * Never edit once released: add a migration.
 */
export class ScreeningMembers1797000000000 implements MigrationInterface {
  name = 'ScreeningMembers1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE members (
        member_id      text        PRIMARY KEY,
        sex            text        NOT NULL,
        birth_date     date        NOT NULL,
        deceased_date  date,
        updated_at     timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE held_screenings (
        screening_id     text        PRIMARY KEY,
        member_id        text        NOT NULL,
        content_hash     text        NOT NULL,
        received_at      timestamptz NOT NULL,
        submission       jsonb       NOT NULL,
        safety_event_id  uuid
      )`);
    await queryRunner.query(
      'CREATE INDEX held_screenings_member_idx ON held_screenings (member_id, received_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE held_screenings');
    await queryRunner.query('DROP TABLE members');
  }
}
