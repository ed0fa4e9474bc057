import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CaseOpened } from '@care/contracts';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { CLOCK, dayOf, type Clock } from '@care/observability';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberReadAudit, type ReadContext, type ReadRecord } from '@care/audit';
import { outreachDueForContact } from '../calendar/business-calendar';
import { findCaseMember } from '../members/case-member.repository';
import { mayWorkQueue, type CaseworkCaller } from '../shared/access-policy';
import { CASEWORK_POLICY, type CaseworkPolicy } from '../shared/casework-policy';
import { CaseworkException } from '../shared/casework.exception';
import { lockMembers } from '../shared/lock-members.util';
import { cancelByCause, insertTasks } from '../tasks/persistence/task.repository';
import { QUEUE_CALENDAR } from '../tasks/planning/plan-task';
import { CASE_TRANSITIONS, type BillNegotiationView, type CaseBill, type CaseDetail, type CaseView, type IntakeChannel } from './case.model';
import { CaseMetrics } from './case.metrics';
import {
  changeCaseStatus,
  findBillNegotiation,
  findCallbackTaskId,
  findCase,
  findCasesOfMember,
  insertBillNegotiation,
  insertCase,
  loadCaseHistory,
} from './persistence/case.repository';
import { decideCaseTransition, type CaseTransitionRequest } from './use-cases/decide-case-transition';
import { BILL_SAVER_SERVICE, decideIntake } from './use-cases/decide-intake';

/** A request for help, as taken in by phone, web, email or referral. */
export interface OpenCaseCommand {
  /** A client-chosen id makes the intake safe to retry; casework picks one otherwise. */
  readonly caseId?: string;
  readonly memberId: string;
  readonly serviceId: string;
  readonly channel: IntakeChannel;
  readonly summary: string;
  /** When the member got in touch (default: now); the advocate's callback is owed by the next business day. */
  readonly contactAt?: Date;
  readonly bill?: CaseBill;
}

export interface RecordNegotiationCommand {
  readonly negotiatedAmount: number;
  readonly paymentTerms: string;
  readonly writtenSummary: string;
  readonly providerSignOff: { readonly signedBy: string; readonly signedAt: string; readonly documentId: string };
}

const caseRead = (view: Pick<CaseView, 'caseId' | 'memberId'>, action: 'case.read' | 'case.list'): ReadRecord => ({
  action,
  resourceType: 'case',
  resourceId: view.caseId,
  memberId: view.memberId,
});

const toCents = (amount: number): number => Math.round(amount * 100) / 100;

/**
 * Advocacy cases: intake (eligibility, routing, the callback task, `case-opened`), status changes with their history,
 * the bill-saver outcome, and audited reads. Each request is one transaction.
 */
@Injectable()
export class CasesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
    @Inject(CaseMetrics) private readonly metrics: CaseMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASEWORK_POLICY) private readonly policy: CaseworkPolicy,
  ) {}

  /** Opens a case, or answers the stored one when the same intake is retried under its case id. */
  async open(command: OpenCaseCommand, caller: CaseworkCaller): Promise<{ case: CaseDetail; created: boolean }> {
    const now = this.clock.now();
    const result = await this.dataSource.transaction(async (manager) => {
      await lockMembers(manager, [command.memberId]);
      if (command.caseId !== undefined) {
        const existing = await findCase(manager, command.caseId);
        if (existing !== undefined) return { case: await this.retried(manager, existing, command), created: false };
      }
      const member = await findCaseMember(manager, command.memberId);
      const decision = decideIntake(member, command, dayOf(now));
      if (!decision.ok) {
        this.metrics.countRefused(decision.code);
        throw new CaseworkException(decision.code, decision.reason);
      }
      if (member === undefined) throw new CaseworkException('member-unknown', `no member ${command.memberId}`);
      const contactAt = command.contactAt ?? now;
      const view: CaseView = {
        caseId: command.caseId ?? `C-${randomUUID()}`,
        memberId: member.memberId,
        subscriberId: member.subscriberId,
        relationship: member.relationship,
        serviceId: command.serviceId,
        category: decision.category,
        catalogVersion: decision.catalogVersion,
        queue: decision.queue,
        routingReason: decision.routingReason,
        channel: command.channel,
        status: 'open',
        resolution: null,
        summary: command.summary,
        bill: command.bill ?? null,
        contactAt: contactAt.toISOString(),
        openedBy: caller.subject,
        openedAt: now.toISOString(),
        updatedAt: now.toISOString(),
        closedAt: null,
      };
      if (!(await insertCase(manager, view))) {
        // The same case id committed by a concurrent intake (the insert waited for it): answer it as a retry.
        const stored = await this.find(manager, view.caseId);
        return { case: await this.retried(manager, stored, command), created: false };
      }
      const calendar = this.policy.calendars[QUEUE_CALENDAR[view.queue]];
      await insertTasks(
        manager,
        [
          {
            kind: 'case-callback',
            causeId: view.caseId,
            memberId: view.memberId,
            queue: view.queue,
            priority: 'high',
            dueAt: outreachDueForContact(calendar, contactAt),
            details: { caseId: view.caseId, serviceId: view.serviceId, category: view.category, channel: view.channel },
          },
        ],
        now,
      );
      await stageEvents(manager, [
        this.messaging.events.create(CaseOpened.V1, {
          subject: view.memberId,
          occurredAt: now,
          data: { caseId: view.caseId, memberId: view.memberId, caseType: 'advocacy', openedAt: view.openedAt },
        }),
      ]);
      return { case: await this.detailOf(manager, view), created: true };
    });
    if (result.created) {
      this.messaging.published();
      this.metrics.countOpened(result.case.category, result.case.queue);
    }
    return result;
  }

  /** The case with its history, negotiation and callback task; the read is audited (or refused and audited). */
  async get(caseId: string, caller: CaseworkCaller, context: ReadContext): Promise<CaseDetail> {
    const view = await this.find(this.dataSource.manager, caseId);
    if (!mayWorkQueue(caller, view.queue)) {
      await this.audit.denied(context, caseRead(view, 'case.read'));
      throw new CaseworkException('queue-forbidden', `case ${view.caseId} is in queue ${view.queue}, which is not one of yours`);
    }
    return this.audit.allowed(context, [caseRead(view, 'case.read')], (manager) => this.detailOf(manager, view));
  }

  /** The member's cases the caller may see (of their queues; supervisors: all), each read audited. */
  listOfMember(memberId: string, caller: CaseworkCaller, context: ReadContext): Promise<CaseView[]> {
    return this.audit.allowed(
      context,
      (cases: CaseView[]) => cases.map((view) => caseRead(view, 'case.list')),
      async (manager) => (await findCasesOfMember(manager, memberId)).filter((view) => mayWorkQueue(caller, view.queue)),
    );
  }

  /** Moves the case along its life cycle; the change is recorded with its reason. A withdrawn case's callback ends. */
  async changeStatus(caseId: string, request: CaseTransitionRequest, caller: CaseworkCaller): Promise<CaseView> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockForChange(manager, caseId, caller);
      const negotiation = await findBillNegotiation(manager, caseId);
      const decision = decideCaseTransition(current, request, negotiation !== undefined);
      if (decision.kind === 'reject') throw new CaseworkException(decision.code, decision.message);
      if (decision.kind === 'repeat') return current;
      const changed = await changeCaseStatus(
        manager,
        caseId,
        { from: current.status, to: decision.to, resolution: decision.resolution, final: decision.final, actor: caller.subject, reason: request.reason },
        now,
      );
      if (decision.to === 'withdrawn') {
        await cancelByCause(manager, [{ kind: 'case-callback', causeId: caseId, memberId: current.memberId, reason: 'case-withdrawn' }], now);
      }
      return changed;
    });
  }

  /** Records the outcome of a bill negotiation once; the same outcome again answers it, another one conflicts. */
  async recordNegotiation(
    caseId: string,
    command: RecordNegotiationCommand,
    caller: CaseworkCaller,
  ): Promise<{ negotiation: BillNegotiationView; written: boolean }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockForChange(manager, caseId, caller);
      if (current.serviceId !== BILL_SAVER_SERVICE || current.bill === null) {
        throw new CaseworkException('negotiation-not-applicable', `case ${caseId} is not a bill negotiation`);
      }
      const billed = toCents(current.bill.amount);
      const negotiated = toCents(command.negotiatedAmount);
      if (negotiated > billed) {
        throw new CaseworkException('negotiation-invalid', 'negotiatedAmount must not exceed the billed amount');
      }
      const stored = await findBillNegotiation(manager, caseId);
      const candidate: BillNegotiationView = {
        billedAmount: billed,
        negotiatedAmount: negotiated,
        savings: toCents(billed - negotiated),
        paymentTerms: command.paymentTerms,
        writtenSummary: command.writtenSummary,
        providerSignOff: { ...command.providerSignOff, signedAt: new Date(command.providerSignOff.signedAt).toISOString() },
        recordedBy: caller.subject,
        recordedAt: now.toISOString(),
      };
      if (stored !== undefined) {
        const same =
          stored.negotiatedAmount === candidate.negotiatedAmount &&
          stored.paymentTerms === candidate.paymentTerms &&
          stored.writtenSummary === candidate.writtenSummary &&
          JSON.stringify(stored.providerSignOff) === JSON.stringify(candidate.providerSignOff);
        if (!same) throw new CaseworkException('negotiation-conflict', `case ${caseId} already has another negotiation outcome`);
        return { negotiation: stored, written: false };
      }
      if (current.status === 'closed' || current.status === 'withdrawn') {
        throw new CaseworkException('transition-not-allowed', `case ${caseId} is ${current.status}`);
      }
      await insertBillNegotiation(manager, caseId, candidate);
      return { negotiation: candidate, written: true };
    });
  }

  private async find(manager: EntityManager, caseId: string, lock = false): Promise<CaseView> {
    const view = await findCase(manager, caseId, lock);
    if (view === undefined) throw new CaseworkException('case-not-found', `no case ${caseId}`);
    return view;
  }

  /** Member lock, then the case row, then the caller's right to change it (403 otherwise). */
  private async lockForChange(manager: EntityManager, caseId: string, caller: CaseworkCaller): Promise<CaseView> {
    const peek = await this.find(manager, caseId);
    await lockMembers(manager, [peek.memberId]);
    const current = await this.find(manager, caseId, true);
    if (!mayWorkQueue(caller, current.queue)) {
      throw new CaseworkException('queue-forbidden', `case ${caseId} is in queue ${current.queue}, which is not one of yours`);
    }
    return current;
  }

  private async detailOf(manager: EntityManager, view: CaseView): Promise<CaseDetail> {
    return {
      ...view,
      history: await loadCaseHistory(manager, view.caseId),
      nextStatuses: CASE_TRANSITIONS[view.status],
      billNegotiation: (await findBillNegotiation(manager, view.caseId)) ?? null,
      callbackTaskId: await findCallbackTaskId(manager, view.caseId),
    };
  }

  /** A retried intake: the same member, service and words answer the stored case; anything else conflicts. */
  private async retried(manager: EntityManager, existing: CaseView, command: OpenCaseCommand): Promise<CaseDetail> {
    if (existing.memberId !== command.memberId || existing.serviceId !== command.serviceId || existing.summary !== command.summary) {
      throw new CaseworkException('case-conflict', `case ${existing.caseId} was already opened with other content`);
    }
    return this.detailOf(manager, existing);
  }
}
