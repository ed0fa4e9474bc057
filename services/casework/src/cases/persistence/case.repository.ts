import type { AdvocacyCategory } from '@care/clinical';
import type { EntityManager } from 'typeorm';
import type {
  BillNegotiationView,
  CaseBill,
  CaseHistoryEntry,
  CaseQueue,
  CaseResolution,
  CaseStatus,
  CaseView,
  IntakeChannel,
} from '../case.model';

interface CaseRow {
  case_id: string;
  member_id: string;
  subscriber_id: string;
  relationship: string;
  service_id: string;
  category: AdvocacyCategory;
  catalog_version: string;
  queue: CaseQueue;
  routing_reason: string;
  channel: IntakeChannel;
  status: CaseStatus;
  resolution: CaseResolution | null;
  summary: string;
  bill: CaseBill | null;
  contact_at: Date;
  opened_by: string;
  opened_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

const caseViewOf = (row: CaseRow): CaseView => ({
  caseId: row.case_id,
  memberId: row.member_id,
  subscriberId: row.subscriber_id,
  relationship: row.relationship,
  serviceId: row.service_id,
  category: row.category,
  catalogVersion: row.catalog_version,
  queue: row.queue,
  routingReason: row.routing_reason,
  channel: row.channel,
  status: row.status,
  resolution: row.resolution,
  summary: row.summary,
  bill: row.bill,
  contactAt: row.contact_at.toISOString(),
  openedBy: row.opened_by,
  openedAt: row.opened_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  closedAt: row.closed_at === null ? null : row.closed_at.toISOString(),
});

/** Stores a new case with its first history entry; false when the case id is taken (the stored case stays). */
export async function insertCase(manager: EntityManager, view: CaseView): Promise<boolean> {
  const rows = await manager.query<Array<{ case_id: string }>>(
    `INSERT INTO cases (case_id, member_id, subscriber_id, relationship, service_id, category, catalog_version, queue,
                        routing_reason, channel, status, summary, bill, contact_at, opened_by, opened_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
     ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
    [
      view.caseId,
      view.memberId,
      view.subscriberId,
      view.relationship,
      view.serviceId,
      view.category,
      view.catalogVersion,
      view.queue,
      view.routingReason,
      view.channel,
      view.status,
      view.summary,
      view.bill === null ? null : JSON.stringify(view.bill),
      view.contactAt,
      view.openedBy,
      view.openedAt,
    ],
  );
  if (rows.length === 0) return false;
  await appendCaseHistory(manager, view.caseId, { from: null, to: view.status, actor: view.openedBy, reason: view.routingReason, at: view.openedAt });
  return true;
}

async function appendCaseHistory(manager: EntityManager, caseId: string, entry: CaseHistoryEntry): Promise<void> {
  await manager.query(
    'INSERT INTO case_history (case_id, from_status, to_status, actor, reason, at) VALUES ($1, $2, $3, $4, $5, $6)',
    [caseId, entry.from, entry.to, entry.actor, entry.reason, entry.at],
  );
}

export async function findCase(manager: EntityManager, caseId: string, lock = false): Promise<CaseView | undefined> {
  const rows = await manager.query<CaseRow[]>(`SELECT * FROM cases WHERE case_id = $1${lock ? ' FOR UPDATE' : ''}`, [caseId]);
  const row = rows[0];
  return row === undefined ? undefined : caseViewOf(row);
}

/** The member's cases, newest first. */
export async function findCasesOfMember(manager: EntityManager, memberId: string): Promise<CaseView[]> {
  const rows = await manager.query<CaseRow[]>('SELECT * FROM cases WHERE member_id = $1 ORDER BY opened_at DESC, case_id', [memberId]);
  return rows.map(caseViewOf);
}

/** Moves a locked case to another status and records the change in its history. */
export async function changeCaseStatus(
  manager: EntityManager,
  caseId: string,
  change: { from: CaseStatus; to: CaseStatus; resolution: CaseResolution | null; final: boolean; actor: string; reason: string },
  now: Date,
): Promise<CaseView> {
  const rows = await manager.query<[CaseRow[], number]>(
    `UPDATE cases SET status = $2, resolution = $3, updated_at = $4::timestamptz, closed_at = CASE WHEN $5 THEN $4::timestamptz ELSE NULL END
      WHERE case_id = $1 RETURNING *`,
    [caseId, change.to, change.resolution, now, change.final],
  );
  const row = rows[0][0];
  if (row === undefined) throw new Error(`case ${caseId} vanished while locked`);
  await appendCaseHistory(manager, caseId, { from: change.from, to: change.to, actor: change.actor, reason: change.reason, at: now.toISOString() });
  return caseViewOf(row);
}

export async function loadCaseHistory(manager: EntityManager, caseId: string): Promise<CaseHistoryEntry[]> {
  const rows = await manager.query<Array<{ from_status: CaseStatus | null; to_status: CaseStatus; actor: string; reason: string; at: Date }>>(
    'SELECT from_status, to_status, actor, reason, at FROM case_history WHERE case_id = $1 ORDER BY entry_id',
    [caseId],
  );
  return rows.map((row) => ({ from: row.from_status, to: row.to_status, actor: row.actor, reason: row.reason, at: row.at.toISOString() }));
}

interface NegotiationRow {
  billed_amount: string;
  negotiated_amount: string;
  savings: string;
  payment_terms: string;
  written_summary: string;
  provider_signed_by: string;
  provider_signed_at: Date;
  sign_off_document: string;
  recorded_by: string;
  recorded_at: Date;
}

export async function findBillNegotiation(manager: EntityManager, caseId: string): Promise<BillNegotiationView | undefined> {
  const rows = await manager.query<NegotiationRow[]>('SELECT * FROM bill_negotiations WHERE case_id = $1', [caseId]);
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        billedAmount: Number(row.billed_amount),
        negotiatedAmount: Number(row.negotiated_amount),
        savings: Number(row.savings),
        paymentTerms: row.payment_terms,
        writtenSummary: row.written_summary,
        providerSignOff: {
          signedBy: row.provider_signed_by,
          signedAt: row.provider_signed_at.toISOString(),
          documentId: row.sign_off_document,
        },
        recordedBy: row.recorded_by,
        recordedAt: row.recorded_at.toISOString(),
      };
}

/** Stores the outcome of a negotiation once (the table is append-only); false when one is already stored. */
export async function insertBillNegotiation(manager: EntityManager, caseId: string, view: BillNegotiationView): Promise<boolean> {
  const rows = await manager.query<Array<{ case_id: string }>>(
    `INSERT INTO bill_negotiations (case_id, billed_amount, negotiated_amount, savings, payment_terms, written_summary,
                                    provider_signed_by, provider_signed_at, sign_off_document, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
    [
      caseId,
      view.billedAmount,
      view.negotiatedAmount,
      view.savings,
      view.paymentTerms,
      view.writtenSummary,
      view.providerSignOff.signedBy,
      view.providerSignOff.signedAt,
      view.providerSignOff.documentId,
      view.recordedBy,
      view.recordedAt,
    ],
  );
  return rows.length > 0;
}

/** The id of the callback task a case's intake created, if any. */
export async function findCallbackTaskId(manager: EntityManager, caseId: string): Promise<string | null> {
  const rows = await manager.query<Array<{ task_id: string }>>(
    "SELECT task_id FROM tasks WHERE kind = 'case-callback' AND cause_id = $1",
    [caseId],
  );
  return rows[0]?.task_id ?? null;
}
