import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of member-data reads, the same table in every service's schema: `read_audit`, append-only (a
 * trigger refuses UPDATE, DELETE and TRUNCATE for every database role, the table owner included). In casework the
 * table exists already (its advocacy migration); there this adds the `route` column and moves the triggers to the
 * shared function. Kept by `down`: an audit trail is never dropped by a rollback.
 */
export class AuditTrail1796800000000 implements MigrationInterface {
  name = 'AuditTrail1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS read_audit (
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
    await queryRunner.query('ALTER TABLE read_audit ADD COLUMN IF NOT EXISTS route text');
    await queryRunner.query(
      'CREATE INDEX IF NOT EXISTS read_audit_member_idx ON read_audit (member_id, entry_id)',
    );
    await queryRunner.query(
      'CREATE INDEX IF NOT EXISTS read_audit_actor_idx ON read_audit (actor, entry_id)',
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_trail_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'read_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query('DROP TRIGGER IF EXISTS read_audit_append_only ON read_audit');
    await queryRunner.query('DROP TRIGGER IF EXISTS read_audit_no_truncate ON read_audit');
    await queryRunner.query(
      'CREATE TRIGGER read_audit_append_only BEFORE UPDATE OR DELETE ON read_audit FOR EACH ROW EXECUTE FUNCTION audit_trail_reject_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER read_audit_no_truncate BEFORE TRUNCATE ON read_audit FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_reject_change()',
    );
  }

  async down(): Promise<void> {
    // Nothing: the trail outlives a rollback of the code that writes it.
  }
}
