import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { api } from '../api';
import { hasRole, useUser, WORKER_ROLES } from '../session';
import type { QueueCounts, Task } from '../types';
import { ErrorNote, Forbidden, formatDateTime, Section, TaskWhy } from './common';
import { FindMember } from './FindMember';

/** A coach's or advocate's day: their queues with counts, Next task, finding a member who calls, and the tasks they hold. */
export function WorkPage() {
  const user = useUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const allowed = hasRole(user, ...WORKER_ROLES);
  const queues = useQuery({
    queryKey: ['queues', 'mine'],
    queryFn: () => api<QueueCounts>('/queues/mine'),
    enabled: allowed,
    refetchInterval: 15_000,
  });
  const held = useQuery({
    queryKey: ['queues', 'mine', 'tasks'],
    queryFn: () => api<Task[]>('/queues/mine/tasks'),
    enabled: allowed,
  });
  const next = useMutation({
    mutationFn: (queue: string) => api<Task | null>(`/queues/${queue}/next`, { method: 'POST' }),
    onSuccess: async (task) => {
      await client.invalidateQueries({ queryKey: ['queues'] });
      if (task !== null) await navigate(`/members/${task.memberId}?task=${task.taskId}`);
    },
  });
  if (!allowed) return <Forbidden what="work queues" />;

  return (
    <>
      <h1>My work</h1>
      <Section title="My queues" id="queues-title">
        {queues.isError && <ErrorNote error={queues.error} />}
        {queues.data && (
          <table>
            <caption className="visually-hidden">Waiting tasks per queue</caption>
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Waiting</th>
                <th scope="col">Urgent</th>
                <th scope="col">Available now</th>
                <th scope="col">Oldest due</th>
                <th scope="col">Past due</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queues.data.queues.map((queue) => (
                <tr key={queue.queue}>
                  <th scope="row">{queue.queue}</th>
                  <td>{queue.depth}</td>
                  <td>{queue.depthByPriority.urgent}</td>
                  <td>{queue.available}</td>
                  <td>{formatDateTime(queue.oldestDueAt)}</td>
                  <td className={queue.slaBreaches > 0 ? 'breach' : undefined}>{queue.slaBreaches}</td>
                  <td>
                    <Button
                      className="button"
                      isDisabled={next.isPending || queue.available === 0}
                      onPress={() => next.mutate(queue.queue)}
                    >
                      Next task from {queue.queue}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {next.isError && <ErrorNote error={next.error} />}
        {next.data === null && <p role="status">No task is waiting in that queue.</p>}
      </Section>
      <FindMember />
      <Section title="Tasks I hold" id="held-title">
        {held.isError && <ErrorNote error={held.error} />}
        {held.data?.length === 0 && <p>You hold no task. Take the next one from a queue.</p>}
        {held.data && held.data.length > 0 && (
          <ul className="task-list">
            {held.data.map((task) => (
              <li key={task.taskId} className={`priority-${task.priority}`}>
                <Link to={`/members/${task.memberId}?task=${task.taskId}`}>
                  <span className="badge">{task.priority}</span> <TaskWhy task={task} />, member{' '}
                  {task.memberId}, due {formatDateTime(task.dueAt)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
