import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { MessagingRuntime } from '@care/messaging';
import { CLOCK, type Clock } from '@care/observability';
import { EnrollmentService } from '../enrollment/enrollment.service';
import { EnrollmentController } from '../enrollment/http/enrollment.controller';
import { ChangeEnrollmentUseCase } from '../enrollment/use-cases/change-enrollment/change-enrollment.use-case';
import { CASEWORK_POLICY, type CaseworkPolicy } from '../shared/casework-policy';
import { openTasksWhenWorkArrives } from './handlers/open-tasks-when-work-arrives.handler';
import { QueueStatsQuery } from './http/queue-stats.query';
import { QueuesController } from './http/queues.controller';
import { MemberTasksController } from './http/member-tasks.controller';
import { TasksController } from './http/tasks.controller';
import { TaskActionsService } from './task-actions.service';
import { TaskMetrics } from './task.metrics';
import { OpenTasksUseCase } from './use-cases/open-tasks/open-tasks.use-case';

/** Work queues and program enrollment: events in, tasks for coaches, enrollment changes out. */
@Module({})
export class TasksModule implements OnModuleInit {
  constructor(
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(OpenTasksUseCase) private readonly openTasks: OpenTasksUseCase,
    @Inject(CASEWORK_POLICY) private readonly policy: CaseworkPolicy,
    @Inject(TaskMetrics) private readonly metrics: TaskMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  static forRoot(policy: CaseworkPolicy, clock: Clock): DynamicModule {
    return {
      module: TasksModule,
      controllers: [QueuesController, TasksController, MemberTasksController, EnrollmentController],
      providers: [
        { provide: CASEWORK_POLICY, useValue: policy },
        { provide: CLOCK, useValue: clock },
        { provide: OpenTasksUseCase, useValue: new OpenTasksUseCase(policy.careProgramId) },
        {
          provide: ChangeEnrollmentUseCase,
          inject: [MessagingRuntime],
          useFactory: (messaging: MessagingRuntime) => new ChangeEnrollmentUseCase(messaging.events, policy.careProgramId),
        },
        TaskMetrics,
        TaskActionsService,
        QueueStatsQuery,
        EnrollmentService,
      ],
    };
  }

  onModuleInit(): void {
    this.messaging.registerConsumer(
      openTasksWhenWorkArrives(this.openTasks, this.policy.due, this.policy.calendars, this.metrics, this.clock),
    );
  }
}
