import type { EntityManager } from 'typeorm';

/** A coach's note on a task (free text: PHI, never logged). Notes are append-only (enforced by triggers). */
export interface TaskNote {
  readonly noteId: string;
  readonly taskId: string;
  readonly author: string;
  readonly text: string;
  readonly createdAt: string;
}

interface NoteRow {
  note_id: string;
  task_id: string;
  author: string;
  body: string;
  created_at: Date;
}

const noteOf = (row: NoteRow): TaskNote => ({
  noteId: row.note_id,
  taskId: row.task_id,
  author: row.author,
  text: row.body,
  createdAt: row.created_at.toISOString(),
});

/**
 * Appends a note; a note id already stored is not written again. Returns the note stored under the id and whether
 * this call wrote it.
 */
export async function appendNote(
  manager: EntityManager,
  note: Omit<TaskNote, 'createdAt'>,
  now: Date,
): Promise<{ note: TaskNote; written: boolean }> {
  const inserted = await manager.query<NoteRow[]>(
    `INSERT INTO task_notes (note_id, task_id, author, body, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (note_id) DO NOTHING RETURNING *`,
    [note.noteId, note.taskId, note.author, note.text, now],
  );
  const row = inserted[0];
  if (row !== undefined) return { note: noteOf(row), written: true };
  const stored = await manager.query<NoteRow[]>('SELECT * FROM task_notes WHERE note_id = $1', [note.noteId]);
  const existing = stored[0];
  if (existing === undefined) throw new Error(`note ${note.noteId} conflicted but is not stored`);
  return { note: noteOf(existing), written: false };
}

export async function loadNotes(manager: EntityManager, taskId: string): Promise<TaskNote[]> {
  const rows = await manager.query<NoteRow[]>(
    'SELECT * FROM task_notes WHERE task_id = $1 ORDER BY created_at, note_id',
    [taskId],
  );
  return rows.map(noteOf);
}

/** A note with the task it was written on, as a member's notes list them. */
export interface MemberNote extends TaskNote {
  readonly taskKind: string;
  readonly taskStatus: string;
  readonly queue: string;
}

/** At most 200 notes of a member, on any of their tasks (closed ones too), newest first (task_notes by task). */
export async function loadNotesOfMember(manager: EntityManager, memberId: string): Promise<MemberNote[]> {
  const rows = await manager.query<Array<NoteRow & { kind: string; status: string; queue: string }>>(
    `SELECT task_notes.*, tasks.kind, tasks.status, tasks.queue
       FROM task_notes JOIN tasks ON tasks.task_id = task_notes.task_id
      WHERE tasks.member_id = $1
      ORDER BY task_notes.created_at DESC, task_notes.note_id LIMIT 200`,
    [memberId],
  );
  return rows.map((row) => ({ ...noteOf(row), taskKind: row.kind, taskStatus: row.status, queue: row.queue }));
}
