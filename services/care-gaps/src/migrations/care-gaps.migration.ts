import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What care-gaps keeps. Never edit once released: add a migration.
 *
 * - gap_members: the roster facts gap rules and alerts need (from member-eligibility-changed).
 * - gap_member_conditions: identified chronic conditions (from member-identified and its retraction).
 * - gap_enrollments: care-program enrollment status (from program-enrollment-changed).
 * - gap_claims: the latest version of every claim (void final) with the gap rules it concerns; rows no rule
 *   concerns keep only their identity. Rows older than the longest look-back are pruned daily.
 * - gaps: one row per gap occurrence (open, then closed), with the evidence and the doctor to alert.
 * - gap_reviews: per member, the next day a gap may change with time (daily review).
 * - gap_alerts: alerts issued or suppressed, one per gap occurrence and audience.
 */
export class CareGaps1763910000000 implements MigrationInterface {
  name = 'CareGaps1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gap_members (
        member_id          text        PRIMARY KEY,
        birth_date         date        NOT NULL,
        sex                text        NOT NULL,
        deceased           boolean     NOT NULL,
        opt_outs           text[]      NOT NULL,
        preferred_channel  text        NOT NULL,
        email_allowed      boolean     NOT NULL,
        has_phone          boolean     NOT NULL,
        language           text        NOT NULL,
        pcp_npi            text,
        updated_at         timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE gap_member_conditions (
        member_id     text NOT NULL,
        condition_id  text NOT NULL,
        PRIMARY KEY (member_id, condition_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE gap_enrollments (
        member_id   text        NOT NULL,
        program_id  text        NOT NULL,
        status      text        NOT NULL,
        changed_at  timestamptz NOT NULL,
        PRIMARY KEY (member_id, program_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE gap_claims (
        claim_id         text    PRIMARY KEY,
        member_id        text    NOT NULL,
        version          integer NOT NULL,
        voided           boolean NOT NULL,
        service_date     date    NOT NULL,
        procedure_codes  text[]  NOT NULL,
        diagnosis_codes  text[]  NOT NULL,
        labs             jsonb   NOT NULL,
        drug_class       text,
        days_supply      integer,
        prescriber_npi   text,
        rule_ids         text[]  NOT NULL
      )`);
    await queryRunner.query(
      "CREATE INDEX gap_claims_member_idx ON gap_claims (member_id, service_date) WHERE rule_ids <> '{}' AND NOT voided",
    );
    await queryRunner.query('CREATE INDEX gap_claims_service_date_idx ON gap_claims (service_date)');
    await queryRunner.query(`
      CREATE TABLE gaps (
        gap_id              uuid        PRIMARY KEY,
        member_id           text        NOT NULL,
        rule_id             text        NOT NULL,
        rule_version        text        NOT NULL,
        status              text        NOT NULL CHECK (status IN ('open', 'closed')),
        reason              text        NOT NULL,
        opened_on           date        NOT NULL,
        detected_at         timestamptz NOT NULL,
        evidence            jsonb       NOT NULL,
        provider_npi        text,
        closed_at           timestamptz,
        close_reason        text,
        closing_claim_ids   text[]      NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query("CREATE UNIQUE INDEX gaps_open_idx ON gaps (member_id, rule_id) WHERE status = 'open'");
    await queryRunner.query('CREATE INDEX gaps_member_idx ON gaps (member_id, detected_at)');
    await queryRunner.query('CREATE INDEX gaps_list_idx ON gaps (status, rule_id, gap_id)');
    await queryRunner.query("CREATE INDEX gaps_provider_idx ON gaps (provider_npi, gap_id) WHERE status = 'open'");
    await queryRunner.query(`
      CREATE TABLE gap_reviews (
        member_id  text PRIMARY KEY,
        review_on  date NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX gap_reviews_due_idx ON gap_reviews (review_on, member_id)');
    await queryRunner.query(`
      CREATE TABLE gap_alerts (
        alert_id      uuid        PRIMARY KEY,
        gap_id        uuid        NOT NULL REFERENCES gaps (gap_id),
        member_id     text        NOT NULL,
        rule_id       text        NOT NULL,
        audience      text        NOT NULL,
        channel       text,
        provider_npi  text,
        status        text        NOT NULL CHECK (status IN ('issued', 'suppressed')),
        reason        text,
        created_at    timestamptz NOT NULL,
        UNIQUE (gap_id, audience)
      )`);
    await queryRunner.query(
      "CREATE INDEX gap_alerts_recent_idx ON gap_alerts (member_id, rule_id, audience, created_at) WHERE status = 'issued'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['gap_alerts', 'gap_reviews', 'gaps', 'gap_claims', 'gap_enrollments', 'gap_member_conditions', 'gap_members']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
