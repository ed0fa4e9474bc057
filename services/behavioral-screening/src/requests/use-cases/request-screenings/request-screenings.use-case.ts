import { randomUUID } from 'node:crypto';
import { SCREENING_REQUEST_REASON, type ScreeningInstrument } from '@care/contracts';
import type { EventFactory, OutgoingEvent, ReceivedEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import { screeningRepository } from '../../../screenings/persistence/screening.repository';
import { utcDayPlus } from '../../../shared/calendar.util';
import { lockMembers } from '../../../shared/lock-members.util';
import type { ScreeningPolicy } from '../../../shared/screening-policy';
import {
  screeningRequestRepository,
  type ScreeningRequestRow,
} from '../../persistence/screening-request.repository';
import { screeningRequestedEvent } from '../../screening-request.event';
import { satisfiesRequest } from '../../screening-satisfaction';

/** The screenings everyone entering case management, coaching or a program is asked to do. */
export const INITIAL_SCREENINGS: readonly ScreeningInstrument[] = ['phq-9', 'audit-c'];

/** A fact that calls for the initial screenings of a member. */
export interface ScreeningTrigger {
  readonly memberId: string;
  readonly reason:
    typeof SCREENING_REQUEST_REASON.caseOpened | typeof SCREENING_REQUEST_REASON.programEnrolled;
  /** The business instant (case opened, enrollment changed); the rescreen interval is counted back from it. */
  readonly at: string;
  readonly caseId?: string;
  readonly programId?: string;
  readonly cause: ReceivedEvent;
}

/** What was decided for one instrument of one trigger. */
export type RequestDecision =
  | { readonly instrument: ScreeningInstrument; readonly outcome: 'requested'; readonly requestId: string }
  | { readonly instrument: ScreeningInstrument; readonly outcome: 'recently-screened' | 'already-requested' };

/**
 * Requests PHQ-9 and AUDIT-C for each trigger, inside the caller's transaction, unless the member completed a
 * screening that satisfies the instrument within the rescreen interval before the trigger, or already has an
 * open request for it made within the interval (so a case opened and an enrollment at the same time request
 * each screening once). Members are locked first, so concurrent consumers of different topics decide in turn.
 */
export class RequestScreeningsUseCase {
  constructor(
    private readonly events: EventFactory,
    private readonly policy: Pick<ScreeningPolicy, 'rescreenIntervalMs' | 'screeningDueDays'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    manager: EntityManager,
    triggers: readonly ScreeningTrigger[],
  ): Promise<{ events: OutgoingEvent[]; decisions: RequestDecision[][] }> {
    await lockMembers(
      manager,
      triggers.map((trigger) => trigger.memberId),
    );
    const events: OutgoingEvent[] = [];
    const decisions: RequestDecision[][] = [];
    for (const trigger of triggers) {
      const requestedAt = this.now();
      const interval = this.policy.rescreenIntervalMs;
      const completed =
        interval === 0
          ? []
          : await screeningRepository.kindsCompletedSince(
              manager,
              trigger.memberId,
              new Date(Date.parse(trigger.at) - interval),
            );
      const open =
        interval === 0
          ? new Set<ScreeningInstrument>()
          : await screeningRequestRepository.openInstrumentsSince(
              manager,
              trigger.memberId,
              new Date(requestedAt.getTime() - interval),
            );
      const rows: ScreeningRequestRow[] = [];
      const triggerDecisions = INITIAL_SCREENINGS.map((instrument): RequestDecision => {
        if (completed.some((screening) => satisfiesRequest(screening, instrument))) {
          return { instrument, outcome: 'recently-screened' };
        }
        if (open.has(instrument)) return { instrument, outcome: 'already-requested' };
        const row: ScreeningRequestRow = {
          requestId: randomUUID(),
          memberId: trigger.memberId,
          instrument,
          reason: trigger.reason,
          dueOn: utcDayPlus(trigger.at, this.policy.screeningDueDays),
          requestedAt: requestedAt.toISOString(),
          ...(trigger.caseId !== undefined && { caseId: trigger.caseId }),
          ...(trigger.programId !== undefined && { programId: trigger.programId }),
        };
        rows.push(row);
        return { instrument, outcome: 'requested', requestId: row.requestId };
      });
      await screeningRequestRepository.insert(manager, rows);
      events.push(
        ...rows.map((row) => screeningRequestedEvent(this.events, row, { causedBy: trigger.cause })),
      );
      decisions.push(triggerDecisions);
    }
    return { events, decisions };
  }
}
