import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import { api } from '../api';
import { useUser } from '../session';
import type { Task } from '../types';
import { Choice, plainOptions } from './Choice';
import { ErrorNote, formatDateTime } from './common';

/** The outcomes casework accepts per kind of task (it checks them again). */
const OUTCOMES: Record<string, readonly string[]> = {
  'welcome-outreach': ['enrolled', 'declined', 'unable-to-reach', 'referred'],
  'gap-outreach': ['enrolled', 'declined', 'unable-to-reach', 'referred'],
  'screening-follow-up': ['enrolled', 'declined', 'unable-to-reach', 'referred'],
  'case-callback': ['contacted', 'unable-to-reach', 'referred'],
};

const ACTIVE = ['open', 'assigned', 'snoozed'];

/** Complete with an outcome, snooze, reassign, add a note: each one call to casework. */
export function TaskActions({ task, defaultOpen }: { task: Task; defaultOpen: boolean }) {
  const user = useUser();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<string>('');
  const [note, setNote] = useState('');
  const [snoozeUntil, setSnoozeUntil] = useState('');
  const [snoozeReason, setSnoozeReason] = useState('');
  const [assignee, setAssignee] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const act = useMutation({
    mutationFn: ({ action, body }: { action: string; body: unknown }) =>
      api<unknown>(`/tasks/${task.taskId}/${action}`, { method: 'POST', body }),
    onSuccess: async (_data, { action }) => {
      setDone(
        action === 'notes'
          ? 'Note added.'
          : `Task ${action === 'complete' ? 'completed' : action === 'snooze' ? 'snoozed' : 'reassigned'}.`,
      );
      if (action === 'notes') setNote('');
      await client.invalidateQueries();
    },
  });
  const [open, setOpen] = useState(defaultOpen);
  // The task's notes and history, read when the panel is opened (casework audits the read).
  const detail = useQuery({
    queryKey: ['task', task.taskId],
    queryFn: () =>
      api<{
        notes: ReadonlyArray<{ noteId: string; text: string; author: string; createdAt: string }>;
        history: ReadonlyArray<{ action: string; actor: string; at: string }>;
      }>(`/tasks/${task.taskId}`),
    enabled: open,
  });
  if (!ACTIVE.includes(task.status)) return null;
  const holds = task.assignee === user.subject || user.roles.includes('supervisor');

  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="task-actions">
      <summary>Work this task</summary>
      {detail.data && detail.data.notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {detail.data.notes.map((note) => (
            <li key={note.noteId}>
              <span className="muted">
                {note.author}, {formatDateTime(note.createdAt)}:
              </span>{' '}
              {note.text}
            </li>
          ))}
        </ul>
      )}
      {act.isError && <ErrorNote error={act.error} />}
      {done && <p role="status">{done}</p>}
      {holds && (
        <Form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (outcome !== '') act.mutate({ action: 'complete', body: { outcome } });
          }}
        >
          <Choice
            label="Outcome"
            value={outcome}
            onChange={setOutcome}
            options={plainOptions(OUTCOMES[task.kind] ?? [])}
            placeholder="Choose an outcome"
          />
          <Button type="submit" className="button" isDisabled={outcome === '' || act.isPending}>
            Complete task
          </Button>
        </Form>
      )}
      <Form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          act.mutate({ action: 'notes', body: { text: note } });
        }}
      >
        <TextField value={note} onChange={setNote} isRequired maxLength={4000}>
          <Label>Note</Label>
          <TextArea rows={2} />
        </TextField>
        <Button type="submit" className="button secondary" isDisabled={note.trim() === '' || act.isPending}>
          Add note
        </Button>
      </Form>
      <Form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          act.mutate({
            action: 'snooze',
            body: { until: new Date(snoozeUntil).toISOString(), reason: snoozeReason },
          });
        }}
      >
        <TextField value={snoozeUntil} onChange={setSnoozeUntil} isRequired type="datetime-local">
          <Label>Snooze until</Label>
          <Input />
        </TextField>
        <TextField value={snoozeReason} onChange={setSnoozeReason} isRequired maxLength={500}>
          <Label>Reason</Label>
          <Input />
        </TextField>
        <Button
          type="submit"
          className="button secondary"
          isDisabled={snoozeUntil === '' || snoozeReason.trim() === '' || act.isPending}
        >
          Snooze
        </Button>
      </Form>
      <Form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          act.mutate({ action: 'reassign', body: { assignee } });
        }}
      >
        <TextField value={assignee} onChange={setAssignee} isRequired>
          <Label>Reassign to (user name)</Label>
          <Input />
        </TextField>
        <Button
          type="submit"
          className="button secondary"
          isDisabled={assignee.trim() === '' || act.isPending}
        >
          Reassign
        </Button>
      </Form>
    </details>
  );
}
