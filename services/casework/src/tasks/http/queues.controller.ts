import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CARE_USER_HEADER, CareUser, CareUserGuard } from '../../shared/care-user.decorator';
import { TaskActionsService } from '../task-actions.service';
import type { QueueName, TaskView } from '../task.model';
import { QueueStatsQuery, type QueueStatsView } from './queue-stats.query';
import { ParseQueuePipe } from './task-params.pipe';

/** Coaches take work from queues; supervisors watch them. */
@ApiTags('queues')
@Controller('v1/queues')
export class QueuesController {
  constructor(
    @Inject(TaskActionsService) private readonly tasks: TaskActionsService,
    @Inject(QueueStatsQuery) private readonly statsQuery: QueueStatsQuery,
  ) {}

  @Post(':queue/next')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: CARE_USER_HEADER, required: true, description: 'The calling coach (temporary: replaced by the OIDC subject in part 2)', example: 'coach-ana' })
  @ApiOkResponse({
    description:
      'The most urgent available task of the queue (urgent, then high, then routine; then earliest due; then oldest), now assigned to the caller. Two callers never get the same task.',
  })
  @ApiNoContentResponse({ description: 'No task is waiting in this queue' })
  @ApiBadRequestResponse({ description: 'Unknown queue, or a malformed caller id' })
  @ApiUnauthorizedResponse({ description: `No ${CARE_USER_HEADER} header` })
  async next(
    @Param('queue', ParseQueuePipe) queue: QueueName,
    @CareUser() caller: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TaskView | undefined> {
    const task = await this.tasks.next(queue, caller);
    if (task === undefined) response.status(HttpStatus.NO_CONTENT);
    return task;
  }

  @Get('stats')
  @UseGuards(CareUserGuard)
  @ApiHeader({ name: CARE_USER_HEADER, required: true, description: 'The calling supervisor (temporary: replaced by the OIDC subject in part 2)' })
  @ApiUnauthorizedResponse({ description: `No ${CARE_USER_HEADER} header` })
  @ApiOkResponse({
    description:
      'Per queue: depth (waiting tasks, by priority), available now, assigned, oldest waiting age and SLA breaches (active tasks past due); per coach: tasks held, breaches and the longest held',
  })
  stats(): Promise<QueueStatsView> {
    return this.statsQuery.stats();
  }
}
