import type { ClaimSubmission } from '@care/contracts';
import type { EntityManager } from 'typeorm';

/** A claim about to be stored, with what intake derived from it. */
export interface ClaimToStore {
  readonly claim: ClaimSubmission;
  readonly contentHash: string;
  readonly eventId: string;
  readonly intakeChannel: string;
  readonly receivedAt: string;
}

/** What is already stored under a (claim id, version). */
export interface StoredClaimVersion {
  readonly claimId: string;
  readonly version: number;
  readonly contentHash: string;
  readonly eventId: string;
  readonly receivedAt: string;
}

const keyOf = (claimId: string, version: number): string => `${claimId}\u0000${version}`;

/**
 * Claims in the claims_intake schema, written a batch at a time: one statement per table whatever the batch
 * size, so the cost per claim stays flat.
 */
export const claimRepository = {
  keyOf,

  /** Inserts the claims whose (claim id, version) is new; returns the keys actually inserted. */
  async insertNew(manager: EntityManager, claims: readonly ClaimToStore[]): Promise<Set<string>> {
    if (claims.length === 0) return new Set();
    const column = <T>(pick: (entry: ClaimToStore) => T): T[] => claims.map(pick);
    const inserted = await manager.query<Array<{ claim_id: string; version: number }>>(
      `INSERT INTO claims (claim_id, version, frequency, claim_type, adjudication_status, member_id, billing_npi,
         billing_tin, rendering_npi, service_date_from, service_date_to, place_of_service, type_of_bill,
         total_charged, total_paid, ndc, days_supply, drug_quantity, fill_date, prescriber_npi, refill_number,
         content_hash, intake_channel, event_id, received_at)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::date[], $11::date[], $12::text[], $13::text[], $14::numeric[], $15::numeric[],
         $16::text[], $17::int[], $18::numeric[], $19::date[], $20::text[], $21::int[], $22::text[], $23::text[],
         $24::uuid[], $25::timestamptz[])
       ON CONFLICT (claim_id, version) DO NOTHING
       RETURNING claim_id, version`,
      [
        column((e) => e.claim.claimId),
        column((e) => e.claim.version),
        column((e) => e.claim.frequency),
        column((e) => e.claim.claimType),
        column((e) => e.claim.adjudicationStatus),
        column((e) => e.claim.memberId),
        column((e) => e.claim.billingProvider.npi),
        column((e) => e.claim.billingProvider.tin),
        column((e) => e.claim.renderingProvider?.npi ?? null),
        column((e) => e.claim.serviceDateFrom),
        column((e) => e.claim.serviceDateTo),
        column((e) => e.claim.placeOfService ?? null),
        column((e) => e.claim.typeOfBill ?? null),
        column((e) => e.claim.totalChargedAmount),
        column((e) => e.claim.totalPaidAmount ?? null),
        column((e) => e.claim.drug?.ndc ?? null),
        column((e) => e.claim.drug?.daysSupply ?? null),
        column((e) => e.claim.drug?.quantity ?? null),
        column((e) => e.claim.drug?.fillDate ?? null),
        column((e) => e.claim.drug?.prescriberNpi ?? null),
        column((e) => e.claim.drug?.refillNumber ?? null),
        column((e) => e.contentHash),
        column((e) => e.intakeChannel),
        column((e) => e.eventId),
        column((e) => e.receivedAt),
      ],
    );
    const keys = new Set(inserted.map((row) => keyOf(row.claim_id, row.version)));
    const stored = claims.filter((entry) => keys.has(keyOf(entry.claim.claimId, entry.claim.version)));
    await insertDiagnoses(manager, stored);
    await insertLines(manager, stored);
    return keys;
  },

  /** The stored versions for the given (claim id, version) pairs. */
  async findVersions(
    manager: EntityManager,
    keys: ReadonlyArray<{ claimId: string; version: number }>,
  ): Promise<Map<string, StoredClaimVersion>> {
    if (keys.length === 0) return new Map();
    const rows = await manager.query<
      Array<{ claim_id: string; version: number; content_hash: string; event_id: string; received_at: Date }>
    >(
      `SELECT c.claim_id, c.version, c.content_hash, c.event_id, c.received_at
         FROM claims c
         JOIN unnest($1::text[], $2::int[]) AS k(claim_id, version)
           ON c.claim_id = k.claim_id AND c.version = k.version`,
      [keys.map((key) => key.claimId), keys.map((key) => key.version)],
    );
    return new Map(
      rows.map((row) => [
        keyOf(row.claim_id, row.version),
        {
          claimId: row.claim_id,
          version: row.version,
          contentHash: row.content_hash,
          eventId: row.event_id,
          receivedAt: row.received_at.toISOString(),
        },
      ]),
    );
  },
};

async function insertDiagnoses(manager: EntityManager, claims: readonly ClaimToStore[]): Promise<void> {
  const rows = claims.flatMap((entry) =>
    (entry.claim.diagnoses ?? []).map((diagnosis, index) => ({
      entry,
      sequence: index + 1,
      code: diagnosis.code,
    })),
  );
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO claim_diagnoses (claim_id, version, sequence, code)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[])`,
    [
      rows.map((row) => row.entry.claim.claimId),
      rows.map((row) => row.entry.claim.version),
      rows.map((row) => row.sequence),
      rows.map((row) => row.code),
    ],
  );
}

async function insertLines(manager: EntityManager, claims: readonly ClaimToStore[]): Promise<void> {
  const rows = claims.flatMap((entry) => (entry.claim.lines ?? []).map((line) => ({ entry, line })));
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO claim_lines (claim_id, version, line_number, procedure_code, modifiers, revenue_code, service_date,
       units, charged_amount, paid_amount, loinc_code, lab_value, lab_unit, ndc, drug_quantity, drug_unit)
     SELECT claim_id, version, line_number, procedure_code,
            COALESCE(string_to_array(NULLIF(modifiers, ''), ','), '{}'), revenue_code, service_date, units,
            charged_amount, paid_amount, loinc_code, lab_value, lab_unit, ndc, drug_quantity, drug_unit
       FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::date[], $8::numeric[],
                   $9::numeric[], $10::numeric[], $11::text[], $12::numeric[], $13::text[], $14::text[],
                   $15::numeric[], $16::text[])
         AS t(claim_id, version, line_number, procedure_code, modifiers, revenue_code, service_date, units,
              charged_amount, paid_amount, loinc_code, lab_value, lab_unit, ndc, drug_quantity, drug_unit)`,
    [
      rows.map((row) => row.entry.claim.claimId),
      rows.map((row) => row.entry.claim.version),
      rows.map((row) => row.line.lineNumber),
      rows.map((row) => row.line.procedureCode ?? null),
      rows.map((row) => (row.line.modifiers ?? []).join(',')),
      rows.map((row) => row.line.revenueCode ?? null),
      rows.map((row) => row.line.serviceDate ?? null),
      rows.map((row) => row.line.units),
      rows.map((row) => row.line.chargedAmount),
      rows.map((row) => row.line.paidAmount ?? null),
      rows.map((row) => row.line.labResult?.loincCode ?? null),
      rows.map((row) => row.line.labResult?.value ?? null),
      rows.map((row) => row.line.labResult?.unit ?? null),
      rows.map((row) => row.line.ndc ?? null),
      rows.map((row) => row.line.drugQuantity ?? null),
      rows.map((row) => row.line.drugUnit ?? null),
    ],
  );
}
