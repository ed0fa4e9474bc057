import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Code set releases (issue 21). Never edit once released: add a migration.
 *
 * - gap_claims.ndc: the fill's NDC, kept for every undenied pharmacy claim (even one no rule concerns, with its days'
 *   supply and prescriber) so that a new release can classify stored fills; older rows have none.
 * - gaps.code_set_release / close_code_set_release: the release a gap was opened and closed with, beside the rule
 *   version; null for gaps from before releases were recorded.
 * - gap_code_set_release: the release the last start adopted (one row).
 */
export class CodeSetReleases1797200000000 implements MigrationInterface {
  name = 'CodeSetReleases1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE gap_claims ADD COLUMN ndc text');
    await queryRunner.query(
      'ALTER TABLE gaps ADD COLUMN code_set_release text, ADD COLUMN close_code_set_release text',
    );
    await queryRunner.query(`
      CREATE TABLE gap_code_set_release (
        singleton    boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
        release_id   text        NOT NULL,
        adopted_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gap_code_set_release');
    await queryRunner.query(
      'ALTER TABLE gaps DROP COLUMN code_set_release, DROP COLUMN close_code_set_release',
    );
    await queryRunner.query('ALTER TABLE gap_claims DROP COLUMN ndc');
  }
}
