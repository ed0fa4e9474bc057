import { phq9SafetySignal, validateAnswers } from '@care/clinical';
import {
  SCREENING_INSTRUMENTS,
  validateSubmission,
  type ScreeningInstrument,
  type ValidationIssue,
} from '@care/contracts';
import { SubmitScreeningRequest } from '../dto/submit-screening.dto';
import { INSTRUMENT_DEFINITIONS } from '../scoring/instrument-definitions';
import { futureInstantIssue, incompleteScreeningOf, type SubmissionCheck } from './screening-submission';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isInstrument = (value: unknown): value is ScreeningInstrument =>
  (SCREENING_INSTRUMENTS as readonly unknown[]).includes(value);

/**
 * Checks a `POST /v1/screenings` body: the request fields (unknown fields rejected), then every answer against the
 * instrument definition, and reports all issues at once: `answers.<item>` names each missing, out-of-range,
 * unknown or duplicated item. Never throws for bad input.
 */
export function parseCoachSubmission(body: unknown, now: Date): SubmissionCheck {
  const request = validateSubmission(SubmitScreeningRequest, body, { forbidUnknownFields: true });
  const issues: ValidationIssue[] = request.ok ? [] : [...request.issues];
  if (!isRecord(body)) return { ok: false, issues };

  const instrument = isInstrument(body['instrument']) ? body['instrument'] : undefined;
  const rawAnswers = isRecord(body['answers']) ? body['answers'] : undefined;
  const validated =
    instrument === undefined || rawAnswers === undefined
      ? undefined
      : validateAnswers(INSTRUMENT_DEFINITIONS[instrument], rawAnswers);
  if (validated !== undefined && !validated.ok) {
    for (const issue of validated.issues)
      issues.push({ field: `answers.${issue.item}`, messages: [issue.message] });
  }
  if (request.ok) {
    const future = futureInstantIssue('completedAt', request.value.completedAt, now);
    if (future !== undefined) issues.push(future);
  }

  if (issues.length > 0 || !request.ok || validated === undefined || !validated.ok) {
    const safetySignal =
      instrument === 'phq-9' && rawAnswers !== undefined ? phq9SafetySignal(rawAnswers) : undefined;
    const incomplete = incompleteScreeningOf(
      safetySignal,
      {
        screeningId: body['screeningId'],
        memberId: body['memberId'],
        completedAt: body['completedAt'],
        source: 'coach',
        received: body,
      },
      now,
    );
    return {
      ok: false,
      issues,
      ...(safetySignal !== undefined && { safetySignal }),
      ...(incomplete !== undefined && { incomplete }),
    };
  }
  const { value } = request;
  return {
    ok: true,
    submission: {
      screeningId: value.screeningId,
      memberId: value.memberId,
      answers: validated.answers,
      sex: value.sex ?? 'unknown',
      completedAt: new Date(value.completedAt).toISOString(),
      source: 'coach',
    },
  };
}
