import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retractions record what decided them (issue 21). Never edit once released: add a migration.
 *
 * - identifications.retraction_rule_version / retraction_code_set_release: the rule version and code set release the
 *   retraction was decided with (a new rule version or release may retract an identification made under an older
 *   one, which rule_version and code_set_release keep); null while not retracted and for retractions from before
 *   they were recorded.
 */
export class RetractionCodeSetReleases1797300000000 implements MigrationInterface {
  name = 'RetractionCodeSetReleases1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE identifications ADD COLUMN retraction_rule_version text, ADD COLUMN retraction_code_set_release text',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE identifications DROP COLUMN retraction_rule_version, DROP COLUMN retraction_code_set_release',
    );
  }
}
