import { randomUUID } from 'node:crypto';
import type { EventFactory, OutgoingEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import { screeningRequestRepository, type ScreeningRequestRow } from '../../../requests/persistence/screening-request.repository';
import { screeningRequestedEvent } from '../../../requests/screening-request.event';
import { utcDayPlus } from '../../../shared/calendar.util';
import { followUpRepository } from '../../persistence/follow-up.repository';

/**
 * Turns due follow-ups into `screening-requested` (PHQ-9, reason `follow-up`, due on the follow-up's day, naming
 * the positive screening) inside the caller's transaction. Rows are taken with FOR UPDATE SKIP LOCKED and marked
 * requested in the same transaction as the request and its outbox row, so an instance that crashes emits
 * nothing and a concurrent instance never takes the same row.
 */
export class EmitDueFollowUpsUseCase {
  constructor(
    private readonly events: EventFactory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(manager: EntityManager, limit: number): Promise<{ events: OutgoingEvent[] }> {
    const due = await followUpRepository.lockDue(manager, limit);
    if (due.length === 0) return { events: [] };
    const requestedAt = this.now().toISOString();
    const requests = due.map(
      (followUp): ScreeningRequestRow => ({
        requestId: randomUUID(),
        memberId: followUp.memberId,
        instrument: 'phq-9',
        reason: 'follow-up',
        dueOn: utcDayPlus(followUp.dueAt, 0),
        requestedAt,
        previousScreeningId: followUp.screeningId,
      }),
    );
    await screeningRequestRepository.insert(manager, requests);
    await followUpRepository.markRequested(
      manager,
      due.map((followUp, index) => ({ followUpId: followUp.followUpId, requestId: requests[index].requestId })),
    );
    return {
      events: requests.map((request) =>
        screeningRequestedEvent(this.events, request, { correlationId: request.previousScreeningId }),
      ),
    };
  }
}
