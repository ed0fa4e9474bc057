import { Inject, Injectable } from '@nestjs/common';
import { screeningTrend, type ScreeningTrend } from '@care/clinical';
import { SCREENING_INSTRUMENTS } from '@care/contracts';
import { DataSource } from 'typeorm';
import {
  followUpRepository,
  type ScheduledFollowUp,
} from '../../follow-ups/persistence/follow-up.repository';
import {
  screeningRequestRepository,
  type OpenScreeningRequest,
} from '../../requests/persistence/screening-request.repository';
import { incompleteScreeningRepository } from '../persistence/incomplete-screening.repository';
import { screeningRepository, type ScreeningSummary } from '../persistence/screening.repository';

/** A PHQ-9 that could not be scored but carried a self-harm answer: in the history, in no trend. */
export interface IncompleteScreeningSummary {
  readonly screeningId: string;
  readonly instrument: 'phq-9';
  readonly safetySignal: 'risk';
  readonly completedAt: string | null;
  readonly receivedAt: string;
}

/** A member's screening history: every screening, the trend per instrument, open requests and scheduled follow-ups. */
export interface MemberScreeningHistory {
  readonly memberId: string;
  /** Newest first. */
  readonly screenings: readonly ScreeningSummary[];
  /** One per instrument the member has results for, in the order PHQ-9, PHQ-2, AUDIT-C. */
  readonly trends: readonly ScreeningTrend[];
  readonly openRequests: readonly OpenScreeningRequest[];
  readonly scheduledFollowUps: readonly ScheduledFollowUp[];
  /** PHQ-9s stored unscored with a self-harm answer, newest first (a later complete resend is in `screenings`). */
  readonly incomplete: readonly IncompleteScreeningSummary[];
}

/** Reads a member's history in one repeatable-read transaction, so its parts agree with each other. */
@Injectable()
export class MemberScreeningHistoryService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async historyOf(memberId: string): Promise<MemberScreeningHistory> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const screenings = await screeningRepository.listForMember(manager, memberId);
      const trends = SCREENING_INSTRUMENTS.flatMap((instrument) => {
        const trend = screeningTrend(
          instrument,
          screenings
            .filter((screening) => screening.instrument === instrument)
            .map(({ screeningId, total, completedAt }) => ({ screeningId, total, completedAt })),
        );
        return trend === null ? [] : [trend];
      });
      return {
        memberId,
        screenings,
        trends,
        openRequests: await screeningRequestRepository.openForMember(manager, memberId),
        scheduledFollowUps: await followUpRepository.pendingForMember(manager, memberId),
        incomplete: (await incompleteScreeningRepository.ofMember(manager, memberId)).map((stored) => ({
          screeningId: stored.screeningId,
          instrument: 'phq-9' as const,
          safetySignal: 'risk' as const,
          completedAt: stored.completedAt,
          receivedAt: stored.receivedAt,
        })),
      };
    });
  }
}
