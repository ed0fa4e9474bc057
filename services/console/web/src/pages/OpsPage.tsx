import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { OPS_ROLES, type OpsLag, type OpsTopics } from '../ops-types';
import { hasRole, useUser } from '../session';
import { ErrorNote, formatDateTime, Forbidden, Section } from './common';

const OpsLagChart = lazy(() => import('./OpsLagChart').then((module) => ({ default: module.OpsLagChart })));

const number = new Intl.NumberFormat('en-US');

/** The ops team's view of the platform's Kafka: topics with partitions, end offsets and rates; lag over time. */
export function OpsPage() {
  const user = useUser();
  const allowed = hasRole(user, ...OPS_ROLES);
  const topics = useQuery({
    queryKey: ['ops', 'topics'],
    queryFn: () => api<OpsTopics>('/ops/topics'),
    enabled: allowed,
    // as often as the backend samples (CONSOLE_OPS_SAMPLE_SECONDS)
    refetchInterval: (query) => (query.state.data?.intervalSeconds ?? 15) * 1000,
  });
  const lag = useQuery({
    queryKey: ['ops', 'lag'],
    queryFn: () => api<OpsLag>('/ops/lag'),
    enabled: allowed,
    refetchInterval: (query) => (query.state.data?.intervalSeconds ?? 15) * 1000,
  });
  if (!allowed) return <Forbidden what="operations" />;
  const rows = topics.data?.topics.filter((row) => row.kind !== 'dead-letter') ?? [];
  return (
    <>
      <h1>Operations</h1>
      <Section title="Topics" id="topics-title">
        {topics.isError && <ErrorNote error={topics.error} />}
        {topics.isPending && <p aria-live="polite">Reading the topics…</p>}
        {topics.data && (
          <>
            <p className="muted">
              Sampled {formatDateTime(topics.data.sampledAt)}, every {topics.data.intervalSeconds} s while
              this page is open;{' '}
              {topics.data.rateWindowSeconds === null
                ? 'rates show from the second sample.'
                : `rates over the last ${Math.round(topics.data.rateWindowSeconds)} s.`}
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Partitions</th>
                  <th scope="col">End offset</th>
                  <th scope="col">Messages/s</th>
                  <th scope="col">Dead letters</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.topic}>
                    <th scope="row">{row.topic}</th>
                    <td>{row.kind}</td>
                    <td className={row.present ? undefined : 'breach'}>
                      {row.present ? row.partitions : 'missing'}
                      {row.present &&
                        row.expectedPartitions !== null &&
                        row.expectedPartitions !== row.partitions &&
                        ` (catalog: ${row.expectedPartitions})`}
                    </td>
                    <td>{number.format(row.endOffset)}</td>
                    <td>{row.messagesPerSecond === null ? '—' : row.messagesPerSecond}</td>
                    <td>
                      {row.deadLetters === null ? (
                        '—'
                      ) : (
                        <Link
                          to={`/ops/dead-letters/${row.topic}`}
                          aria-label={`${row.deadLetters} dead letters of ${row.topic}`}
                          className={row.deadLetters > 0 ? 'breach' : undefined}
                        >
                          {number.format(row.deadLetters)}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Section>
      <Section title="Consumer lag" id="lag-title">
        {lag.isError && <ErrorNote error={lag.error} />}
        {lag.isPending && <p aria-live="polite">Reading the consumer groups…</p>}
        {lag.data && (
          <>
            <Suspense fallback={<p aria-live="polite">Loading the lag chart…</p>}>
              <OpsLagChart history={lag.data.history} />
            </Suspense>
            {lag.data.committedNothing.length > 0 && (
              <p className="muted">Committed nothing yet: {lag.data.committedNothing.join(', ')}</p>
            )}
            <table aria-label="Lag per consumer group">
              <thead>
                <tr>
                  <th scope="col">Consumer group</th>
                  <th scope="col">Lag (messages)</th>
                </tr>
              </thead>
              <tbody>
                {lag.data.groups.map((group) => (
                  <tr key={group.group}>
                    <th scope="row">{group.group}</th>
                    <td className={group.lag > 0 ? 'breach' : undefined}>{number.format(group.lag)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {lag.data.lagging.length > 0 && (
              <>
                <h3>Partitions that lag</h3>
                <table aria-label="Partitions that lag">
                  <thead>
                    <tr>
                      <th scope="col">Group</th>
                      <th scope="col">Topic</th>
                      <th scope="col">Partition</th>
                      <th scope="col">Committed</th>
                      <th scope="col">End</th>
                      <th scope="col">Lag</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lag.data.lagging.map((row) => (
                      <tr key={`${row.group}/${row.topic}/${row.partition}`}>
                        <td>{row.group}</td>
                        <td>{row.topic}</td>
                        <td>{row.partition}</td>
                        <td>{row.committed ?? 'nothing'}</td>
                        <td>{row.endOffset}</td>
                        <td>{number.format(row.lag)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
      </Section>
    </>
  );
}
