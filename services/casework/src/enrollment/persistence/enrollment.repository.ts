import type { EnrollmentSource, EnrollmentStatus } from '@care/contracts';
import type { EntityManager } from 'typeorm';

export interface EnrollmentView {
  readonly memberId: string;
  readonly programId: string;
  readonly status: EnrollmentStatus;
  readonly source: EnrollmentSource;
  readonly changedBy: string;
  readonly changedAt: string;
}

interface EnrollmentRow {
  member_id: string;
  program_id: string;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  changed_by: string;
  changed_at: Date;
}

const viewOf = (row: EnrollmentRow): EnrollmentView => ({
  memberId: row.member_id,
  programId: row.program_id,
  status: row.status,
  source: row.source,
  changedBy: row.changed_by,
  changedAt: row.changed_at.toISOString(),
});

export async function findEnrollment(
  manager: EntityManager,
  memberId: string,
  programId: string,
): Promise<EnrollmentView | undefined> {
  const rows = await manager.query<EnrollmentRow[]>(
    'SELECT * FROM program_enrollments WHERE member_id = $1 AND program_id = $2',
    [memberId, programId],
  );
  const row = rows[0];
  return row === undefined ? undefined : viewOf(row);
}

export async function findEnrollments(manager: EntityManager, memberId: string): Promise<EnrollmentView[]> {
  const rows = await manager.query<EnrollmentRow[]>(
    'SELECT * FROM program_enrollments WHERE member_id = $1 ORDER BY program_id',
    [memberId],
  );
  return rows.map(viewOf);
}

export async function saveEnrollment(manager: EntityManager, enrollment: EnrollmentView): Promise<void> {
  await manager.query(
    `INSERT INTO program_enrollments (member_id, program_id, status, source, changed_by, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (member_id, program_id) DO UPDATE SET
       status = EXCLUDED.status, source = EXCLUDED.source, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at`,
    [
      enrollment.memberId,
      enrollment.programId,
      enrollment.status,
      enrollment.source,
      enrollment.changedBy,
      enrollment.changedAt,
    ],
  );
}
