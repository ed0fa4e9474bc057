import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  type AssessmentCompletedPayload,
  type ClaimSubmission,
} from '@care/contracts';
import { MessagingRuntime } from '@care/messaging';
import { bootstrapService, type Clock } from '@care/observability';
import type { TestEnvironment } from '@care/testing';
import { DataSource } from 'typeorm';
import {
  CONDITION_IDENTIFICATION_JSON_SCHEMAS,
  loadConditionIdentificationConfig,
} from '../../src/condition-identification.config';
import {
  ConditionIdentificationModule,
  type ConditionIdentificationOverrides,
} from '../../src/condition-identification.module';
import { DailyReevaluationService } from '../../src/identification/reevaluation/daily-reevaluation.service';
import { IdentificationRerunsService } from '../../src/identification/reruns/identification-reruns.service';

/** condition-identification running inside the test process, booted as main.ts boots it. */
export interface RunningConditionIdentification {
  readonly app: INestApplication;
  readonly url: string;
  readonly dataSource: DataSource;
  readonly messaging: MessagingRuntime;
  readonly reruns: IdentificationRerunsService;
  readonly reevaluation: DailyReevaluationService;
  close(): Promise<void>;
}

export async function startConditionIdentification(
  environment: TestEnvironment,
  overrides: ConditionIdentificationOverrides = {},
  extraEnv: Record<string, string> = {},
): Promise<RunningConditionIdentification> {
  const config = loadConditionIdentificationConfig({ ...environment.serviceEnv, PORT: '0', ...extraEnv });
  const app = await bootstrapService(
    ConditionIdentificationModule.forRoot(config, { scheduleReevaluation: false, ...overrides }),
    {
      port: 0,
      title: 'condition-identification',
      description: 'test instance',
      jsonSchemas: CONDITION_IDENTIFICATION_JSON_SCHEMAS,
    },
  );
  const messaging = app.get(MessagingRuntime);
  await messaging.waitForConsumers();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    dataSource: app.get(DataSource),
    messaging,
    reruns: app.get(IdentificationRerunsService),
    reevaluation: app.get(DailyReevaluationService),
    close: () => app.close(),
  };
}

/** A clock the test moves: evidence ages without waiting. */
export class TestClock implements Clock {
  private instant: Date;

  constructor(start: Date = new Date()) {
    this.instant = new Date(start);
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
}

/** YYYY-MM-DD `days` days before the real today (claims may not be dated in the future). */
export function daysAgo(days: number, from: Date = new Date()): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

interface ClaimSpec {
  readonly claimId: string;
  readonly memberId: string;
  readonly date: string;
  readonly version?: number;
  readonly frequency?: ClaimSubmission['frequency'];
}

/** A professional (carrier) claim with the given diagnoses on one date. */
export function officeVisit(spec: ClaimSpec & { readonly codes: readonly string[] }): ClaimSubmission {
  const base = aValidProfessionalClaim();
  return aValidProfessionalClaim({
    claimId: spec.claimId,
    memberId: spec.memberId,
    version: spec.version ?? 1,
    frequency: spec.frequency ?? 'original',
    serviceDateFrom: spec.date,
    serviceDateTo: spec.date,
    diagnoses: spec.codes.map((code) => ({ code })),
    lines: [{ ...(base.lines?.[0] as NonNullable<ClaimSubmission['lines']>[number]), serviceDate: spec.date }],
    totalChargedAmount: 150,
    totalPaidAmount: 95.5,
  });
}

/** An inpatient hospital stay (type of bill 0111) with the given diagnoses. */
export function inpatientStay(spec: ClaimSpec & { readonly codes: readonly string[] }): ClaimSubmission {
  return aValidInstitutionalClaim({
    claimId: spec.claimId,
    memberId: spec.memberId,
    version: spec.version ?? 1,
    frequency: spec.frequency ?? 'original',
    typeOfBill: '0111',
    serviceDateFrom: spec.date,
    serviceDateTo: spec.date,
    diagnoses: spec.codes.map((code) => ({ code })),
    lines: [{ lineNumber: 1, revenueCode: '0120', serviceDate: spec.date, units: 1, chargedAmount: 900, paidAmount: 700 }],
    totalChargedAmount: 900,
    totalPaidAmount: 700,
  });
}

/** A pharmacy fill of an 11-digit NDC. */
export function fill(spec: ClaimSpec & { readonly ndc: string }): ClaimSubmission {
  const base = aValidPharmacyClaim();
  return aValidPharmacyClaim({
    claimId: spec.claimId,
    memberId: spec.memberId,
    version: spec.version ?? 1,
    frequency: spec.frequency ?? 'original',
    serviceDateFrom: spec.date,
    serviceDateTo: spec.date,
    drug: { ...(base.drug as NonNullable<ClaimSubmission['drug']>), ndc: spec.ndc, fillDate: spec.date },
  });
}

export { claimReceivedMessage } from '@care/testing';

/** An `assessment-completed` message as an assessment vendor publishes it. */
export function assessmentMessage(
  assessment: AssessmentCompletedPayload,
  id: string = randomUUID(),
): { key: string; value: string } {
  return {
    key: assessment.memberId,
    value: JSON.stringify({
      id,
      type: 'assessment-completed',
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'test-assessment-vendor',
      subject: assessment.memberId,
      correlationId: assessment.assessmentId,
      causationId: null,
      data: assessment,
    }),
  };
}

/** The payloads on a topic, parsed. */
export function payloadsOf<T>(messages: ReadonlyArray<{ value: string | null }>): T[] {
  return messages.map((message) => (JSON.parse(message.value ?? '{}') as { data: T }).data);
}
