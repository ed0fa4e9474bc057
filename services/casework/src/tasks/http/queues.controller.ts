import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '@care/auth';
import { AuditContext, AuditedRead, type ReadContext } from '@care/audit';
import type { Response } from 'express';
import { READ_QUEUE_STATS, WORK_CASEWORK } from '../../shared/access-policy';
import { errorExample, QUEUE_STATS_EXAMPLE, TASK_EXAMPLE, VALIDATION_EXAMPLE } from '../../shared/openapi-examples';
import { TaskActionsService } from '../task-actions.service';
import type { QueueName, TaskView } from '../task.model';
import { QueueStatsQuery, type QueueStatsView } from './queue-stats.query';
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
