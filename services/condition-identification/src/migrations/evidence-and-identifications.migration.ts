import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-member evidence, identifications and the work of the daily re-evaluation and re-runs.
 * Never edit once released: add a migration.
 *
 * - claim_evidence: the latest version of every claim seen (one row per claim id, so a late older version can never
 *   overwrite a newer one; a void is sticky). `rule_ids` names the rules the claim can matter to; rows no rule
 *   concerns keep only their identity. Rows older than the longest look-back are pruned daily.
 * - self_reported_evidence: health-assessment items (conditions, biometrics) by assessment id.
 * - member_conditions: the current state per member and condition, only once a member was ever identified or
 *   excluded; `review_on` is the next day some of its evidence leaves its period.
 * - identifications: one row per identification (emitted once), with the evidence it was made on and its retraction.
 * - rule_versions: the rule versions the last start ran with, to notice a rule change.
 * - identification_reruns: re-runs for everyone, resumable from `cursor` after a restart.
 */
export class EvidenceAndIdentifications1763900000000 implements MigrationInterface {
  name = 'EvidenceAndIdentifications1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE claim_evidence (
        claim_id         text    PRIMARY KEY,
        member_id        text    NOT NULL,
        version          integer NOT NULL,
        voided           boolean NOT NULL,
        service_date     date    NOT NULL,
        setting          text    NOT NULL,
        diagnosis_codes  text[]  NOT NULL,
        drug_class       text,
        rule_ids         text[]  NOT NULL
      )`);
    await queryRunner.query(
      "CREATE INDEX claim_evidence_member_idx ON claim_evidence (member_id, service_date) WHERE rule_ids <> '{}' AND NOT voided",
    );
    await queryRunner.query('CREATE INDEX claim_evidence_service_date_idx ON claim_evidence (service_date)');
    await queryRunner.query(`
      CREATE TABLE self_reported_evidence (
        member_id      text        NOT NULL,
        assessment_id  text        NOT NULL,
        completed_on   date        NOT NULL,
        kind           text        NOT NULL,
        code           text        NOT NULL,
        value          numeric,
        rule_ids       text[]      NOT NULL,
        recorded_at    timestamptz NOT NULL,
        PRIMARY KEY (member_id, assessment_id, kind, code)
      )`);
    await queryRunner.query('CREATE INDEX self_reported_completed_on_idx ON self_reported_evidence (completed_on)');
    await queryRunner.query(`
      CREATE TABLE identifications (
        identification_id  uuid        PRIMARY KEY,
        member_id          text        NOT NULL,
        condition_id       text        NOT NULL,
        rule_id            text        NOT NULL,
        rule_version       text        NOT NULL,
        catalog_version    text        NOT NULL,
        basis              text        NOT NULL,
        first_met_on       date        NOT NULL,
        evidence           jsonb       NOT NULL,
        trigger            text        NOT NULL,
        identified_at      timestamptz NOT NULL,
        retracted_at       timestamptz,
        retraction_reason  text
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX identifications_active_idx ON identifications (member_id, condition_id) WHERE retracted_at IS NULL',
    );
    await queryRunner.query('CREATE INDEX identifications_member_idx ON identifications (member_id, identified_at)');
    await queryRunner.query(`
      CREATE TABLE member_conditions (
        member_id          text        NOT NULL,
        condition_id       text        NOT NULL,
        status             text        NOT NULL CHECK (status IN ('identified', 'excluded', 'not-met')),
        rule_version       text        NOT NULL,
        identification_id  uuid        REFERENCES identifications (identification_id),
        review_on          date,
        updated_at         timestamptz NOT NULL,
        PRIMARY KEY (member_id, condition_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX member_conditions_review_idx ON member_conditions (review_on) WHERE review_on IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE rule_versions (
        rule_id     text        PRIMARY KEY,
        version     text        NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE identification_reruns (
        rerun_id           uuid        PRIMARY KEY,
        reason             text        NOT NULL,
        status             text        NOT NULL CHECK (status IN ('running', 'completed')),
        cursor             text        NOT NULL DEFAULT '',
        members_evaluated  integer     NOT NULL DEFAULT 0,
        identified         integer     NOT NULL DEFAULT 0,
        retracted          integer     NOT NULL DEFAULT 0,
        created_at         timestamptz NOT NULL DEFAULT now(),
        finished_at        timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'identification_reruns',
      'rule_versions',
      'member_conditions',
      'identifications',
      'self_reported_evidence',
      'claim_evidence',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
