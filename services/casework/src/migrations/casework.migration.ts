import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What casework keeps. Never edit once released: add a migration.
 *
 * - case_members: the roster facts casework needs (opt-outs; subscriber and relationship for advocacy eligibility
 *   in part 2), from member-eligibility-changed.
 * - program_enrollments: each member's status per program, as casework decided it (it owns the fact).
 * - tasks: coach work; one row per cause (`kind`, `cause_id`), so a redelivered or replayed event never makes a
 *   second task. `priority_rank` orders the queue (0 urgent, 1 high, 2 routine); `available_at` is when the task
 *   may be handed out (its creation, or the end of a snooze).
 * - task_history: every change of a task (who, what, when): append-only.
 * - task_notes: coaches' notes (PHI, never logged): append-only, enforced by triggers.
 */
export class Casework1763990000000 implements MigrationInterface {
  name = 'Casework1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_members (
        member_id      text        PRIMARY KEY,
        subscriber_id  text        NOT NULL,
        relationship   text        NOT NULL,
        opt_outs       text[]      NOT NULL,
        deceased       boolean     NOT NULL,
        updated_at     timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE program_enrollments (
        member_id   text        NOT NULL,
        program_id  text        NOT NULL,
        status      text        NOT NULL CHECK (status IN ('enrolled', 'declined', 'opted-out', 'unenrolled')),
        source      text        NOT NULL CHECK (source IN ('outreach', 'self', 'doctor-referral')),
        changed_by  text        NOT NULL,
        changed_at  timestamptz NOT NULL,
        PRIMARY KEY (member_id, program_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE tasks (
        task_id        uuid        PRIMARY KEY,
        kind           text        NOT NULL CHECK (kind IN ('welcome-outreach', 'gap-outreach', 'screening-follow-up')),
        cause_id       text        NOT NULL,
        member_id      text        NOT NULL,
        queue          text        NOT NULL,
        priority       text        NOT NULL CHECK (priority IN ('urgent', 'high', 'routine')),
        priority_rank  smallint    NOT NULL,
        due_at         timestamptz NOT NULL,
        status         text        NOT NULL CHECK (status IN ('open', 'assigned', 'snoozed', 'completed', 'cancelled')),
        assignee       text,
        assigned_at    timestamptz,
        available_at   timestamptz NOT NULL,
        snooze_reason  text,
        outcome        text        CHECK (outcome IN ('enrolled', 'declined', 'unable-to-reach', 'referred')),
        cancel_reason  text,
        details        jsonb       NOT NULL,
        cause_event_id uuid,
        created_at     timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL,
        closed_at      timestamptz,
        CONSTRAINT tasks_one_per_cause UNIQUE (kind, cause_id),
        CONSTRAINT tasks_assignee_matches_status CHECK ((status = 'assigned') = (assignee IS NOT NULL) OR status = 'completed'),
        CONSTRAINT tasks_outcome_when_completed CHECK ((status = 'completed') = (outcome IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE INDEX tasks_next_idx ON tasks (queue, priority_rank, due_at, created_at, task_id)
        WHERE status IN ('open', 'snoozed')`);
    await queryRunner.query("CREATE INDEX tasks_member_idx ON tasks (member_id) WHERE status IN ('open', 'assigned', 'snoozed')");
    await queryRunner.query("CREATE INDEX tasks_assignee_idx ON tasks (assignee) WHERE status = 'assigned'");
    await queryRunner.query(`
      CREATE TABLE task_history (
        entry_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        task_id     uuid        NOT NULL REFERENCES tasks (task_id),
        action      text        NOT NULL,
        actor       text        NOT NULL,
        detail      jsonb       NOT NULL DEFAULT '{}',
        at          timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX task_history_task_idx ON task_history (task_id, entry_id)');
    await queryRunner.query(`
      CREATE TABLE task_notes (
        note_id     uuid        PRIMARY KEY,
        task_id     uuid        NOT NULL REFERENCES tasks (task_id),
        author      text        NOT NULL,
        body        text        NOT NULL,
        created_at  timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX task_notes_task_idx ON task_notes (task_id, created_at)');
    // Append-only, whoever connects (the service's own role owns the tables, so REVOKE alone would not bind it).
    await queryRunner.query(`
      CREATE FUNCTION casework_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['task_notes', 'task_history']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION casework_reject_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION casework_reject_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['task_notes', 'task_history', 'tasks', 'program_enrollments', 'case_members']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('DROP FUNCTION casework_reject_change()');
  }
}
