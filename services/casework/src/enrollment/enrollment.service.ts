import { Inject, Injectable } from '@nestjs/common';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { CLOCK, type Clock } from '@care/observability';
import { DataSource } from 'typeorm';
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

  list(memberId: string): Promise<EnrollmentView[]> {
    return findEnrollments(this.dataSource.manager, memberId);
  }
}
