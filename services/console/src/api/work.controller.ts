import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '@care/auth';
import type { Request, Response } from 'express';
import { CONSOLE_ACCESS } from './console-access';
import { caseIdParam, memberIdParam, queueParam, taskIdParam } from './route-params.pipe';
import { Upstream, type UpstreamAnswer } from './upstream';

const TASK_ACTIONS: readonly string[] = ['complete', 'snooze', 'reassign', 'notes'];
const CASE_ACTIONS: readonly string[] = ['status', 'bill-negotiation'];

/** The service's status and body, as they are (its errors name fields, never members). */
export function relay(response: Response, answer: UpstreamAnswer): unknown {
  response.status(answer.status);
  return answer.body ?? undefined;
}

/**
 * Coaches', advocates' and supervisors' work, each route one call to casework with the user's token: queues,
 * the next task, a task's actions and notes, cases and enrollment. Bodies are passed on as they are; casework
 * validates them and names every bad field.
 */
@ApiTags('work')
@Controller('api')
export class WorkController {
  constructor(@Inject(Upstream) private readonly upstream: Upstream) {}

  @Get('queues/mine')
  @Access(CONSOLE_ACCESS.queueCounts)
  async myQueues(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<unknown> {
    return relay(response, await this.upstream.call(request, 'casework', 'GET', '/v1/queues/mine'));
  }

  @Get('queues/mine/tasks')
  @Access(CONSOLE_ACCESS.readMemberData)
  async myTasks(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<unknown> {
    return relay(response, await this.upstream.call(request, 'casework', 'GET', '/v1/queues/mine/tasks'));
  }

  @Get('queues/stats')
  @Access(CONSOLE_ACCESS.queueStats)
  async queueStats(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return relay(response, await this.upstream.call(request, 'casework', 'GET', '/v1/queues/stats'));
  }

  @Get('queues/:queue/tasks')
  @Access(CONSOLE_ACCESS.readMemberData)
  async queueTasks(
    @Param('queue', queueParam) queue: string,
    @Query('list') list: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const which = list === 'overdue' ? 'overdue' : 'waiting';
    return relay(
      response,
      await this.upstream.call(request, 'casework', 'GET', `/v1/queues/${queue}/tasks?list=${which}`),
    );
  }

  @Post('queues/:queue/next')
  @HttpCode(200)
  @Access(CONSOLE_ACCESS.work)
  async next(
    @Param('queue', queueParam) queue: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return relay(response, await this.upstream.call(request, 'casework', 'POST', `/v1/queues/${queue}/next`));
  }

  @Get('tasks/:taskId')
  @Access(CONSOLE_ACCESS.readMemberData)
  async task(
    @Param('taskId', taskIdParam) taskId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return relay(response, await this.upstream.call(request, 'casework', 'GET', `/v1/tasks/${taskId}`));
  }

  @Post('tasks/:taskId/:action')
  @Access(CONSOLE_ACCESS.work)
  async taskAction(
    @Param('taskId', taskIdParam) taskId: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    if (!TASK_ACTIONS.includes(action)) throw new NotFoundException();
    return relay(
      response,
      await this.upstream.call(request, 'casework', 'POST', `/v1/tasks/${taskId}/${action}`, body ?? {}),
    );
  }

  @Post('members/:memberId/enrollment')
  @Access(CONSOLE_ACCESS.work)
  async enroll(
    @Param('memberId', memberIdParam) memberId: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return relay(
      response,
      await this.upstream.call(request, 'casework', 'POST', `/v1/members/${memberId}/enrollment`, body ?? {}),
    );
  }

  @Post('cases')
  @Access(CONSOLE_ACCESS.work)
  async openCase(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return relay(response, await this.upstream.call(request, 'casework', 'POST', '/v1/cases', body ?? {}));
  }

  @Get('cases/:caseId')
  @Access(CONSOLE_ACCESS.readMemberData)
  async getCase(
    @Param('caseId', caseIdParam) caseId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return relay(response, await this.upstream.call(request, 'casework', 'GET', `/v1/cases/${caseId}`));
  }

  @Post('cases/:caseId/:action')
  @Access(CONSOLE_ACCESS.work)
  async caseAction(
    @Param('caseId', caseIdParam) caseId: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    if (!CASE_ACTIONS.includes(action)) throw new NotFoundException();
    return relay(
      response,
      await this.upstream.call(request, 'casework', 'POST', `/v1/cases/${caseId}/${action}`, body ?? {}),
    );
  }
}
