import type { ScreeningInstrument, ScreeningRequestedPayload } from '@care/contracts';
import type { EntityManager } from 'typeorm';

/** A screening request as stored and as emitted (the `screening-requested` payload). */
export type ScreeningRequestRow = Pick<
  ScreeningRequestedPayload,
  'requestId' | 'memberId' | 'instrument' | 'reason' | 'dueOn' | 'requestedAt' | 'caseId' | 'programId' | 'previousScreeningId'
>;

/** An open (not yet fulfilled) request as shown in a member's history. */
export interface OpenScreeningRequest {
  readonly requestId: string;
  readonly instrument: ScreeningInstrument;
  readonly reason: string;
  readonly dueOn: string;
  readonly requestedAt: string;
}

/** Screening requests in the behavioral_screening schema. */
export const screeningRequestRepository = {
  async insert(manager: EntityManager, requests: readonly ScreeningRequestRow[]): Promise<void> {
    if (requests.length === 0) return;
    await manager.query(
      `INSERT INTO screening_requests (request_id, member_id, instrument, reason, due_on, requested_at, case_id,
         program_id, previous_screening_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::timestamptz[], $7::text[],
         $8::text[], $9::text[])`,
      [
        requests.map((request) => request.requestId),
        requests.map((request) => request.memberId),
        requests.map((request) => request.instrument),
        requests.map((request) => request.reason),
        requests.map((request) => request.dueOn),
        requests.map((request) => request.requestedAt),
        requests.map((request) => request.caseId ?? null),
        requests.map((request) => request.programId ?? null),
        requests.map((request) => request.previousScreeningId ?? null),
      ],
    );
  },

  /** Instruments the member has an open request for, made at or after `since`. */
  async openInstrumentsSince(manager: EntityManager, memberId: string, since: Date): Promise<Set<ScreeningInstrument>> {
    const rows = await manager.query<Array<{ instrument: ScreeningInstrument }>>(
      `SELECT DISTINCT instrument FROM screening_requests
        WHERE member_id = $1 AND fulfilled_by IS NULL AND requested_at >= $2`,
      [memberId, since.toISOString()],
    );
    return new Set(rows.map((row) => row.instrument));
  },

  /**
   * Marks the member's open requests for these instruments as fulfilled by a completed screening, when made no
   * later than `requestedUpTo` (a screening from long before a request does not answer it).
   */
  async fulfil(
    manager: EntityManager,
    fulfilment: {
      readonly memberId: string;
      readonly instruments: readonly ScreeningInstrument[];
      readonly screeningId: string;
      readonly at: string;
      readonly requestedUpTo: Date;
    },
  ): Promise<void> {
    if (fulfilment.instruments.length === 0) return;
    await manager.query(
      `UPDATE screening_requests SET fulfilled_by = $3, fulfilled_at = $4
        WHERE member_id = $1 AND instrument = ANY($2::text[]) AND fulfilled_by IS NULL AND requested_at <= $5`,
      [
        fulfilment.memberId,
        fulfilment.instruments,
        fulfilment.screeningId,
        fulfilment.at,
        fulfilment.requestedUpTo.toISOString(),
      ],
    );
  },

  async openForMember(manager: EntityManager, memberId: string): Promise<OpenScreeningRequest[]> {
    const rows = await manager.query<
      Array<{ request_id: string; instrument: ScreeningInstrument; reason: string; due_on: string; requested_at: Date }>
    >(
      `SELECT request_id, instrument, reason, to_char(due_on, 'YYYY-MM-DD') AS due_on, requested_at
         FROM screening_requests WHERE member_id = $1 AND fulfilled_by IS NULL ORDER BY requested_at, request_id`,
      [memberId],
    );
    return rows.map((row) => ({
      requestId: row.request_id,
      instrument: row.instrument,
      reason: row.reason,
      dueOn: row.due_on,
      requestedAt: row.requested_at.toISOString(),
    }));
  },
};
