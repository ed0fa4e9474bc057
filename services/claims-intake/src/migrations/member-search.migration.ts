import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding a member on the roster by last name (any case) and birth date, as an advocate does when a member calls
 * (`GET /v1/members?lastName=&birthDate=`): an index on the two, so a search reads only the members it answers with
 * however large the roster. Never edit once released: add a migration.
 */
export class MemberSearch1797600000000 implements MigrationInterface {
  name = 'MemberSearch1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE INDEX members_last_name_birth_idx ON members (lower(record->>'lastName'), (record->>'birthDate'))",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX members_last_name_birth_idx');
  }
}
