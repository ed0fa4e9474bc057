import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CARE_USER_HEADER, CareUser, CareUserGuard } from '../../shared/care-user.decorator';
import type { TaskNote } from '../persistence/task-note.repository';
import { TaskActionsService, type TaskDetail } from '../task-actions.service';
import type { TaskView } from '../task.model';
import { ParseTaskIdPipe } from './task-params.pipe';
import { AddNoteRequest, CompleteTaskRequest, ReassignTaskRequest, SnoozeTaskRequest } from './task-requests.dto';

const CALLER_HEADER = {
  name: CARE_USER_HEADER,
  required: true,
  description: 'The calling coach (temporary: replaced by the OIDC subject in part 2)',
  example: 'coach-ana',
};

/** One task: read it, reassign, snooze, complete, and add notes. Thin: the service decides. */
@ApiTags('tasks')
@ApiHeader(CALLER_HEADER)
@ApiUnauthorizedResponse({ description: `No ${CARE_USER_HEADER} header` })
@ApiBadRequestResponse({ description: 'Every failing field named in `issues`; nothing changed' })
@ApiNotFoundResponse({ description: 'No task with this id' })
@Controller('v1/tasks')
export class TasksController {
  constructor(@Inject(TaskActionsService) private readonly tasks: TaskActionsService) {}

  @UseGuards(CareUserGuard)
  @Get(':taskId')
  @ApiOkResponse({ description: 'The task with its notes and its history (every change: who, what, when)' })
  get(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
  ): Promise<TaskDetail> {
    return this.tasks.get(taskId);
  }

  @Post(':taskId/reassign')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Assigned to the named coach (an open or snoozed task is taken out of the queue)' })
  @ApiConflictResponse({ description: 'The task is completed or cancelled' })
  reassign(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
    @CareUser() caller: string,
    @Body() body: ReassignTaskRequest,
  ): Promise<TaskView> {
    return this.tasks.change(taskId, { action: 'reassign', assignee: body.assignee }, caller);
  }

  @Post(':taskId/snooze')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Back in its queue, handed out again from `until`; the due time does not move' })
  @ApiConflictResponse({ description: 'The task is completed or cancelled' })
  snooze(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
    @CareUser() caller: string,
    @Body() body: SnoozeTaskRequest,
  ): Promise<TaskView> {
    return this.tasks.change(taskId, { action: 'snooze', until: new Date(body.until), reason: body.reason }, caller);
  }

  @Post(':taskId/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'Completed with the outcome (again with the same outcome: the same answer). enrolled/declined record the care-program status and emit program-enrollment-changed',
  })
  @ApiConflictResponse({ description: 'Not assigned to anyone, cancelled, or completed with another outcome' })
  complete(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
    @CareUser() caller: string,
    @Body() body: CompleteTaskRequest,
  ): Promise<TaskView> {
    return this.tasks.change(taskId, { action: 'complete', outcome: body.outcome }, caller);
  }

  @Post(':taskId/notes')
  @ApiCreatedResponse({ description: 'Note appended (notes can never be edited or deleted)' })
  @ApiOkResponse({ description: 'This note id was already stored with the same content: the stored note' })
  @ApiConflictResponse({ description: 'This note id was already stored with other content' })
  async addNote(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
    @CareUser() caller: string,
    @Body() body: AddNoteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TaskNote> {
    const result = await this.tasks.addNote(taskId, body.text, caller, body.noteId);
    response.status(result.written ? HttpStatus.CREATED : HttpStatus.OK);
    return result.note;
  }
}
