import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Label, RadioButton, RadioField, RadioGroup } from 'react-aria-components';
import { api } from '../api';
import type { InstrumentDefinition } from '../types';
import { ErrorNote } from './common';

interface ScreeningAnswer {
  readonly status: string;
  readonly total?: number;
  readonly severity?: string;
  readonly positive?: boolean;
  readonly safetyFlag?: boolean;
  readonly priority?: string;
  readonly message?: string;
}

/**
 * PHQ-9 or AUDIT-C administered by the coach: every item with its answer options, all answered before it can be
 * sent, and the result (total, severity, positive) at once. A self-harm answer (PHQ-9 item 9 above 0) shows an
 * urgent banner: behavioral-screening routes it as urgent and casework puts its task at the head of the queue.
 */
export function ScreeningForm({ memberId }: { memberId: string }) {
  const client = useQueryClient();
  const instruments = useQuery({
    queryKey: ['instruments'],
    queryFn: () => api<{ instruments: InstrumentDefinition[] }>('/instruments'),
    staleTime: Infinity,
  });
  const [instrumentId, setInstrumentId] = useState<'phq-9' | 'audit-c'>('phq-9');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<number[]>([]);
  const submit = useMutation({
    mutationFn: (body: unknown) => api<ScreeningAnswer>('/screenings', { method: 'POST', body }),
    onSuccess: async () => {
      setAnswers({});
      await client.invalidateQueries();
    },
  });
  const instrument = instruments.data?.instruments.find((candidate) => candidate.id === instrumentId);
  const result = submit.data;

  return (
    <div className="screening">
      <h3>Administer a screening</h3>
      {instruments.isError && <ErrorNote error={instruments.error} />}
      <RadioGroup
        value={instrumentId}
        onChange={(value) => {
          setInstrumentId(value as 'phq-9' | 'audit-c');
          setAnswers({});
          setMissing([]);
          submit.reset();
        }}
        orientation="horizontal"
        className="radio-row"
      >
        <Label>Instrument</Label>
        <RadioField value="phq-9">
          <RadioButton className="radio">PHQ-9</RadioButton>
        </RadioField>
        <RadioField value="audit-c">
          <RadioButton className="radio">AUDIT-C</RadioButton>
        </RadioField>
      </RadioGroup>
      {instrument && (
        <Form
          aria-label={instrument.title}
          onSubmit={(event) => {
            event.preventDefault();
            const unanswered = instrument.items
              .filter((item) => answers[String(item.number)] === undefined)
              .map((item) => item.number);
            setMissing(unanswered);
            if (unanswered.length > 0) return;
            submit.mutate({
              screeningId: crypto.randomUUID(),
              memberId,
              instrument: instrument.id,
              answers: Object.fromEntries(
                Object.entries(answers).map(([item, value]) => [item, Number(value)]),
              ),
              completedAt: new Date().toISOString(),
            });
          }}
        >
          <ol className="items">
            {instrument.items.map((item) => (
              <li key={item.number}>
                <RadioGroup
                  value={answers[String(item.number)] ?? null}
                  onChange={(value) => {
                    setAnswers((current) => ({ ...current, [String(item.number)]: value }));
                    setMissing((current) => current.filter((number) => number !== item.number));
                  }}
                  isInvalid={missing.includes(item.number)}
                  className="item"
                >
                  <Label>
                    {item.number}. {item.text}
                  </Label>
                  <div className="options">
                    {item.answers.map((answer) => (
                      <RadioField key={answer.value} value={String(answer.value)}>
                        <RadioButton className="radio">
                          {answer.display} ({answer.value})
                        </RadioButton>
                      </RadioField>
                    ))}
                  </div>
                </RadioGroup>
              </li>
            ))}
          </ol>
          {missing.length > 0 && (
            <p role="alert" className="error">
              Answer every item before sending: item{missing.length > 1 ? 's' : ''} {missing.join(', ')} not
              answered.
            </p>
          )}
          <Button type="submit" className="button" isDisabled={submit.isPending}>
            Score and save {instrument.id === 'phq-9' ? 'PHQ-9' : 'AUDIT-C'}
          </Button>
        </Form>
      )}
      {submit.isError && <ErrorNote error={submit.error} />}
      {result && (
        <div className="result" role="status">
          {result.safetyFlag && (
            <p role="alert" className="urgent-banner">
              Self-harm answer: an urgent follow-up task is at the head of the queue. Follow your safety
              protocol now.
            </p>
          )}
          {result.total !== undefined ? (
            <p>
              Result: total <strong>{result.total}</strong>
              {result.severity ? `, severity ${result.severity}` : ''},{' '}
              {result.positive ? 'positive' : 'negative'}
              {result.priority ? ` (priority ${result.priority})` : ''}.
            </p>
          ) : (
            <p>{result.message ?? `Saved (${result.status}).`}</p>
          )}
        </div>
      )}
    </div>
  );
}
