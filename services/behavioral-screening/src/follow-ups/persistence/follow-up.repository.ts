import type { EntityManager } from 'typeorm';

/** A follow-up whose time has come, locked by the transaction that emits it. */
export interface DueFollowUp {
  readonly followUpId: string;
  readonly memberId: string;
  readonly screeningId: string;
  readonly dueAt: string;
}

/** A scheduled follow-up as shown in a member's history. */
export interface ScheduledFollowUp {
  readonly instrument: string;
  readonly screeningId: string;
  readonly dueAt: string;
}

/** The durable follow-up schedule in the behavioral_screening schema. */
export const followUpRepository = {
  async schedule(
    manager: EntityManager,
    followUp: { followUpId: string; memberId: string; screeningId: string; dueAt: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO follow_ups (follow_up_id, member_id, screening_id, instrument, due_at, status)
       VALUES ($1, $2, $3, 'phq-9', $4, 'pending')`,
      [followUp.followUpId, followUp.memberId, followUp.screeningId, followUp.dueAt],
    );
  },

  /**
   * Cancels the member's pending follow-ups of PHQ-9s completed before `completedAt`: a newer PHQ-9 is the
   * monitoring they were waiting for. Returns how many were cancelled.
   */
  async cancelPendingBefore(manager: EntityManager, memberId: string, completedAt: string): Promise<number> {
    const rows = await manager.query<Array<{ follow_up_id: string }>>(
      `UPDATE follow_ups f SET status = 'cancelled', updated_at = now()
         FROM screenings s
        WHERE f.member_id = $1 AND f.status = 'pending' AND s.screening_id = f.screening_id AND s.completed_at < $2
        RETURNING f.follow_up_id`,
      [memberId, completedAt],
    );
    return rows.length;
  },

  /**
   * Locks up to `limit` pending follow-ups due by the database clock, skipping rows another instance holds, so
   * replicas polling at the same time each take different rows and none is emitted twice.
   */
  async lockDue(manager: EntityManager, limit: number): Promise<DueFollowUp[]> {
    const rows = await manager.query<
      Array<{ follow_up_id: string; member_id: string; screening_id: string; due_at: Date }>
    >(
      `SELECT follow_up_id, member_id, screening_id, due_at FROM follow_ups
        WHERE status = 'pending' AND due_at <= now()
        ORDER BY due_at, follow_up_id
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => ({
      followUpId: row.follow_up_id,
      memberId: row.member_id,
      screeningId: row.screening_id,
      dueAt: row.due_at.toISOString(),
    }));
  },

  async markRequested(
    manager: EntityManager,
    requested: ReadonlyArray<{ followUpId: string; requestId: string }>,
  ): Promise<void> {
    if (requested.length === 0) return;
    await manager.query(
      `UPDATE follow_ups f SET status = 'requested', request_id = r.request_id, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS r(follow_up_id, request_id)
        WHERE f.follow_up_id = r.follow_up_id`,
      [requested.map((entry) => entry.followUpId), requested.map((entry) => entry.requestId)],
    );
  },

  async pendingForMember(manager: EntityManager, memberId: string): Promise<ScheduledFollowUp[]> {
    const rows = await manager.query<Array<{ instrument: string; screening_id: string; due_at: Date }>>(
      `SELECT instrument, screening_id, due_at FROM follow_ups
        WHERE member_id = $1 AND status = 'pending' ORDER BY due_at`,
      [memberId],
    );
    return rows.map((row) => ({
      instrument: row.instrument,
      screeningId: row.screening_id,
      dueAt: row.due_at.toISOString(),
    }));
  },
};
