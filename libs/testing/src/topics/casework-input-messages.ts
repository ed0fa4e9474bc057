import { randomUUID } from 'node:crypto';
import { TOPICS } from '@care/contracts';
import { domainEventMessage } from './domain-event-message';

/** A domain event message with its event id (for redelivery tests). */
export interface TestEventMessage {
  readonly id: string;
  readonly key: string;
  readonly value: string;
}

const message = (type: string, memberId: string, data: object, id: string = randomUUID()): TestEventMessage => ({
  id,
  ...domainEventMessage(type, memberId, data, id),
});

/** `member-identified` for diabetes, as condition-identification publishes it. */
export const memberIdentifiedMessage = (
  memberId: string,
  options: { identificationId?: string | undefined; at?: string | undefined; id?: string | undefined } = {},
): TestEventMessage =>
  message(
    TOPICS.memberIdentified.name,
    memberId,
    {
      identificationId: options.identificationId ?? randomUUID(),
      memberId,
      conditionId: 'diabetes',
      conditionName: 'Diabetes',
      ruleId: 'diabetes',
      ruleVersion: 'ccw-2023.1',
      catalogVersion: 'conditions-2026.1',
      basis: 'claims',
      firstMetOn: '2026-10-01',
      identifiedAt: options.at ?? new Date().toISOString(),
      trigger: 'claim',
      evidence: { qualifyingClaims: [], supportingFills: [], selfReported: [] },
    },
    options.id,
  );

/** `member-identification-retracted` of that identification (evidence voided). */
export const identificationRetractedMessage = (memberId: string, identificationId: string): TestEventMessage =>
  message(TOPICS.memberIdentificationRetracted.name, memberId, {
    identificationId,
    memberId,
    conditionId: 'diabetes',
    ruleId: 'diabetes',
    ruleVersion: 'ccw-2023.1',
    reason: 'evidence-voided',
    firstMetOn: '2026-10-01',
    retractedAt: new Date().toISOString(),
    trigger: 'claim',
    exclusionClaims: [],
  });

/** `care-gap-detected` (diabetes eye exam), as care-gaps publishes it. */
export const careGapDetectedMessage = (
  memberId: string,
  options: { gapId?: string | undefined; at?: string | undefined; id?: string | undefined } = {},
): TestEventMessage => {
  const at = options.at ?? new Date().toISOString();
  return message(
    TOPICS.careGapDetected.name,
    memberId,
    {
      gapId: options.gapId ?? randomUUID(),
      memberId,
      ruleId: 'diabetes-eye-exam',
      ruleVersion: '2026.1',
      gapName: 'Diabetes eye exam',
      kind: 'service',
      reason: 'no-service',
      openedOn: at.slice(0, 10),
      detectedAt: at,
      evidenceClaimIds: [],
    },
    options.id,
  );
};

/** `care-gap-closed` of that gap (satisfied by a claim). */
export const careGapClosedMessage = (memberId: string, gapId: string): TestEventMessage =>
  message(TOPICS.careGapClosed.name, memberId, {
    gapId,
    memberId,
    ruleId: 'diabetes-eye-exam',
    ruleVersion: '2026.1',
    reason: 'satisfied',
    openedOn: '2026-11-01',
    closedAt: new Date().toISOString(),
    closingClaimIds: ['C-1'],
  });

/** A scored PHQ-9 on `screening-completed` (`safetyFlag`: item 9 answered above 0). */
export const phq9CompletedMessage = (
  memberId: string,
  options: {
    positive: boolean;
    safetyFlag: boolean;
    screeningId?: string | undefined;
    at?: string | undefined;
    id?: string | undefined;
  },
): TestEventMessage =>
  message(
    TOPICS.screeningCompleted.name,
    memberId,
    {
      screeningId: options.screeningId ?? `S-${randomUUID()}`,
      memberId,
      instrument: 'phq-9',
      instrumentVersion: '1.0.0',
      panelLoinc: '44249-1',
      totalLoinc: '44261-6',
      total: options.positive ? 14 : 3,
      severity: options.positive ? 'moderate' : 'minimal',
      positive: options.positive,
      positiveCutoff: 10,
      safetyFlag: options.safetyFlag,
      priority: options.safetyFlag ? 'urgent' : options.positive ? 'high' : 'routine',
      answers: [
        { item: 1, loinc: '44250-9', value: 2, answerLoinc: 'LA6570-1' },
        { item: 9, loinc: '44260-8', value: options.safetyFlag ? 1 : 0, answerLoinc: options.safetyFlag ? 'LA6569-3' : 'LA6568-5' },
      ],
      completedAt: options.at ?? new Date().toISOString(),
      source: 'coach',
    },
    options.id,
  );
