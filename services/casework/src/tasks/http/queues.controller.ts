import { BadRequestException, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '@care/auth';
import { AuditContext, AuditedRead, type ReadContext } from '@care/audit';
import type { Response } from 'express';
import { mayWorkQueue, READ_CASEWORK, READ_QUEUE_STATS, WORK_CASEWORK, WORK_QUEUES } from '../../shared/access-policy';
import { errorExample, QUEUE_STATS_EXAMPLE, TASK_EXAMPLE, VALIDATION_EXAMPLE, WORKER_QUEUES_EXAMPLE } from '../../shared/openapi-examples';
import { TaskActionsService } from '../task-actions.service';
import { QUEUES, type QueueName, type TaskView } from '../task.model';
import { QueueStatsQuery, type QueueStatsView, type WorkerQueuesView } from './queue-stats.query';
import { ParseQueuePipe } from './task-params.pipe';

/** Coaches and advocates take work from queues; supervisors, ops and admins watch them. */
@ApiTags('queues')
@Controller('v1/queues')
export class QueuesController {
  constructor(
    @Inject(TaskActionsService) private readonly tasks: TaskActionsService,
    @Inject(QueueStatsQuery) private readonly statsQuery: QueueStatsQuery,
  ) {}

  @Post(':queue/next')
  @Access(WORK_CASEWORK)
  @HttpCode(HttpStatus.OK)
  @AuditedRead(
    'The most urgent available task of the queue (urgent, then high, then routine; then earliest due; then oldest), now assigned to the caller. Two callers never get the same task',
    TASK_EXAMPLE,
  )
  @ApiNoContentResponse({ description: 'No task is waiting in this queue' })
  @ApiBadRequestResponse({ description: 'Unknown queue', example: { ...VALIDATION_EXAMPLE, issues: [{ field: 'queue', messages: ['queue must be one of coaching, advocacy, health-plan'] }] } })
  @ApiForbiddenResponse({
    description: 'role-forbidden, or queue-forbidden: the token does not name this queue (supervisors take from any)',
    example: errorExample(403, 'Forbidden', 'queue-forbidden', 'queue advocacy is not one of yours'),
  })
  async next(
    @Param('queue', ParseQueuePipe) queue: QueueName,
    @CurrentCaller() caller: Caller,
    @AuditContext() context: ReadContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TaskView | undefined> {
    const task = await this.tasks.next(queue, caller, context);
    if (task === undefined) response.status(HttpStatus.NO_CONTENT);
    return task;
  }

  @Get('mine')
  @Access(WORK_QUEUES)
  @ApiOkResponse({
    description:
      "The caller's queues (the token's queues; supervisors: every queue): depth by priority, available now, assigned, oldest waiting age, earliest due time of a waiting task and SLA breaches; and how many tasks the caller holds. Counts only: no member data",
    example: WORKER_QUEUES_EXAMPLE,
  })
  mine(@CurrentCaller() caller: Caller): Promise<WorkerQueuesView> {
    return this.statsQuery.ofQueues(
      QUEUES.filter((queue) => mayWorkQueue(caller, queue)),
      caller.subject,
    );
  }

  @Get('mine/tasks')
  @Access(READ_CASEWORK)
  @AuditedRead('The tasks the caller holds (assigned to them), most urgent first, at most 200 (each one returned)', [TASK_EXAMPLE])
  held(@CurrentCaller() caller: Caller, @AuditContext() context: ReadContext): Promise<TaskView[]> {
    return this.tasks.held(caller, context);
  }

  @Get(':queue/tasks')
  @Access(READ_CASEWORK)
  @AuditedRead(
    "A queue's tasks for those who work it (supervisors: every queue): `list=waiting` (default) the open and snoozed ones in queue order, `list=overdue` every active one past its due time, most overdue first; at most 100 (each one returned)",
    [TASK_EXAMPLE],
  )
  @ApiBadRequestResponse({
    description: 'Unknown queue, or list is not waiting or overdue',
    example: { ...VALIDATION_EXAMPLE, issues: [{ field: 'list', messages: ['list must be waiting or overdue'] }] },
  })
  queueTasks(
    @Param('queue', ParseQueuePipe) queue: QueueName,
    @Query('list') list: string | undefined,
    @CurrentCaller() caller: Caller,
    @AuditContext() context: ReadContext,
  ): Promise<TaskView[]> {
    const which = list ?? 'waiting';
    if (which !== 'waiting' && which !== 'overdue') {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'validation failed',
        issues: [{ field: 'list', messages: ['list must be waiting or overdue'] }],
      });
    }
    return this.tasks.listOfQueue(queue, which, caller, context);
  }

  @Get('stats')
  @Access(READ_QUEUE_STATS)
  @ApiOkResponse({
    description:
      'Per queue: depth (waiting tasks, by priority), available now, assigned, oldest waiting age and SLA breaches (active tasks past due); per coach: tasks held, breaches and the longest held. Counts only: no member data',
    example: QUEUE_STATS_EXAMPLE,
  })
  stats(): Promise<QueueStatsView> {
    return this.statsQuery.stats();
  }
}
