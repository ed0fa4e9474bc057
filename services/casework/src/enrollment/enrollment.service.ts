import { Inject, Injectable } from '@nestjs/common';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { CLOCK, type Clock } from '@care/observability';
import { DataSource } from 'typeorm';
import { MemberReadAudit, type ReadContext } from '@care/audit';
import { TaskMetrics } from '../tasks/task.metrics';
import { findEnrollments, type EnrollmentView } from './persistence/enrollment.repository';
import {
  ChangeEnrollmentUseCase,
  type ChangeEnrollmentCommand,
  type ChangeEnrollmentOutcome,
} from './use-cases/change-enrollment/change-enrollment.use-case';

/** Runs an enrollment change in its own transaction, stages its event, and wakes the outbox relay. */
@Injectable()
export class EnrollmentService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(ChangeEnrollmentUseCase) private readonly useCase: ChangeEnrollmentUseCase,
    @Inject(TaskMetrics) private readonly metrics: TaskMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
  ) {}

  async change(command: ChangeEnrollmentCommand): Promise<ChangeEnrollmentOutcome> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const result = await this.useCase.execute(manager, command, this.clock.now());
      if (result.status === 'changed') await stageEvents(manager, result.events);
      return result;
    });
    if (outcome.status === 'changed') {
      this.messaging.published();
      this.metrics.countCancelled(outcome.cancelledTaskIds.map(() => command.status));
    }
    return outcome;
  }

  /** The member's enrollments; the read is audited in the same transaction. */
  list(memberId: string, context: ReadContext): Promise<EnrollmentView[]> {
    return this.audit.allowed(context, [{ action: 'enrollment.read', resourceType: 'member', resourceId: memberId, memberId }], (manager) =>
      findEnrollments(manager, memberId),
    );
  }
}
