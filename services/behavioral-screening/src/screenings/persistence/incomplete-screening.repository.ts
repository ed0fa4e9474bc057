import type { EntityManager } from 'typeorm';

/** An incomplete screening as stored. */
export interface StoredIncompleteScreening {
  readonly screeningId: string;
  readonly memberId: string;
  readonly contentHash: string;
  readonly receivedAt: string;
  readonly completedAt: string | null;
  readonly eventId: string;
}

/** One incomplete screening to store. */
export interface IncompleteScreeningToStore extends Omit<StoredIncompleteScreening, 'completedAt'> {
  readonly completedAt: string | undefined;
  readonly instrument: 'phq-9';
  readonly source: string;
  readonly received: Readonly<Record<string, unknown>>;
}

interface Row {
  screening_id: string;
  member_id: string;
  content_hash: string;
  received_at: Date;
  completed_at: Date | null;
  event_id: string;
}

const toStored = (row: Row): StoredIncompleteScreening => ({
  screeningId: row.screening_id,
  memberId: row.member_id,
  contentHash: row.content_hash,
  receivedAt: row.received_at.toISOString(),
  completedAt: row.completed_at?.toISOString() ?? null,
  eventId: row.event_id,
});

/** PHQ-9s that could not be scored but carried a self-harm answer (`incomplete_screenings`). */
export const incompleteScreeningRepository = {
  async find(manager: EntityManager, screeningId: string): Promise<StoredIncompleteScreening | undefined> {
    const rows = await manager.query<Row[]>(
      `SELECT screening_id, member_id, content_hash, received_at, completed_at, event_id
         FROM incomplete_screenings WHERE screening_id = $1`,
      [screeningId],
    );
    const row = rows[0];
    return row === undefined ? undefined : toStored(row);
  },

  /** Inserts unless the id exists; true when inserted. */
  async insertNew(manager: EntityManager, screening: IncompleteScreeningToStore): Promise<boolean> {
    const rows = await manager.query<Array<{ screening_id: string }>>(
      `INSERT INTO incomplete_screenings (screening_id, member_id, instrument, source, completed_at, received_at,
         content_hash, event_id, received)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (screening_id) DO NOTHING
       RETURNING screening_id`,
      [
        screening.screeningId,
        screening.memberId,
        screening.instrument,
        screening.source,
        screening.completedAt ?? null,
        screening.receivedAt,
        screening.contentHash,
        screening.eventId,
        JSON.stringify(screening.received),
      ],
    );
    return rows.length > 0;
  },

  /** A member's incomplete screenings, newest first. */
  async ofMember(manager: EntityManager, memberId: string): Promise<StoredIncompleteScreening[]> {
    const rows = await manager.query<Row[]>(
      `SELECT screening_id, member_id, content_hash, received_at, completed_at, event_id
         FROM incomplete_screenings WHERE member_id = $1 ORDER BY received_at DESC, screening_id`,
      [memberId],
    );
    return rows.map(toStored);
  },
};
