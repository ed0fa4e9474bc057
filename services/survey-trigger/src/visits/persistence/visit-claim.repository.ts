import type { EntityManager } from 'typeorm';

/** The latest version seen of a professional claim, and the visit it describes (if any). */
export interface VisitClaim {
  readonly claimId: string;
  readonly memberId: string;
  readonly version: number;
  readonly voided: boolean;
  /** Whether this version describes a surveyable visit. */
  readonly describesVisit: boolean;
  /** The visit the claim was linked to when a version of it first described one (kept across versions). */
  readonly visitId: string | null;
}

interface VisitClaimRow {
  claim_id: string;
  member_id: string;
  version: number;
  voided: boolean;
  describes_visit: boolean;
  visit_id: string | null;
}

/** The stored claims with these ids. */
export async function findVisitClaims(
  manager: EntityManager,
  claimIds: readonly string[],
): Promise<Map<string, VisitClaim>> {
  if (claimIds.length === 0) return new Map();
  const rows = await manager.query<VisitClaimRow[]>(
    'SELECT claim_id, member_id, version, voided, describes_visit, visit_id FROM visit_claims WHERE claim_id = ANY($1::text[])',
    [[...new Set(claimIds)]],
  );
  return new Map(
    rows.map((row) => [
      row.claim_id,
      {
        claimId: row.claim_id,
        memberId: row.member_id,
        version: row.version,
        voided: row.voided,
        describesVisit: row.describes_visit,
        visitId: row.visit_id,
      },
    ]),
  );
}

/** Writes claims (insert or overwrite), in one statement. */
export async function saveVisitClaims(manager: EntityManager, claims: readonly VisitClaim[]): Promise<void> {
  if (claims.length === 0) return;
  await manager.query(
    `INSERT INTO visit_claims (claim_id, member_id, version, voided, describes_visit, visit_id)
     SELECT r.claim_id, r.member_id, r.version, r.voided, r.describes_visit, r.visit_id
       FROM jsonb_to_recordset($1::jsonb) AS r(claim_id text, member_id text, version int, voided boolean,
            describes_visit boolean, visit_id uuid)
     ON CONFLICT (claim_id) DO UPDATE SET member_id = EXCLUDED.member_id, version = EXCLUDED.version,
       voided = EXCLUDED.voided, describes_visit = EXCLUDED.describes_visit, visit_id = EXCLUDED.visit_id`,
    [
      JSON.stringify(
        claims.map((claim) => ({
          claim_id: claim.claimId,
          member_id: claim.memberId,
          version: claim.version,
          voided: claim.voided,
          describes_visit: claim.describesVisit,
          visit_id: claim.visitId,
        })),
      ),
    ],
  );
}
