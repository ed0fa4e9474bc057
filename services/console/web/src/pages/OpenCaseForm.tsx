import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  CheckboxButton,
  CheckboxField,
  Form,
  Input,
  Label,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useNavigate } from 'react-router';
import { api } from '../api';
import type { AdvocacyCatalog, MemberRecordView } from '../types';
import { Choice, plainOptions } from './Choice';
import { ErrorNote } from './common';

/**
 * Opens an advocacy case for the member or an eligible family member: who may be helped comes from the roster's
 * relationships (the program's rule); a bill negotiation is offered only for non-covered bills over the threshold.
 * casework checks both again and names every bad field.
 */
export function OpenCaseForm({ record }: { record: MemberRecordView }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const catalog = useQuery({
    queryKey: ['advocacy-catalog'],
    queryFn: () => api<AdvocacyCatalog>('/advocacy/catalog'),
    staleTime: Infinity,
  });
  const [person, setPerson] = useState(record.member.memberId);
  const [serviceId, setServiceId] = useState('');
  const [channel, setChannel] = useState('phone');
  const [summary, setSummary] = useState('');
  const [amount, setAmount] = useState('');
  const [covered, setCovered] = useState(false);
  const [inNetwork, setInNetwork] = useState(false);
  const open = useMutation({
    mutationFn: (body: unknown) => api<{ caseId: string }>('/cases', { method: 'POST', body }),
    onSuccess: async (opened) => {
      await client.invalidateQueries({ queryKey: ['member'] });
      await navigate(`/cases/${opened.caseId}`);
    },
  });
  if (catalog.data === undefined) return catalog.isError ? <ErrorNote error={catalog.error} /> : null;
  const eligible = catalog.data.eligibleRelationships;
  const people = [
    {
      id: record.member.memberId,
      name: `${record.member.firstName} ${record.member.lastName} (${record.member.relationship})`,
      relationship: record.member.relationship,
    },
    ...record.household.map((other) => ({
      id: other.memberId,
      name: `${other.firstName} ${other.lastName} (${other.relationship})`,
      relationship: other.relationship,
    })),
  ];
  const eligiblePeople = people.filter((candidate) => eligible.includes(candidate.relationship));
  const notServed = people.filter((candidate) => !eligible.includes(candidate.relationship));
  const billSaver = serviceId === 'bill-saver';
  const billAmount = Number(amount);
  const billNote =
    billSaver && amount !== ''
      ? covered
        ? 'The plan covers this bill: bill negotiation is for non-covered bills only.'
        : billAmount <= catalog.data.billNegotiationThreshold
          ? `Bills of $${catalog.data.billNegotiationThreshold} or less are not negotiated.`
          : undefined
      : undefined;

  return (
    <Form
      aria-label="Open an advocacy case"
      className="stacked-form"
      onSubmit={(event) => {
        event.preventDefault();
        open.mutate({
          caseId: `C-${crypto.randomUUID()}`,
          memberId: person,
          serviceId,
          channel,
          summary,
          ...(billSaver
            ? { bill: { amount: billAmount, coveredByPlan: covered, inNetworkProvider: inNetwork } }
            : {}),
        });
      }}
    >
      <h3>Open an advocacy case</h3>
      <Choice label="Person helped" value={person} onChange={setPerson} options={eligiblePeople} />
      {notServed.length > 0 && (
        <p className="muted">Not served by advocacy: {notServed.map((other) => other.name).join(', ')}.</p>
      )}
      <Choice
        label="Service"
        value={serviceId}
        onChange={setServiceId}
        options={catalog.data.services.map((service) => ({
          id: service.id,
          name: `${service.name} (${service.category})`,
        }))}
      />
      <Choice
        label="Channel"
        value={channel}
        onChange={setChannel}
        options={plainOptions(['phone', 'web', 'email', 'referral'])}
      />
      <TextField value={summary} onChange={setSummary} isRequired maxLength={4000}>
        <Label>The request, in the member&apos;s words</Label>
        <TextArea rows={3} />
      </TextField>
      {billSaver && (
        <fieldset>
          <legend>The bill</legend>
          <TextField value={amount} onChange={setAmount} isRequired inputMode="decimal">
            <Label>Amount billed ($)</Label>
            <Input />
          </TextField>
          <CheckboxField isSelected={covered} onChange={setCovered}>
            <CheckboxButton className="checkbox">Covered by the plan</CheckboxButton>
          </CheckboxField>
          <CheckboxField isSelected={inNetwork} onChange={setInNetwork}>
            <CheckboxButton className="checkbox">In-network provider</CheckboxButton>
          </CheckboxField>
          {billNote && <p role="status">{billNote}</p>}
        </fieldset>
      )}
      <Button
        type="submit"
        className="button"
        isDisabled={open.isPending || serviceId === '' || summary.trim() === '' || billNote !== undefined}
      >
        Open case
      </Button>
      {open.isError && <ErrorNote error={open.error} />}
    </Form>
  );
}
