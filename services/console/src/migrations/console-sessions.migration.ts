import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's sessions (express-session rows, connect-pg-simple's layout): the session id, its data (the
 * signed-in user, their tokens, the CSRF token) and when it expires. Never edit once released: add a migration.
 */
export class ConsoleSessions1797000000000 implements MigrationInterface {
  name = 'ConsoleSessions1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sessions (
        sid    varchar      NOT NULL PRIMARY KEY,
        sess   json         NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX sessions_expire_idx ON sessions (expire)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sessions');
  }
}
