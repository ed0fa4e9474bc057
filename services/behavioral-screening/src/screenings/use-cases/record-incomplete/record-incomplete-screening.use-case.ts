import { createHash, randomUUID } from 'node:crypto';
import { ScreeningSafetySignal } from '@care/contracts';
import type { EventFactory, OutgoingEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import { lockMembers } from '../../../shared/lock-members.util';
import { incompleteScreeningRepository } from '../../persistence/incomplete-screening.repository';
import { screeningRepository } from '../../persistence/screening.repository';
import type { IncompleteScreening } from '../../submission/screening-submission';

/**
 * The outcome of an incomplete PHQ-9 with a self-harm answer:
 * - recorded: stored now, `screening-safety-signal` staged (casework opens the urgent follow-up);
 * - already-signalled: this screening id was recorded as incomplete before: its signal went out then, none again;
 * - already-scored: this screening id was scored as a complete screening (its own safety flag decided the
 *   follow-up); the stored screening stands and the submission is a conflicting resend (HTTP 409).
 */
export type RecordIncompleteOutcome =
  | { readonly status: 'recorded'; readonly receivedAt: string; readonly events: OutgoingEvent[] }
  | { readonly status: 'already-signalled'; readonly receivedAt: string }
  | { readonly status: 'already-scored' };

/** Stores an incomplete screening and stages its safety signal, in the caller's transaction (member locked). */
export class RecordIncompleteScreeningUseCase {
  constructor(
    private readonly events: EventFactory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(manager: EntityManager, incomplete: IncompleteScreening): Promise<RecordIncompleteOutcome> {
    await lockMembers(manager, [incomplete.memberId]);
    if ((await screeningRepository.find(manager, incomplete.screeningId)) !== undefined)
      return { status: 'already-scored' };
    const earlier = await incompleteScreeningRepository.find(manager, incomplete.screeningId);
    if (earlier !== undefined) return { status: 'already-signalled', receivedAt: earlier.receivedAt };

    const receivedAt = this.now().toISOString();
    const eventId = randomUUID();
    const inserted = await incompleteScreeningRepository.insertNew(manager, {
      screeningId: incomplete.screeningId,
      memberId: incomplete.memberId,
      instrument: 'phq-9',
      source: incomplete.source,
      completedAt: incomplete.completedAt,
      receivedAt,
      contentHash: createHash('sha256').update(JSON.stringify(incomplete.received)).digest('hex'),
      eventId,
      received: incomplete.received,
    });
    if (!inserted) {
      // Recorded meanwhile under another member's lock (the same id sent for two members): its signal went out.
      const stored = await incompleteScreeningRepository.find(manager, incomplete.screeningId);
      return { status: 'already-signalled', receivedAt: stored?.receivedAt ?? receivedAt };
    }
    return {
      status: 'recorded',
      receivedAt,
      events: [
        this.events.create(ScreeningSafetySignal.V1, {
          id: eventId,
          subject: incomplete.memberId,
          correlationId: incomplete.screeningId,
          occurredAt: receivedAt,
          data: {
            screeningId: incomplete.screeningId,
            memberId: incomplete.memberId,
            instrument: 'phq-9',
            reason: 'incomplete-screening',
            ...(incomplete.completedAt !== undefined && { completedAt: incomplete.completedAt }),
            receivedAt,
            source: incomplete.source,
          },
        }),
      ],
    };
  }
}
