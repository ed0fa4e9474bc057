import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Code set releases (issue 21). Never edit once released: add a migration.
 *
 * - claim_evidence.ndc: the fill's NDC, kept for every pharmacy claim (even one no rule concerns) so that a new
 *   release can classify stored fills; rows from before this migration have none and keep their drug class.
 * - identifications.code_set_release: the release the identification was decided with, beside the rule version;
 *   null for identifications made before releases were recorded.
 * - code_set_release: the release the last start ran with (one row), to notice a new one as rule_versions does.
 */
export class CodeSetReleases1797100000000 implements MigrationInterface {
  name = 'CodeSetReleases1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE claim_evidence ADD COLUMN ndc text');
    await queryRunner.query('ALTER TABLE identifications ADD COLUMN code_set_release text');
    await queryRunner.query(`
      CREATE TABLE code_set_release (
        singleton    boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
        release_id   text        NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE code_set_release');
    await queryRunner.query('ALTER TABLE identifications DROP COLUMN code_set_release');
    await queryRunner.query('ALTER TABLE claim_evidence DROP COLUMN ndc');
  }
}
