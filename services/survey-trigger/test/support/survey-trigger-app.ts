import type { INestApplication } from '@nestjs/common';
import {
  aValidMember,
  aValidProfessionalClaim,
  npiCheckDigit,
  type ClaimSubmission,
  type MemberRecord,
} from '@care/contracts';
import { MessagingRuntime } from '@care/messaging';
import { bootstrapService } from '@care/observability';
import { claimReceivedMessage, memberEligibilityChangedMessage, type TestEnvironment } from '@care/testing';
import { DataSource } from 'typeorm';
import type { Clock } from '@care/observability';
import { loadSurveyTriggerConfig, SURVEY_TRIGGER_JSON_SCHEMAS } from '../../src/survey-trigger.config';
import { SurveyTriggerModule, type SurveyTriggerOverrides } from '../../src/survey-trigger.module';

/** survey-trigger running inside the test process, booted as main.ts boots it. */
export interface RunningSurveyTrigger {
  readonly app: INestApplication;
  readonly url: string;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

export async function startSurveyTrigger(
  environment: TestEnvironment,
  extraEnv: Record<string, string> = {},
  overrides: SurveyTriggerOverrides = {},
): Promise<RunningSurveyTrigger> {
  const config = loadSurveyTriggerConfig({ ...environment.serviceEnv, PORT: '0', ...extraEnv });
  const app = await bootstrapService(SurveyTriggerModule.forRoot(config, overrides), {
    port: 0,
    title: 'survey-trigger',
    description: 'test instance',
    jsonSchemas: SURVEY_TRIGGER_JSON_SCHEMAS,
  });
  await app.get(MessagingRuntime).waitForConsumers();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, dataSource: app.get(DataSource), close: () => app.close() };
}

/** A clock the test sets. */
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
export function daysAgo(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days))
    .toISOString()
    .slice(0, 10);
}

/** An ISO instant at 12:00 UTC `days` days before today. */
export function instantDaysAgo(days: number): string {
  return `${daysAgo(days)}T12:00:00.000Z`;
}

/** A valid NPI from a 9-digit base (the check digit computed by the CMS rule). */
export function npiOf(base9: string): string {
  return `${base9}${String(npiCheckDigit(base9))}`;
}

export const PROVIDER_A = npiOf('111111111');
export const PROVIDER_B = npiOf('222222222');
export const PRACTICE_NPI = npiOf('333333333');

interface VisitClaimSpec {
  readonly claimId: string;
  readonly memberId: string;
  readonly date: string;
  /** Procedure codes, one line each. */
  readonly codes?: readonly string[];
  readonly version?: number;
  readonly frequency?: ClaimSubmission['frequency'];
  readonly adjudicationStatus?: ClaimSubmission['adjudicationStatus'];
  readonly providerNpi?: string;
  readonly placeOfService?: string;
}

/** A professional claim of an office visit with the given procedure codes, by a rendering provider of a practice. */
export function visitClaim(spec: VisitClaimSpec): ClaimSubmission {
  const codes = spec.codes ?? ['99213'];
  return aValidProfessionalClaim({
    claimId: spec.claimId,
    memberId: spec.memberId,
    version: spec.version ?? 1,
    frequency: spec.frequency ?? 'original',
    adjudicationStatus: spec.adjudicationStatus ?? 'paid',
    billingProvider: { npi: PRACTICE_NPI, tin: '123456789', name: 'Lakeside Family Practice' },
    renderingProvider: { npi: spec.providerNpi ?? PROVIDER_A, name: 'Dr. Rendering' },
    serviceDateFrom: spec.date,
    serviceDateTo: spec.date,
    placeOfService: spec.placeOfService ?? '11',
    diagnoses: [{ code: 'Z00.00' }],
    lines: codes.map((code, index) => ({
      lineNumber: index + 1,
      procedureCode: code,
      serviceDate: spec.date,
      units: 1,
      chargedAmount: 100,
    })),
    totalChargedAmount: 100 * codes.length,
    totalPaidAmount: undefined,
  });
}

/** A `claim-received` message with the given arrival instant (claims-intake's receivedAt). */
export function claimMessage(
  claim: ClaimSubmission,
  receivedAt: string = new Date().toISOString(),
): { key: string; value: string } {
  const message = claimReceivedMessage(claim);
  const envelope = JSON.parse(message.value) as { data: { receivedAt: string } };
  envelope.data.receivedAt = receivedAt;
  return { key: message.key, value: JSON.stringify(envelope) };
}

/** An adult subscriber with email consent (household of their own), born in 1970. */
export function member(memberId: string, overrides: Partial<MemberRecord> = {}): MemberRecord {
  return aValidMember({ memberId, subscriberId: memberId, ...overrides });
}

/** A `member-eligibility-changed` message published `publishedDaysAgo` days ago (default a year). */
export function memberMessage(record: MemberRecord, publishedDaysAgo = 365): { key: string; value: string } {
  return memberEligibilityChangedMessage(record, { occurredAt: instantDaysAgo(publishedDaysAgo) });
}
