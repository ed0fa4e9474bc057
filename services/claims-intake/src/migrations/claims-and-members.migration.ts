import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims stored normalized (header, diagnoses in claim order, lines) and the member roster.
 * A claim is identified by (claim_id, version); content_hash tells an idempotent resubmission (same content)
 * from a conflicting one. Never edit once released: add a migration.
 */
export class ClaimsAndMembers1732406500000 implements MigrationInterface {
  name = 'ClaimsAndMembers1732406500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE claims (
        claim_id            text        NOT NULL,
        version             integer     NOT NULL,
        frequency           text        NOT NULL,
        claim_type          text        NOT NULL,
        adjudication_status text        NOT NULL,
        member_id           text        NOT NULL,
        billing_npi         text        NOT NULL,
        billing_tin         text        NOT NULL,
        rendering_npi       text,
        service_date_from   date        NOT NULL,
        service_date_to     date        NOT NULL,
        place_of_service    text,
        type_of_bill        text,
        total_charged       numeric(14,2) NOT NULL,
        total_paid          numeric(14,2),
        ndc                 text,
        days_supply         integer,
        drug_quantity       numeric(12,3),
        fill_date           date,
        prescriber_npi      text,
        refill_number       integer,
        content_hash        text        NOT NULL,
        intake_channel      text        NOT NULL,
        event_id            uuid        NOT NULL,
        received_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (claim_id, version)
      )`);
    await queryRunner.query('CREATE INDEX claims_member_idx ON claims (member_id, service_date_from)');
    await queryRunner.query(`
      CREATE TABLE claim_diagnoses (
        claim_id  text    NOT NULL,
        version   integer NOT NULL,
        sequence  integer NOT NULL,
        code      text    NOT NULL,
        PRIMARY KEY (claim_id, version, sequence),
        FOREIGN KEY (claim_id, version) REFERENCES claims (claim_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE claim_lines (
        claim_id        text    NOT NULL,
        version         integer NOT NULL,
        line_number     integer NOT NULL,
        procedure_code  text,
        modifiers       text[]  NOT NULL DEFAULT '{}',
        revenue_code    text,
        service_date    date,
        units           numeric(10,3) NOT NULL,
        charged_amount  numeric(14,2) NOT NULL,
        paid_amount     numeric(14,2),
        loinc_code      text,
        lab_value       numeric,
        lab_unit        text,
        PRIMARY KEY (claim_id, version, line_number),
        FOREIGN KEY (claim_id, version) REFERENCES claims (claim_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE members (
        member_id       text        PRIMARY KEY,
        subscriber_id   text        NOT NULL,
        relationship    text        NOT NULL,
        record          jsonb       NOT NULL,
        content_hash    text        NOT NULL,
        revision        integer     NOT NULL DEFAULT 1,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX members_subscriber_idx ON members (subscriber_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE members');
    await queryRunner.query('DROP TABLE claim_lines');
    await queryRunner.query('DROP TABLE claim_diagnoses');
    await queryRunner.query('DROP TABLE claims');
  }
}
