import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { OPS_ROLES, type DeadLetterDetail } from '../ops-types';
import { hasRole, useUser } from '../session';
import { ErrorNote, formatDateTime, Forbidden, Section } from './common';
import { OpsReplayForm } from './OpsReplayForm';

/**
 * One dead letter: its failure, source and headers, and its payload with PHI masked. Revealing the payload needs a
 * reason, which the backend writes to the audit topic under the signed-in user before it answers; the revealed
 * payload lives in this page only (never cached), and leaving the page forgets it.
 */
export function OpsDeadLetterPage() {
  const user = useUser();
  const { topic = '', partition = '', offset = '' } = useParams();
  const allowed = hasRole(user, ...OPS_ROLES);
  const path = `/ops/dead-letters/${topic}/${partition}/${offset}`;
  const [reason, setReason] = useState('');
  const masked = useQuery({
    queryKey: ['ops', 'dead-letter', topic, partition, offset],
    queryFn: () => api<DeadLetterDetail>(path),
    enabled: allowed,
  });
  const reveal = useMutation({
    mutationFn: () => api<DeadLetterDetail>(`${path}/reveal`, { method: 'POST', body: { reason } }),
  });
  if (!allowed) return <Forbidden what="operations" />;
  const detail = reveal.data ?? masked.data;
  return (
    <>
      <p>
        <Link to="/ops">Operations</Link> ›{' '}
        <Link to={`/ops/dead-letters/${topic}`}>Dead letters of {topic}</Link>
      </p>
      <h1>
        Dead letter {partition}:{offset} of {topic}.dlq
      </h1>
      {masked.isError && <ErrorNote error={masked.error} />}
      {masked.isPending && <p aria-live="polite">Reading the dead letter…</p>}
      {detail && (
        <>
          <Section title="Failure" id="failure-title">
            <dl className="facts">
              <dt>Error code</dt>
              <dd>{detail.errorCode ?? '—'}</dd>
              <dt>Error</dt>
              <dd className="wrap">{detail.error ?? '—'}</dd>
              <dt>Source</dt>
              <dd>
                {detail.sourceTopic ?? '?'} partition {detail.sourcePartition ?? '?'} offset{' '}
                {detail.sourceOffset ?? '?'}
              </dd>
              <dt>Consumer group</dt>
              <dd>{detail.consumerGroup ?? '—'}</dd>
              <dt>First seen</dt>
              <dd>{formatDateTime(detail.failedAt)}</dd>
              <dt>Event</dt>
              <dd>
                {detail.eventType ?? '—'} {detail.eventId ?? ''}
              </dd>
              <dt>Key</dt>
              <dd>{detail.key ?? '—'}</dd>
            </dl>
          </Section>
          <Section
            title={detail.revealed ? 'Payload (revealed, audited)' : 'Payload (PHI masked)'}
            id="payload-title"
          >
            {detail.revealed && (
              <p role="alert" className="reveal-warning">
                Protected health information is shown. This reveal was recorded under your name with your
                reason.
              </p>
            )}
            <div className="payload" role="region" aria-label="Payload" tabIndex={0}>
              <pre>{JSON.stringify(detail.payload, null, 2)}</pre>
            </div>
            <details className="headers">
              <summary>Headers</summary>
              <div className="payload" role="region" aria-label="Headers" tabIndex={0}>
                <pre>{JSON.stringify(detail.headers, null, 2)}</pre>
              </div>
            </details>
            {!detail.revealed && (
              <Form
                className="inline-form"
                aria-label="Reveal PHI"
                onSubmit={(event) => {
                  event.preventDefault();
                  if (reason.trim() !== '') reveal.mutate();
                }}
              >
                <TextField value={reason} onChange={setReason} isRequired maxLength={500}>
                  <Label>Reason for revealing PHI (audited)</Label>
                  <Input />
                </TextField>
                <Button
                  type="submit"
                  className="button"
                  isDisabled={reason.trim() === '' || reveal.isPending}
                >
                  Reveal PHI
                </Button>
              </Form>
            )}
            {reveal.isError && <ErrorNote error={reveal.error} />}
          </Section>
          <Section title="Replay" id="replay-title">
            <p className="muted">
              Republishes this message to {detail.sourceTopic ?? 'its source topic'}, once (the replay ledger
              skips a dead letter already replayed).
            </p>
            <OpsReplayForm
              topic={topic}
              position={{ partition: Number(partition), offset }}
              label="Replay this dead letter"
            />
          </Section>
        </>
      )}
    </>
  );
}
