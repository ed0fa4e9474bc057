import { randomUUID } from 'node:crypto';
import {
  ScreeningCompleted,
  ScreeningSafetySignal,
  SCREENING_INSTRUMENTS,
  type ScreeningCompletedPayload,
} from '@care/contracts';
import type { EventFactory, OutgoingEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import { followUpRepository } from '../../../follow-ups/persistence/follow-up.repository';
import { screeningMemberRepository } from '../../../members/persistence/screening-member.repository';
import { auditCSexOf, type ScreeningMember } from '../../../members/screening-member';
import { screeningRequestRepository, type ScreeningRequestRow } from '../../../requests/persistence/screening-request.repository';
import { screeningRequestedEvent } from '../../../requests/screening-request.event';
import { satisfiesRequest } from '../../../requests/screening-satisfaction';
import { utcDayPlus } from '../../../shared/calendar.util';
import { lockMembers } from '../../../shared/lock-members.util';
import type { ScreeningPolicy } from '../../../shared/screening-policy';
import { questionnaireResponseOf, totalScoreObservationOf } from '../../fhir/screening-fhir.mapper';
import { heldScreeningRepository, type HeldScreening } from '../../persistence/held-screening.repository';
import { screeningRepository } from '../../persistence/screening.repository';
import type { ScreeningResult } from '../../screening-result';
import { scoreScreening } from '../../scoring/score-screening.util';
import type { ScreeningSubmission } from '../../submission/screening-submission';
import { screeningContentHash } from './screening-content-hash.util';

/**
 * The outcome of one submission:
 * - accepted: scored and stored now, `screening-completed` staged (and a PHQ-9 request after a positive PHQ-2);
 * - duplicate: this screening id was already received with the same content; the stored result, nothing emitted;
 * - conflict: already received with different content; nothing stored or emitted (HTTP 409).
 */
export type CompleteScreeningOutcome =
  | {
      readonly status: 'accepted';
      readonly result: ScreeningResult;
      readonly events: OutgoingEvent[];
      readonly followUpScheduled: boolean;
      readonly followUpsCancelled: number;
    }
  | { readonly status: 'duplicate'; readonly result: ScreeningResult }
  | { readonly status: 'conflict'; readonly screeningId: string }
  | {
      readonly status: 'held';
      readonly receivedAt: string;
      readonly events: OutgoingEvent[];
      /** A self-harm answer: its urgent signal sent now (`requested`) or with the first submission. */
      readonly urgentFollowUp?: 'requested' | 'already-requested';
    };

/**
 * Scores and stores one validated submission inside the caller's transaction, with its effects:
 * open requests it satisfies (made up to the rescreen interval after it was completed) are fulfilled; a PHQ-9 cancels the member's pending follow-ups of earlier PHQ-9s,
 * and a positive PHQ-9 that is the member's latest schedules a follow-up PHQ-9 after the configured interval;
 * a positive PHQ-2 requests the full PHQ-9, due today. The member is locked first.
 *
 * The member must be on the roster (its facts choose the AUDIT-C cut-off): a screening of a member not on it yet is
 * held unscored (`held`) and scored when the member arrives ({@link releaseHeld}); a self-harm answer in it is sent
 * at once as `screening-safety-signal`.
 */
export class CompleteScreeningUseCase {
  constructor(
    private readonly events: EventFactory,
    private readonly policy: Pick<ScreeningPolicy, 'cutoffs' | 'phq9FollowUpIntervalMs' | 'rescreenIntervalMs'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(manager: EntityManager, submission: ScreeningSubmission): Promise<CompleteScreeningOutcome> {
    await lockMembers(manager, [submission.memberId]);
    const contentHash = screeningContentHash(submission);
    const existing = await screeningRepository.find(manager, submission.screeningId);
    if (existing !== undefined) return this.repeated(submission.screeningId, existing.contentHash, contentHash, existing.result);
    const held = await heldScreeningRepository.find(manager, submission.screeningId);
    if (held !== undefined) {
      if (held.contentHash !== contentHash) return { status: 'conflict', screeningId: submission.screeningId };
      return {
        status: 'held',
        receivedAt: held.receivedAt,
        events: [],
        ...(held.safetyEventId !== null && { urgentFollowUp: 'already-requested' as const }),
      };
    }
    const member = await screeningMemberRepository.find(manager, submission.memberId);
    if (member === undefined) return this.hold(manager, submission, contentHash);
    return this.score(manager, submission, contentHash, member, this.now().toISOString());
  }

  /** Scores a held screening now that its member is on the roster (the caller holds the member's lock). */
  releaseHeld(manager: EntityManager, held: HeldScreening, member: ScreeningMember): Promise<CompleteScreeningOutcome> {
    return this.score(manager, held.submission, held.contentHash, member, held.receivedAt);
  }

  private async hold(
    manager: EntityManager,
    submission: ScreeningSubmission,
    contentHash: string,
  ): Promise<CompleteScreeningOutcome> {
    const receivedAt = this.now().toISOString();
    // Scored only to read the safety flag (PHQ-9 item 9); the result is not kept.
    const { safetyFlag } = scoreScreening(submission.answers, submission.sex, this.policy.cutoffs);
    const safetyEventId = safetyFlag ? randomUUID() : undefined;
    await heldScreeningRepository.insert(manager, { submission, contentHash, receivedAt, safetyEventId });
    const events =
      safetyEventId === undefined
        ? []
        : [
            this.events.create(ScreeningSafetySignal.V1, {
              id: safetyEventId,
              subject: submission.memberId,
              correlationId: submission.screeningId,
              occurredAt: receivedAt,
              data: {
                screeningId: submission.screeningId,
                memberId: submission.memberId,
                instrument: 'phq-9',
                reason: 'member-not-on-roster',
                completedAt: submission.completedAt,
                receivedAt,
                source: submission.source,
              },
            }),
          ];
    return { status: 'held', receivedAt, events, ...(safetyFlag && { urgentFollowUp: 'requested' as const }) };
  }

  private async score(
    manager: EntityManager,
    submission: ScreeningSubmission,
    contentHash: string,
    member: ScreeningMember,
    receivedAt: string,
  ): Promise<CompleteScreeningOutcome> {
    const sexChoice = auditCSexOf(submission.sex, member.sex);
    const score = scoreScreening(submission.answers, sexChoice.sex, this.policy.cutoffs);
    const { memberId, screeningId, completedAt } = submission;
    const isPhq9 = score.instrument === 'phq-9';
    const followUpDueAt =
      isPhq9 && score.positive && !(await screeningRepository.hasPhq9CompletedAfter(manager, memberId, completedAt))
        ? new Date(Date.parse(completedAt) + this.policy.phq9FollowUpIntervalMs).toISOString()
        : undefined;
    const nextRequest: ScreeningRequestRow | undefined =
      score.instrument === 'phq-2' && score.positive
        ? {
            requestId: randomUUID(),
            memberId,
            instrument: 'phq-9',
            reason: 'positive-pre-screen',
            dueOn: utcDayPlus(receivedAt, 0),
            requestedAt: receivedAt,
            previousScreeningId: screeningId,
          }
        : undefined;

    const eventId = randomUUID();
    const payload: ScreeningCompletedPayload = {
      screeningId,
      memberId,
      ...score,
      answers: [...score.answers],
      ...(followUpDueAt !== undefined && { followUpDueOn: utcDayPlus(followUpDueAt, 0) }),
      completedAt,
      source: submission.source,
    };
    const result: ScreeningResult = {
      ...payload,
      eventId,
      receivedAt,
      ...(score.instrument === 'audit-c' && { auditCSex: sexChoice }),
      ...(nextRequest !== undefined && {
        requestedNext: { requestId: nextRequest.requestId, instrument: 'phq-9', dueOn: nextRequest.dueOn },
      }),
    };
    const questionnaireResponse = questionnaireResponseOf(submission, score);
    const inserted = await screeningRepository.insertNew(manager, {
      result,
      contentHash,
      questionnaireResponse,
      observation: totalScoreObservationOf(submission, score, questionnaireResponse),
    });
    if (!inserted) {
      // The same id was stored meanwhile for another member (this member's submissions are serialized by the lock).
      const stored = await screeningRepository.find(manager, screeningId);
      if (stored === undefined) throw new Error(`screening ${screeningId} neither inserted nor found`);
      return this.repeated(screeningId, stored.contentHash, contentHash, stored.result);
    }

    // Cancel before fulfilling: a poller emitting one of these follow-ups holds its row; waiting for it here means
    // the request it commits is already visible to the fulfilment below (each statement reads committed rows).
    const followUpsCancelled = isPhq9 ? await followUpRepository.cancelPendingBefore(manager, memberId, completedAt) : 0;
    await screeningRequestRepository.fulfil(manager, {
      memberId,
      instruments: SCREENING_INSTRUMENTS.filter((requested) => satisfiesRequest(score, requested)),
      screeningId,
      at: receivedAt,
      requestedUpTo: new Date(Date.parse(completedAt) + this.policy.rescreenIntervalMs),
    });
    if (followUpDueAt !== undefined) {
      await followUpRepository.schedule(manager, { followUpId: randomUUID(), memberId, screeningId, dueAt: followUpDueAt });
    }
    const events = [
      this.events.create(ScreeningCompleted.V1, {
        id: eventId,
        subject: memberId,
        correlationId: screeningId,
        occurredAt: receivedAt,
        data: payload,
      }),
    ];
    if (nextRequest !== undefined) {
      await screeningRequestRepository.insert(manager, [nextRequest]);
      events.push(screeningRequestedEvent(this.events, nextRequest, { correlationId: screeningId }));
    }
    return { status: 'accepted', result, events, followUpScheduled: followUpDueAt !== undefined, followUpsCancelled };
  }

  private repeated(
    screeningId: string,
    storedHash: string,
    submittedHash: string,
    stored: ScreeningResult,
  ): CompleteScreeningOutcome {
    return storedHash === submittedHash ? { status: 'duplicate', result: stored } : { status: 'conflict', screeningId };
  }
}
