import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * gap_rule_catalog: the version of the gap-rule catalog the daily review last adopted (one row). A service started with
 * another catalog makes every evaluated member due once, so new windows, ages and exclusions reach everyone without
 * waiting for 1 January or a new claim (ADR 18). Never edit once released: add a migration.
 */
export class GapRuleCatalog1797100000000 implements MigrationInterface {
  name = 'GapRuleCatalog1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gap_rule_catalog (
        singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
        version     text        NOT NULL,
        adopted_on  date        NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gap_rule_catalog');
  }
}
