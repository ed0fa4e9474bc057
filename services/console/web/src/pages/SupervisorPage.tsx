import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { hasRole, useUser } from '../session';
import type { QueueStats } from '../types';
import { ErrorNote, Forbidden, Section } from './common';

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
