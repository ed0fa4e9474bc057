import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  CheckboxButton,
  CheckboxField,
  Form,
  Input,
  Label,
  NumberField,
} from 'react-aria-components';
import { api } from '../api';
import type { ReplayReport } from '../ops-types';
import { ErrorNote } from './common';

const OUTCOME_LABELS: Record<string, string> = {
  replayed: 'replayed',
  'would-replay': 'would be replayed (dry run)',
  'already-replayed': 'already replayed (skipped)',
  'no-source': 'no source topic (cannot be replayed)',
};

/** What a replay did, in one sentence. */
function summary(report: ReplayReport): string {
  const count = (outcome: string): number => report.items.filter((item) => item.outcome === outcome).length;
  if (report.dryRun)
    return `Dry run: ${count('would-replay')} would be replayed, ${count('already-replayed')} already were. Nothing was published.`;
  return `Replayed ${count('replayed')}; ${count('already-replayed')} already replayed, ${count('no-source')} without a source topic.`;
}

/**
 * Replays one dead letter or all of a topic's, at a rate, or as a dry run (on by default): the console's replay
 * route, which runs care-ops' replay through the ledger (a dead letter is republished once, however often asked).
 */
export function OpsReplayForm({
  topic,
  position,
  label,
}: {
  topic: string;
  /** One dead letter; all of the topic's when absent. */
  position?: { partition: number; offset: string };
  label: string;
}) {
  const client = useQueryClient();
  const [rate, setRate] = useState(10);
  const [dryRun, setDryRun] = useState(true);
  const replay = useMutation({
    mutationFn: () =>
      api<ReplayReport>(`/ops/dead-letters/${topic}/replay`, {
        method: 'POST',
        body: {
          ...(position === undefined ? { all: true } : { positions: [position] }),
          ratePerSecond: rate,
          dryRun,
        },
      }),
    onSuccess: async (report) => {
      if (!report.dryRun) await client.invalidateQueries({ queryKey: ['ops'] });
    },
  });
  return (
    <div className="replay">
      <Form
        className="inline-form"
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          replay.mutate();
        }}
      >
        <NumberField value={rate} onChange={setRate} minValue={1} maxValue={1000} step={1} isRequired>
          <Label>Rate (messages/s)</Label>
          <Input />
        </NumberField>
        <CheckboxField isSelected={dryRun} onChange={setDryRun}>
          <CheckboxButton className="ops-checkbox">
            {({ isSelected }) => (
              <>
                <span className="ops-checkbox-box" aria-hidden="true">
                  {isSelected ? '✓' : ''}
                </span>
                Dry run (publish nothing)
              </>
            )}
          </CheckboxButton>
        </CheckboxField>
        <Button type="submit" className="button" isDisabled={replay.isPending || !(rate >= 1)}>
          {dryRun ? `${label}: dry run` : label}
        </Button>
      </Form>
      {replay.isPending && <p aria-live="polite">Replaying…</p>}
      {replay.isError && <ErrorNote error={replay.error} />}
      {replay.data && (
        <div role="status">
          <p>{summary(replay.data)}</p>
          <table aria-label="Replay result">
            <thead>
              <tr>
                <th scope="col">Dead letter</th>
                <th scope="col">Source topic</th>
                <th scope="col">Outcome</th>
                <th scope="col">New offset</th>
              </tr>
            </thead>
            <tbody>
              {replay.data.items.map((item) => (
                <tr key={item.replayOf}>
                  <th scope="row">
                    {item.partition}:{item.offset}
                  </th>
                  <td>{item.sourceTopic ?? '—'}</td>
                  <td>{OUTCOME_LABELS[item.outcome] ?? item.outcome}</td>
                  <td>{item.newOffset ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
