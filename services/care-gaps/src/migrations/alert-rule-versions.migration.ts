import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts record what decided them (issue 21). Never edit once released: add a migration.
 *
 * - gap_alerts.rule_version / code_set_release: the version of the rule that opened the alert's gap and the code set
 *   release it was evaluated with, as in `gaps` and in `care-alert-issued`; null for alerts from before they were
 *   recorded.
 */
export class AlertRuleVersions1797300000000 implements MigrationInterface {
  name = 'AlertRuleVersions1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE gap_alerts ADD COLUMN rule_version text, ADD COLUMN code_set_release text',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE gap_alerts DROP COLUMN rule_version, DROP COLUMN code_set_release');
  }
}
