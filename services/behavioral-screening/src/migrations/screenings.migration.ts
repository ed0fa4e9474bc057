import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Screenings, screening requests and scheduled follow-ups of behavioral-screening.
 * Never edit once released: add a migration.
 *
 * - screenings: one row per screening id (the idempotency key); content_hash tells an identical resubmission from
 *   a conflicting one; `result` is the answer given to the submitter (returned again for a duplicate); the stored
 *   FHIR QuestionnaireResponse and the derived total-score Observation that points back to it.
 * - screening_requests: every screening-requested emitted; open until a completed screening fulfils it.
 * - follow_ups: the durable schedule of follow-up PHQ-9s; a poller on any instance emits the due ones, locking
 *   rows with FOR UPDATE SKIP LOCKED so replicas never emit one twice.
 */
export class Screenings1795471400000 implements MigrationInterface {
  name = 'Screenings1795471400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE screenings (
        screening_id          text        PRIMARY KEY,
        member_id             text        NOT NULL,
        instrument            text        NOT NULL,
        instrument_version    text        NOT NULL,
        source                text        NOT NULL,
        answers               smallint[]  NOT NULL,
        total                 smallint    NOT NULL,
        severity              text,
        positive              boolean     NOT NULL,
        safety_flag           boolean     NOT NULL,
        priority              text        NOT NULL,
        completed_at          timestamptz NOT NULL,
        received_at           timestamptz NOT NULL,
        content_hash          text        NOT NULL,
        event_id              uuid        NOT NULL UNIQUE,
        result                jsonb       NOT NULL,
        questionnaire_response jsonb      NOT NULL,
        observation           jsonb       NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX screenings_member_idx ON screenings (member_id, instrument, completed_at)',
    );
    await queryRunner.query(`
      CREATE TABLE screening_requests (
        request_id            uuid        PRIMARY KEY,
        member_id             text        NOT NULL,
        instrument            text        NOT NULL,
        reason                text        NOT NULL,
        due_on                date        NOT NULL,
        requested_at          timestamptz NOT NULL,
        case_id               text,
        program_id            text,
        previous_screening_id text,
        fulfilled_by          text        REFERENCES screenings (screening_id),
        fulfilled_at          timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX screening_requests_open_idx ON screening_requests (member_id, instrument) WHERE fulfilled_by IS NULL',
    );
    await queryRunner.query(`
      CREATE TABLE follow_ups (
        follow_up_id          uuid        PRIMARY KEY,
        member_id             text        NOT NULL,
        screening_id          text        NOT NULL UNIQUE REFERENCES screenings (screening_id),
        instrument            text        NOT NULL,
        due_at                timestamptz NOT NULL,
        status                text        NOT NULL CHECK (status IN ('pending', 'requested', 'cancelled')),
        request_id            uuid        REFERENCES screening_requests (request_id),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query("CREATE INDEX follow_ups_due_idx ON follow_ups (due_at) WHERE status = 'pending'");
    await queryRunner.query('CREATE INDEX follow_ups_member_idx ON follow_ups (member_id, status)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE follow_ups');
    await queryRunner.query('DROP TABLE screening_requests');
    await queryRunner.query('DROP TABLE screenings');
  }
}
