import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Part 2 of casework: advocacy cases and the read audit log. Never edit once released: add a migration.
 *
 * - case_members gains what case intake needs from the roster: whether the member's medical plan is administered by
 *   the health plan (routing) and the coverage dates (eligibility). Rows projected before this migration hold NULL
 *   until the member's next roster event (or a replay of member-eligibility-changed) fills them.
 * - tasks: a `case-callback` kind (the call an advocate owes after an intake), the `health-plan` queue, and the
 *   `contacted` outcome (a callback made; enrollment outcomes belong to outreach).
 * - cases: one advocacy case per row, its service, category, queue and routing reason; `status` follows the
 *   life cycle in cases/case.model.ts.
 * - case_history: every status change (from, to, who, why, when): append-only.
 * - bill_negotiations: the bill-saver outcome of a case (one per case, written once).
 * - read_audit: every read of a member's task, case or enrollment, and every refused one (who, what, when, why):
 *   append-only.
 */
export class CaseworkAdvocacy1764000000000 implements MigrationInterface {
  name = 'CaseworkAdvocacy1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE case_members
        ADD COLUMN plan_administered_by_health_plan boolean,
        ADD COLUMN coverage_effective date,
        ADD COLUMN coverage_termination date`);
    await queryRunner.query('ALTER TABLE tasks DROP CONSTRAINT tasks_kind_check');
    await queryRunner.query(`
      ALTER TABLE tasks ADD CONSTRAINT tasks_kind_check
        CHECK (kind IN ('welcome-outreach', 'gap-outreach', 'screening-follow-up', 'case-callback'))`);
    await queryRunner.query('ALTER TABLE tasks DROP CONSTRAINT tasks_outcome_check');
    await queryRunner.query(`
      ALTER TABLE tasks ADD CONSTRAINT tasks_outcome_check
        CHECK (outcome IN ('enrolled', 'declined', 'unable-to-reach', 'referred', 'contacted'))`);
    await queryRunner.query(`
      CREATE TABLE cases (
        case_id          text        PRIMARY KEY,
        member_id        text        NOT NULL,
        subscriber_id    text        NOT NULL,
        relationship     text        NOT NULL,
        service_id       text        NOT NULL,
        category         text        NOT NULL,
        catalog_version  text        NOT NULL,
        queue            text        NOT NULL CHECK (queue IN ('advocacy', 'health-plan')),
        routing_reason   text        NOT NULL,
        channel          text        NOT NULL,
        status           text        NOT NULL,
        resolution       text,
        summary          text        NOT NULL,
        bill             jsonb,
        contact_at       timestamptz NOT NULL,
        opened_by        text        NOT NULL,
        opened_at        timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        closed_at        timestamptz
      )`);
    await queryRunner.query('CREATE INDEX cases_member_idx ON cases (member_id, opened_at)');
    await queryRunner.query(`
      CREATE TABLE case_history (
        entry_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id      text        NOT NULL REFERENCES cases (case_id),
        from_status  text,
        to_status    text        NOT NULL,
        actor        text        NOT NULL,
        reason       text        NOT NULL,
        at           timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX case_history_case_idx ON case_history (case_id, entry_id)');
    await queryRunner.query(`
      CREATE TABLE bill_negotiations (
        case_id             text          PRIMARY KEY REFERENCES cases (case_id),
        billed_amount       numeric(12,2) NOT NULL,
        negotiated_amount   numeric(12,2) NOT NULL CHECK (negotiated_amount >= 0 AND negotiated_amount <= billed_amount),
        savings             numeric(12,2) NOT NULL CHECK (savings = billed_amount - negotiated_amount),
        payment_terms       text          NOT NULL,
        written_summary     text          NOT NULL,
        provider_signed_by  text          NOT NULL,
        provider_signed_at  timestamptz   NOT NULL,
        sign_off_document   text          NOT NULL,
        recorded_by         text          NOT NULL,
        recorded_at         timestamptz   NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE read_audit (
        entry_id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at             timestamptz NOT NULL,
        actor          text        NOT NULL,
        roles          text[]      NOT NULL,
        action         text        NOT NULL,
        resource_type  text        NOT NULL,
        resource_id    text        NOT NULL,
        member_id      text,
        purpose        text        NOT NULL,
        outcome        text        NOT NULL CHECK (outcome IN ('allowed', 'denied'))
      )`);
    await queryRunner.query('CREATE INDEX read_audit_member_idx ON read_audit (member_id, entry_id)');
    await queryRunner.query('CREATE INDEX read_audit_actor_idx ON read_audit (actor, entry_id)');
    for (const table of ['case_history', 'bill_negotiations', 'read_audit']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION casework_reject_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION casework_reject_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['read_audit', 'bill_negotiations', 'case_history', 'cases']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    // Fails while case-callback tasks or contacted outcomes exist: their history is append-only, so they stay.
    await queryRunner.query('ALTER TABLE tasks DROP CONSTRAINT tasks_outcome_check');
    await queryRunner.query(
      "ALTER TABLE tasks ADD CONSTRAINT tasks_outcome_check CHECK (outcome IN ('enrolled', 'declined', 'unable-to-reach', 'referred'))",
    );
    await queryRunner.query('ALTER TABLE tasks DROP CONSTRAINT tasks_kind_check');
    await queryRunner.query(
      "ALTER TABLE tasks ADD CONSTRAINT tasks_kind_check CHECK (kind IN ('welcome-outreach', 'gap-outreach', 'screening-follow-up'))",
    );
    await queryRunner.query(
      'ALTER TABLE case_members DROP COLUMN plan_administered_by_health_plan, DROP COLUMN coverage_effective, DROP COLUMN coverage_termination',
    );
  }
}
