import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * X12 intake (docs/adr/0016): the drug given on a claim line (837 loop 2410) and the interchanges received, by
 * sender, receiver and ISA13 control number, with the SHA-256 of their bytes and the answer given, so a resent
 * interchange is recognized (the same answer again) and a reused control number with other content refused.
 * Never edit once released: add a migration.
 */
export class X12Interchanges1797000000000 implements MigrationInterface {
  name = 'X12Interchanges1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE claim_lines
        ADD COLUMN ndc           text,
        ADD COLUMN drug_quantity numeric(12,3),
        ADD COLUMN drug_unit     text`);
    await queryRunner.query(`
      CREATE TABLE x12_interchanges (
        sender          text        NOT NULL,
        receiver        text        NOT NULL,
        control_number  text        NOT NULL,
        transaction     text        NOT NULL,
        status          text        NOT NULL,
        owner           uuid        NOT NULL,
        lease_until     timestamptz NOT NULL,
        content_hash    text,
        answer          jsonb,
        received_at     timestamptz NOT NULL DEFAULT now(),
        completed_at    timestamptz,
        PRIMARY KEY (sender, receiver, control_number),
        CHECK (status IN ('receiving', 'received'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE x12_interchanges');
    await queryRunner.query(
      'ALTER TABLE claim_lines DROP COLUMN ndc, DROP COLUMN drug_quantity, DROP COLUMN drug_unit',
    );
  }
}
