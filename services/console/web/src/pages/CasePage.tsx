import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { hasRole, useUser, WORKER_ROLES } from '../session';
import type { CaseDetail } from '../types';
import { Choice, plainOptions } from './Choice';
import { ErrorNote, Forbidden, formatDateTime, Section } from './common';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** One advocacy case: what was asked, its status history, the next step, and the bill negotiation. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const user = useUser();
  const allowed = hasRole(user, ...WORKER_ROLES);
  const detail = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => api<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`),
    enabled: allowed,
  });
  if (!allowed) return <Forbidden what="advocacy cases" />;
  if (detail.isError) return <ErrorNote error={detail.error} />;
  if (detail.data === undefined) return <p aria-live="polite">Loading case…</p>;
  const item = detail.data;
  return (
    <>
      <h1>
        Case {item.caseId} <span className="muted">{item.status}</span>
      </h1>
      <p>
        For member <Link to={`/members/${item.memberId}`}>{item.memberId}</Link> ({item.relationship});{' '}
        {item.serviceId} ({item.category}), {item.queue} queue: {item.routingReason}. Opened by{' '}
        {item.openedBy} on {formatDateTime(item.openedAt)} by {item.channel}.
      </p>
      <Section title="Request" id="request-title">
        <p>{item.summary}</p>
        {item.bill && (
          <p>
            Bill: {money.format(item.bill.amount)}, {item.bill.coveredByPlan ? 'covered' : 'not covered'} by
            the plan, {item.bill.inNetworkProvider ? 'in' : 'out of'} network.
          </p>
        )}
      </Section>
      <Section title="Status history" id="history-title">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Who</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {item.history.map((entry) => (
              <tr key={`${entry.at}-${entry.to}`}>
                <th scope="row">{formatDateTime(entry.at)}</th>
                <td>{entry.from ?? '—'}</td>
                <td>{entry.to}</td>
                <td>{entry.actor}</td>
                <td>{entry.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {item.nextStatuses.length > 0 && <StatusForm item={item} />}
      </Section>
      {item.serviceId === 'bill-saver' && (
        <Section title="Bill negotiation" id="negotiation-title">
          {item.billNegotiation ? (
            <dl className="facts">
              <dt>Billed</dt>
              <dd>{money.format(item.billNegotiation.billedAmount)}</dd>
              <dt>Negotiated</dt>
              <dd>{money.format(item.billNegotiation.negotiatedAmount)}</dd>
              <dt>Savings</dt>
              <dd>{money.format(item.billNegotiation.savings)}</dd>
              <dt>Payment terms</dt>
              <dd>{item.billNegotiation.paymentTerms}</dd>
              <dt>Provider sign-off</dt>
              <dd>
                {item.billNegotiation.providerSignOff.signedBy},{' '}
                {formatDateTime(item.billNegotiation.providerSignOff.signedAt)} (document{' '}
                {item.billNegotiation.providerSignOff.documentId})
              </dd>
            </dl>
          ) : (
            <NegotiationForm item={item} />
          )}
        </Section>
      )}
    </>
  );
}

function StatusForm({ item }: { item: CaseDetail }) {
  const client = useQueryClient();
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [resolution, setResolution] = useState('completed');
  const change = useMutation({
    mutationFn: (body: unknown) => api<unknown>(`/cases/${item.caseId}/status`, { method: 'POST', body }),
    onSuccess: async () => {
      setStatus('');
      setReason('');
      await client.invalidateQueries({ queryKey: ['case', item.caseId] });
    },
  });
  return (
    <Form
      aria-label="Move the case on"
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate({ status, reason, ...(status === 'resolved' ? { resolution } : {}) });
      }}
    >
      <Choice
        label="Next status"
        value={status}
        onChange={setStatus}
        options={plainOptions(item.nextStatuses)}
        placeholder="Choose"
      />
      {status === 'resolved' && (
        <Choice
          label="Resolution"
          value={resolution}
          onChange={setResolution}
          options={plainOptions(['completed', 'unable-to-resolve'])}
        />
      )}
      <TextField value={reason} onChange={setReason} isRequired maxLength={500}>
        <Label>Reason</Label>
        <Input />
      </TextField>
      <Button
        type="submit"
        className="button"
        isDisabled={status === '' || reason.trim() === '' || change.isPending}
      >
        Change status
      </Button>
      {change.isError && <ErrorNote error={change.error} />}
    </Form>
  );
}

function NegotiationForm({ item }: { item: CaseDetail }) {
  const client = useQueryClient();
  const [negotiated, setNegotiated] = useState('');
  const [terms, setTerms] = useState('');
  const [summary, setSummary] = useState('');
  const [signedBy, setSignedBy] = useState('');
  const [documentId, setDocumentId] = useState('');
  const record = useMutation({
    mutationFn: (body: unknown) =>
      api<unknown>(`/cases/${item.caseId}/bill-negotiation`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['case', item.caseId] }),
  });
  const billed = item.bill?.amount ?? 0;
  const amount = Number(negotiated);
  const savings = negotiated === '' || Number.isNaN(amount) ? undefined : billed - amount;
  return (
    <Form
      aria-label="Record the bill negotiation"
      className="stacked-form"
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate({
          negotiatedAmount: amount,
          paymentTerms: terms,
          writtenSummary: summary,
          providerSignOff: { signedBy, signedAt: new Date().toISOString(), documentId },
        });
      }}
    >
      <TextField value={negotiated} onChange={setNegotiated} isRequired inputMode="decimal">
        <Label>Negotiated amount ($)</Label>
        <Input />
      </TextField>
      {savings !== undefined && (
        <p role="status">
          Savings: {money.format(savings)} of {money.format(billed)}
          {savings < 0 ? ' (more than billed: check the amount)' : ''}.
        </p>
      )}
      <TextField value={terms} onChange={setTerms} isRequired maxLength={1000}>
        <Label>Payment terms</Label>
        <Input />
      </TextField>
      <TextField value={summary} onChange={setSummary} isRequired maxLength={8000}>
        <Label>Written summary for the member</Label>
        <TextArea rows={3} />
      </TextField>
      <TextField value={signedBy} onChange={setSignedBy} isRequired maxLength={200}>
        <Label>Signed off by (provider&apos;s representative)</Label>
        <Input />
      </TextField>
      <TextField value={documentId} onChange={setDocumentId} isRequired>
        <Label>Sign-off document id</Label>
        <Input />
      </TextField>
      <Button
        type="submit"
        className="button"
        isDisabled={record.isPending || savings === undefined || savings < 0}
      >
        Record negotiation
      </Button>
      {record.isError && <ErrorNote error={record.error} />}
    </Form>
  );
}
