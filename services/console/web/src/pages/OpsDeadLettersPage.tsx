import { useQuery } from '@tanstack/react-query';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api';
import { OPS_ROLES, type DeadLetterRecord, type OpsTopics } from '../ops-types';
import { hasRole, useUser } from '../session';
import { ErrorNote, formatDateTime, Forbidden, Section } from './common';
import { OpsReplayForm } from './OpsReplayForm';

/** A topic's dead letters: why each failed, where it came from, when; replay of all of them. */
export function OpsDeadLettersPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { topic = '' } = useParams();
  const allowed = hasRole(user, ...OPS_ROLES);
  const topics = useQuery({
    queryKey: ['ops', 'topics'],
    queryFn: () => api<OpsTopics>('/ops/topics'),
    enabled: allowed,
  });
  const deadLetters = useQuery({
    queryKey: ['ops', 'dead-letters', topic],
    queryFn: () => api<{ topic: string; deadLetters: DeadLetterRecord[] }>(`/ops/dead-letters/${topic}`),
    enabled: allowed && topic !== '',
  });
  if (!allowed) return <Forbidden what="operations" />;
  const catalog = topics.data?.topics.filter((row) => row.kind === 'catalog') ?? [];
  const records = deadLetters.data?.deadLetters ?? [];
  return (
    <>
      <p>
        <Link to="/ops">Operations</Link>
      </p>
      <h1>Dead letters of {topic}</h1>
      {catalog.length > 0 && (
        <Select
          className="inline-form"
          value={topic}
          onChange={(key) => {
            if (key !== null && key !== topic) void navigate(`/ops/dead-letters/${String(key)}`);
          }}
        >
          <Label>Topic</Label>
          <Button className="button secondary">
            <SelectValue />
            <span aria-hidden="true"> ▾</span>
          </Button>
          <Popover>
            <ListBox className="listbox">
              {catalog.map((row) => (
                <ListBoxItem key={row.topic} id={row.topic} className="listbox-item">
                  {`${row.topic} (${row.deadLetters ?? 0})`}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
      )}
      <Section title={`${records.length} dead letters on ${topic}.dlq`} id="dead-letters-title">
        {deadLetters.isError && <ErrorNote error={deadLetters.error} />}
        {deadLetters.isPending && <p aria-live="polite">Reading the dead letters…</p>}
        {deadLetters.data && records.length === 0 && <p>No dead letters.</p>}
        {records.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Partition:offset</th>
                <th scope="col">Error code</th>
                <th scope="col">Error</th>
                <th scope="col">Source (topic/partition/offset)</th>
                <th scope="col">Consumer group</th>
                <th scope="col">First seen</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={`${record.partition}:${record.offset}`}>
                  <th scope="row">
                    <Link
                      to={`/ops/dead-letters/${topic}/${record.partition}/${record.offset}`}
                      aria-label={`Dead letter ${record.partition}:${record.offset}`}
                    >
                      {record.partition}:{record.offset}
                    </Link>
                  </th>
                  <td>{record.errorCode ?? '—'}</td>
                  <td className="wrap">{record.error ?? '—'}</td>
                  <td>
                    {record.sourceTopic ?? '?'}/{record.sourcePartition ?? '?'}/{record.sourceOffset ?? '?'}
                  </td>
                  <td>{record.consumerGroup ?? '—'}</td>
                  <td>{formatDateTime(record.failedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      {records.length > 0 && (
        <Section title="Replay all" id="replay-all-title">
          <p className="muted">
            Republishes every dead letter of {topic} to its source topic, once each (a dead letter already
            replayed is skipped).
          </p>
          <OpsReplayForm topic={topic} label="Replay all" />
        </Section>
      )}
    </>
  );
}
