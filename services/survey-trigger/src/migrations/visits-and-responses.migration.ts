import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member facts, visits with their sampling decisions, the claims that describe them, and survey responses.
 * Never edit once released: add a migration.
 *
 * - members: only the facts a decision reads (household, birth and death dates, survey opt-out, whether email with
 *   consent and a mailing address are on file, language); never names or contact details.
 * - visits: one row per visit (member, provider NPI, service day): the durable key that makes a visit trigger at
 *   most one survey however many claims describe it. `visit_id` is also the survey id. The decision (status,
 *   reasons, draw, rate, seed fingerprint, rule versions, decision day) is recorded for every visit.
 * - visit_claims: the latest version seen of every professional claim (a void is final), and the visit it describes.
 * - survey_responses / survey_answers: one response per survey, with the hash of its content (idempotency), and its
 *   answers one row per topic for scoring.
 */
export class VisitsAndResponses1764000000000 implements MigrationInterface {
  name = 'VisitsAndResponses1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE members (
        member_id           text        PRIMARY KEY,
        household_id        text        NOT NULL,
        birth_date          date        NOT NULL,
        deceased_date       date,
        opted_out           boolean     NOT NULL,
        email_with_consent  boolean     NOT NULL,
        mailing_address     boolean     NOT NULL,
        language            text        NOT NULL,
        known_since         timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE visits (
        visit_id          uuid        PRIMARY KEY,
        member_id         text        NOT NULL,
        provider_npi      text        NOT NULL,
        service_date      date        NOT NULL,
        kind              text        NOT NULL,
        procedure_code    text        NOT NULL,
        code_family       text        NOT NULL,
        telehealth        boolean     NOT NULL,
        code_set_version  text        NOT NULL,
        provider_tin      text        NOT NULL,
        billing_npi       text        NOT NULL,
        provider_name     text,
        practice_name     text,
        claim_id          text        NOT NULL,
        claim_version     integer     NOT NULL,
        claim_received_at timestamptz NOT NULL,
        status            text        NOT NULL
          CHECK (status IN ('pending-member', 'surveyed', 'not-sampled', 'excluded', 'cancelled')),
        reasons           text[]      NOT NULL DEFAULT '{}',
        draw              double precision NOT NULL,
        sampling_rate     double precision,
        seed_fingerprint  text        NOT NULL,
        rule_version      text,
        household_id      text,
        channel           text,
        language          text,
        decided_on        date,
        decided_at        timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT visits_visit_key UNIQUE (member_id, provider_npi, service_date)
      )`);
    await queryRunner.query(
      "CREATE INDEX visits_pending_idx ON visits (member_id) WHERE status = 'pending-member'",
    );
    await queryRunner.query(
      "CREATE INDEX visits_surveyed_household_idx ON visits (household_id, decided_on) WHERE status = 'surveyed'",
    );
    await queryRunner.query(
      "CREATE INDEX visits_surveyed_provider_idx ON visits (provider_npi, service_date) WHERE status = 'surveyed'",
    );
    await queryRunner.query(`
      CREATE TABLE visit_claims (
        claim_id        text    PRIMARY KEY,
        member_id       text    NOT NULL,
        version         integer NOT NULL,
        voided          boolean NOT NULL,
        describes_visit boolean NOT NULL,
        visit_id        uuid    REFERENCES visits (visit_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX visit_claims_visit_idx ON visit_claims (visit_id) WHERE visit_id IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE survey_responses (
        survey_id          uuid        PRIMARY KEY REFERENCES visits (visit_id),
        content_hash       text        NOT NULL,
        instrument_version text        NOT NULL,
        responded_at       timestamptz NOT NULL,
        received_at        timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE survey_answers (
        survey_id  uuid     NOT NULL REFERENCES survey_responses (survey_id),
        topic      text     NOT NULL,
        value      smallint NOT NULL,
        PRIMARY KEY (survey_id, topic)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['survey_answers', 'survey_responses', 'visit_claims', 'visits', 'members']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
