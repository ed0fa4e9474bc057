import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { api } from '../api';
import { hasRole, useUser } from '../session';
import type { QueueStats, Task } from '../types';
import { ErrorNote, Forbidden, formatDateTime, Section, TaskWhy } from './common';

const minutes = (seconds: number | null): string =>
  seconds === null ? '—' : `${Math.round(seconds / 60)} min`;

/** Every queue's depth, age and breaches, and what each coach holds (counts only, no member data). */
export function SupervisorPage() {
  const user = useUser();
  const allowed = hasRole(user, 'supervisor', 'ops', 'admin');
  const stats = useQuery({
    queryKey: ['queues', 'stats'],
    queryFn: () => api<QueueStats>('/queues/stats'),
    enabled: allowed,
    refetchInterval: 15_000,
  });
  if (!allowed) return <Forbidden what="queue statistics" />;
  return (
    <>
      <h1>Queues</h1>
      {stats.isError && <ErrorNote error={stats.error} />}
      {stats.data && (
        <>
          <Section title="Per queue" id="per-queue-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  <th scope="col">Waiting</th>
                  <th scope="col">Urgent</th>
                  <th scope="col">High</th>
                  <th scope="col">Routine</th>
                  <th scope="col">Assigned</th>
                  <th scope="col">Oldest waiting</th>
                  <th scope="col">Past due</th>
                </tr>
              </thead>
              <tbody>
                {stats.data.queues.map((queue) => (
                  <tr key={queue.queue}>
                    <th scope="row">{queue.queue}</th>
                    <td>{queue.depth}</td>
                    <td>{queue.depthByPriority.urgent}</td>
                    <td>{queue.depthByPriority.high}</td>
                    <td>{queue.depthByPriority.routine}</td>
                    <td>{queue.assigned}</td>
                    <td>{minutes(queue.oldestWaitingSeconds)}</td>
                    <td className={queue.slaBreaches > 0 ? 'breach' : undefined}>{queue.slaBreaches}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          {hasRole(user, 'supervisor') &&
            stats.data.queues.map((queue) => <QueueTasks key={queue.queue} queue={queue.queue} />)}
          <Section title="Per coach" id="per-coach-title">
            {stats.data.coaches.length === 0 ? (
              <p>No task is assigned.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Coach</th>
                    <th scope="col">Queue</th>
                    <th scope="col">Holds</th>
                    <th scope="col">Past due</th>
                    <th scope="col">Longest held</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.coaches.map((coach) => (
                    <tr key={`${coach.coach}-${coach.queue}`}>
                      <th scope="row">{coach.coach}</th>
                      <td>{coach.queue}</td>
                      <td>{coach.assigned}</td>
                      <td>{coach.slaBreaches}</td>
                      <td>{minutes(coach.oldestAssignedSeconds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        </>
      )}
    </>
  );
}

/** A queue's waiting and overdue tasks, each one reassignable (supervisors). */
function QueueTasks({ queue }: { queue: string }) {
  const [list, setList] = useState<'waiting' | 'overdue'>('overdue');
  const tasks = useQuery({
    queryKey: ['queues', queue, 'tasks', list],
    queryFn: () => api<Task[]>(`/queues/${queue}/tasks?list=${list}`),
  });
  return (
    <Section title={`${queue}: ${list} tasks`} id={`queue-${queue}-title`}>
      <div className="actions">
        <Button
          className="button secondary"
          isDisabled={list === 'overdue'}
          onPress={() => setList('overdue')}
        >
          Show overdue
        </Button>
        <Button
          className="button secondary"
          isDisabled={list === 'waiting'}
          onPress={() => setList('waiting')}
        >
          Show waiting
        </Button>
      </div>
      {tasks.isError && <ErrorNote error={tasks.error} />}
      {tasks.data?.length === 0 && <p>No {list} task.</p>}
      {tasks.data && tasks.data.length > 0 && (
        <ul className="task-list">
          {tasks.data.map((task) => (
            <li key={task.taskId} className={`priority-${task.priority}`}>
              <Link to={`/members/${task.memberId}?task=${task.taskId}`}>
                <span className="badge">{task.priority}</span> <TaskWhy task={task} />, member {task.memberId}
                , due {formatDateTime(task.dueAt)}
              </Link>
              {task.assignee ? ` (held by ${task.assignee})` : ''}
              <Reassign task={task} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Reassign({ task }: { task: Task }) {
  const client = useQueryClient();
  const [assignee, setAssignee] = useState('');
  const reassign = useMutation({
    mutationFn: () => api<Task>(`/tasks/${task.taskId}/reassign`, { method: 'POST', body: { assignee } }),
    onSuccess: async () => {
      setAssignee('');
      await client.invalidateQueries({ queryKey: ['queues'] });
    },
  });
  return (
    <Form
      className="inline-form"
      aria-label={`Reassign task ${task.taskId}`}
      onSubmit={(event) => {
        event.preventDefault();
        reassign.mutate();
      }}
    >
      <TextField value={assignee} onChange={setAssignee} isRequired>
        <Label>Reassign to</Label>
        <Input />
      </TextField>
      <Button
        type="submit"
        className="button secondary"
        isDisabled={assignee.trim() === '' || reassign.isPending}
      >
        Reassign
      </Button>
      {reassign.isError && <ErrorNote error={reassign.error} />}
    </Form>
  );
}
