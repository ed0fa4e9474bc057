import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { api } from '../api';
import { ErrorNote } from './common';

/** The care program the console enrolls in (casework's CARE_PROGRAM_ID default). */
export const CARE_PROGRAM_ID = 'chronic-condition-management';

/** Record the member's answer to the care program: enrolled, or a decline. */
export function EnrollmentActions({ memberId }: { memberId: string }) {
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (status: 'enrolled' | 'declined') =>
      api<{ result: string; status: string }>(`/members/${encodeURIComponent(memberId)}/enrollment`, {
        method: 'POST',
        body: { programId: CARE_PROGRAM_ID, status, source: 'outreach' },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['member', memberId] }),
  });
  return (
    <div className="actions">
      <Button className="button" isDisabled={change.isPending} onPress={() => change.mutate('enrolled')}>
        Enroll in care program
      </Button>
      <Button
        className="button secondary"
        isDisabled={change.isPending}
        onPress={() => change.mutate('declined')}
      >
        Record a decline
      </Button>
      {change.isError && <ErrorNote error={change.error} />}
      {change.data && (
        <p role="status">
          Enrollment {change.data.result}: {change.data.status}.
        </p>
      )}
    </div>
  );
}
