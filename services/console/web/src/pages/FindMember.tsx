import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { api } from '../api';
import type { MemberSearchResult } from '../types';
import { ErrorNote, Section } from './common';

/**
 * Finding a member who calls, by who they say they are: last name and birth date, and the start of the first name
 * to narrow it. claims-intake searches the roster and audits the search and every member shown; the page links to
 * each member's view.
 */
export function FindMember() {
  const [lastName, setLastName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [firstName, setFirstName] = useState('');
  const [terms, setTerms] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['member-search', terms],
    queryFn: () => api<MemberSearchResult>(`/members?${terms ?? ''}`),
    enabled: terms !== null,
    staleTime: 0,
    gcTime: 0,
  });
  return (
    <Section title="Find a member" id="find-member-title">
      <Form
        aria-label="Find a member"
        className="stacked-form"
        onSubmit={(event) => {
          event.preventDefault();
          const query = new URLSearchParams({ lastName: lastName.trim(), birthDate: birthDate.trim() });
          if (firstName.trim() !== '') query.set('firstName', firstName.trim());
          setTerms(query.toString());
        }}
      >
        <TextField value={lastName} onChange={setLastName} isRequired maxLength={100}>
          <Label>Last name</Label>
          <Input autoComplete="off" />
        </TextField>
        <TextField value={birthDate} onChange={setBirthDate} isRequired maxLength={10}>
          <Label>Birth date (YYYY-MM-DD)</Label>
          <Input autoComplete="off" inputMode="numeric" placeholder="1961-03-02" />
        </TextField>
        <TextField value={firstName} onChange={setFirstName} maxLength={100}>
          <Label>First name (optional: narrows the search)</Label>
          <Input autoComplete="off" />
        </TextField>
        <Button type="submit" className="button" isDisabled={found.isFetching}>
          Find
        </Button>
      </Form>
      {found.isError && <ErrorNote error={found.error} />}
      {found.data?.members.length === 0 && (
        <p role="status">No member on the roster with that last name and birth date.</p>
      )}
      {found.data && found.data.members.length > 0 && (
        <ul aria-label="Members found">
          {found.data.members.map((member) => (
            <li key={member.memberId}>
              <Link to={`/members/${member.memberId}`}>
                {member.firstName} {member.lastName}
              </Link>
              , born {member.birthDate},{' '}
              {member.relationship === 'subscriber'
                ? 'subscriber'
                : `${member.relationship} of subscriber ${member.subscriberId}`}
              , member {member.memberId}
              {member.deceased ? ' (deceased)' : ''}
            </li>
          ))}
        </ul>
      )}
      {found.data?.more === true && <p role="status">Others match too: add the first name to narrow it.</p>}
    </Section>
  );
}
