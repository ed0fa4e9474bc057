import {
  decideSurvey,
  SURVEY_ELIGIBILITY_RULE_VERSION,
  type EarlierSurvey,
  type SurveyDecision,
} from '@care/clinical';
import { SurveyTriggered } from '@care/contracts';
import type { EventFactory, OutgoingEvent, ReceivedEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import type { StoredMember } from '../../../members/member-facts';
import { dayOf, type Clock } from '@care/observability';
import type { SurveyOptions } from '../../../shared/survey-options';
import { findSurveyedDays, type SurveyedDay } from '../../persistence/visit.repository';
import { surveyTriggeredPayloadOf } from '../../survey-triggered.mapper';
import type { VisitRecord } from '../../visit.types';

/** An undecided visit and the event that brings it to a decision (its claim, or its member's roster record). */
export interface DecisionItem {
  readonly visit: VisitRecord;
  readonly cause: ReceivedEvent;
}

export interface DecisionOutcome {
  /** The visits decided, with their decision (the caller writes them). */
  readonly decided: VisitRecord[];
  readonly events: OutgoingEvent[];
}

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The decision day of a visit: the day its first claim arrived, or the day the member's first roster record was
 * published if that is later. Both come from events, not from the clock, so a replay decides on the same day.
 */
export function decisionDayOf(visit: VisitRecord, member: StoredMember): string {
  return dayOf(new Date(Math.max(Date.parse(member.knownSince), Date.parse(visit.claimReceivedAt))));
}

/**
 * Decides visits whose member is known (visits of unknown members are left pending): exclusions, quiet period and
 * household rule against the surveys already triggered, then the visit's draw against the sampling rate. Visits are
 * decided in decision-day order, so a survey selected early in a batch counts for the quiet period of the ones after
 * it. Stages nothing itself: returns the decided visits and a `survey-triggered` event per selected one. The caller
 * holds the locks of the members and their households, and the transaction.
 */
export class DecideVisitsUseCase {
  constructor(
    private readonly events: EventFactory,
    private readonly options: SurveyOptions,
    private readonly clock: Clock,
  ) {}

  async decide(
    manager: EntityManager,
    items: readonly DecisionItem[],
    members: ReadonlyMap<string, StoredMember>,
  ): Promise<DecisionOutcome> {
    const ready = items
      .flatMap((item) => {
        const member = members.get(item.visit.memberId);
        return member === undefined
          ? []
          : [{ ...item, member, decidedOn: decisionDayOf(item.visit, member) }];
      })
      .sort(
        (a, b) =>
          a.decidedOn.localeCompare(b.decidedOn) ||
          a.visit.claimReceivedAt.localeCompare(b.visit.claimReceivedAt) ||
          a.visit.visitId.localeCompare(b.visit.visitId),
      );
    if (ready.length === 0) return { decided: [], events: [] };

    const { policy } = this.options;
    const quiet = Math.max(policy.quietPeriodDays, 0);
    const surveyed: SurveyedDay[] = await findSurveyedDays(
      manager,
      ready.map((item) => item.member.memberId),
      ready.map((item) => item.member.householdId),
      addDays(ready[0]?.decidedOn ?? '', -quiet),
      addDays(ready[ready.length - 1]?.decidedOn ?? '', quiet),
    );
    const now = this.clock.now();
    const decided: VisitRecord[] = [];
    const events: OutgoingEvent[] = [];
    for (const { visit, member, decidedOn, cause } of ready) {
      const earlierSurveys: EarlierSurvey[] = surveyed
        .filter((day) => day.memberId === member.memberId || day.householdId === member.householdId)
        .map((day) => ({ decidedOn: day.decidedOn, sameMember: day.memberId === member.memberId }));
      const decision = decideSurvey(
        { serviceDate: visit.serviceDate, decidedOn, member, earlierSurveys, draw: visit.draw },
        policy,
      );
      const record: VisitRecord = {
        ...visit,
        ...statusOf(decision),
        samplingRate: policy.samplingRate,
        ruleVersion: SURVEY_ELIGIBILITY_RULE_VERSION,
        householdId: member.householdId,
        decidedOn,
        decidedAt: now.toISOString(),
      };
      decided.push(record);
      if (decision.outcome !== 'selected') continue;
      surveyed.push({ memberId: member.memberId, householdId: member.householdId, decidedOn });
      events.push(
        this.events.create(SurveyTriggered.V1, {
          // The survey id as event id: a rebuilt service re-emitting the survey is recognised downstream.
          id: visit.visitId,
          subject: visit.memberId,
          data: surveyTriggeredPayloadOf(visit, decision, now),
          causedBy: cause,
          correlationId: visit.claimId,
        }),
      );
    }
    return { decided, events };
  }
}

function statusOf(
  decision: SurveyDecision,
): Pick<VisitRecord, 'status' | 'reasons' | 'channel' | 'language'> {
  switch (decision.outcome) {
    case 'selected':
      return { status: 'surveyed', reasons: [], channel: decision.channel, language: decision.language };
    case 'not-sampled':
      return { status: 'not-sampled', reasons: [], channel: null, language: null };
    case 'excluded':
      return { status: 'excluded', reasons: decision.reasons, channel: null, language: null };
  }
}
