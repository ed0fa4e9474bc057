import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Institutional hospice claims in the gap evidence (issue 21, rules gaps-2026.3). Never edit once released: add a
 * migration.
 *
 * - gap_claims.revenue_codes: the UB-04 revenue codes of the claim's lines (hospice 0115 ... 0659), empty for
 *   professional and pharmacy claims and for rows stored before the column (their codes were not kept).
 * - gap_claims.type_of_bill: the UB-04 type of bill of an institutional claim (hospice 081x, 082x); null otherwise and
 *   for rows stored before the column.
 */
export class InstitutionalHospiceEvidence1797400000000 implements MigrationInterface {
  name = 'InstitutionalHospiceEvidence1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE gap_claims ADD COLUMN revenue_codes text[] NOT NULL DEFAULT '{}', ADD COLUMN type_of_bill text",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE gap_claims DROP COLUMN revenue_codes, DROP COLUMN type_of_bill');
  }
}
