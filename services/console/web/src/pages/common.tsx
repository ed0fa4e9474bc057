import type { ReactNode } from 'react';
import { ApiError } from '../api';
import type { Task } from '../types';
import { TASK_KIND_LABELS, taskReason } from './task-reason';

/** What a user without the role sees instead of a page (the backend refuses its API too). */
export function Forbidden({ what }: { what: string }) {
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">No access</h1>
      <p role="alert">Your role does not give access to {what}.</p>
    </section>
  );
}

/** A request's failure, said plainly. */
export function ErrorNote({ error }: { error: unknown }) {
  const text =
    error instanceof ApiError
      ? error.status === 403
        ? 'Your role does not allow this.'
        : error.message
      : 'Something went wrong. Try again.';
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (iso: string | null | undefined): string =>
  iso === null || iso === undefined ? '—' : dateTime.format(new Date(iso));

/** A task's kind and why it exists (the condition, gap or screening behind it): one formatter for every page. */
export function TaskWhy({ task }: { task: Pick<Task, 'kind' | 'details'> }) {
  const reason = taskReason(task);
  return (
    <>
      {TASK_KIND_LABELS[task.kind] ?? task.kind}
      {reason !== '' && <span className="task-reason"> — {reason}</span>}
    </>
  );
}
