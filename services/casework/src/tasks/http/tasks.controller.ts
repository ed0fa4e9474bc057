import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '@care/auth';
import { AuditContext, AuditedRead, type ReadContext } from '@care/audit';
import type { Response } from 'express';
import { READ_CASEWORK, WORK_CASEWORK } from '../../shared/access-policy';
import { errorExample, queueForbidden, TASK_DETAIL_EXAMPLE, TASK_EXAMPLE, VALIDATION_EXAMPLE } from '../../shared/openapi-examples';
import type { TaskNote } from '../persistence/task-note.repository';
import { TaskActionsService, type TaskDetail } from '../task-actions.service';
import type { TaskView } from '../task.model';
import { ParseTaskIdPipe } from './task-params.pipe';
import { AddNoteRequest, CompleteTaskRequest, ReassignTaskRequest, SnoozeTaskRequest } from './task-requests.dto';

const NOTE_EXAMPLE = TASK_DETAIL_EXAMPLE.notes[0];

/** One task: read it, reassign, snooze, complete, and add notes. Thin: the service decides. */
@ApiTags('tasks')
@ApiForbiddenResponse(queueForbidden('task'))
@ApiBadRequestResponse({ description: 'Every failing field named in `issues`; nothing changed', example: VALIDATION_EXAMPLE })
@ApiNotFoundResponse({ description: 'No task with this id', example: errorExample(404, 'Not Found', 'task-not-found', `no task ${TASK_EXAMPLE.taskId}`) })
@Controller('v1/tasks')
export class TasksController {
  constructor(@Inject(TaskActionsService) private readonly tasks: TaskActionsService) {}

  @Get(':taskId')
  @Access(READ_CASEWORK)
  @AuditedRead('The task with its notes and its history (every change: who, what, when)', TASK_DETAIL_EXAMPLE)
  get(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
    @CurrentCaller() caller: Caller,
    @AuditContext() context: ReadContext,
  ): Promise<TaskDetail> {
    return this.tasks.get(taskId, caller, context);
  }

  @Post(':taskId/reassign')
  @Access(WORK_CASEWORK)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Assigned to the named user (an open or snoozed task is taken out of the queue)', example: { ...TASK_EXAMPLE, assignee: 'coach-ben' } })
  @ApiConflictResponse({ description: 'The task is completed or cancelled', example: errorExample(409, 'Conflict', 'task-closed', `task ${TASK_EXAMPLE.taskId} is completed`) })
  reassign(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
    @CurrentCaller() caller: Caller,
    @Body() body: ReassignTaskRequest,
  ): Promise<TaskView> {
    return this.tasks.change(taskId, { action: 'reassign', assignee: body.assignee }, caller);
  }

  @Post(':taskId/snooze')
  @Access(WORK_CASEWORK)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description: 'Back in its queue, handed out again from `until`; the due time does not move',
    example: { ...TASK_EXAMPLE, status: 'snoozed', assignee: null, assignedAt: null, snoozeReason: 'Member asked for a call after 5 pm', availableAt: '2026-11-24T22:00:00.000Z' },
  })
  @ApiConflictResponse({ description: 'The task is completed or cancelled', example: errorExample(409, 'Conflict', 'task-closed', `task ${TASK_EXAMPLE.taskId} is cancelled`) })
  snooze(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
    @CurrentCaller() caller: Caller,
    @Body() body: SnoozeTaskRequest,
  ): Promise<TaskView> {
    return this.tasks.change(taskId, { action: 'snooze', until: new Date(body.until), reason: body.reason }, caller);
  }

  @Post(':taskId/complete')
  @Access(WORK_CASEWORK)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'Completed with the outcome (again with the same outcome: the same answer). enrolled/declined record the care-program status and emit program-enrollment-changed. A coach or advocate completes only a task they hold (403 not-task-holder)',
    example: { ...TASK_EXAMPLE, status: 'completed', outcome: 'enrolled', closedAt: '2026-11-24T15:20:00.000Z' },
  })
  @ApiConflictResponse({
    description: 'Not assigned to anyone, cancelled, or completed with another outcome',
    example: errorExample(409, 'Conflict', 'outcome-conflict', `task ${TASK_EXAMPLE.taskId} was already completed with another outcome`),
  })
  complete(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
    @CurrentCaller() caller: Caller,
    @Body() body: CompleteTaskRequest,
  ): Promise<TaskView> {
    return this.tasks.change(taskId, { action: 'complete', outcome: body.outcome }, caller);
  }

  @Post(':taskId/notes')
  @Access(WORK_CASEWORK)
  @ApiCreatedResponse({ description: 'Note appended (notes can never be edited or deleted)', example: NOTE_EXAMPLE })
  @ApiOkResponse({ description: 'This note id was already stored with the same content: the stored note', example: NOTE_EXAMPLE })
  @ApiConflictResponse({
    description: 'This note id was already stored with other content',
    example: errorExample(409, 'Conflict', 'note-conflict', `note ${NOTE_EXAMPLE?.noteId ?? ''} was already stored with other content`),
  })
  async addNote(
    @Param('taskId', ParseTaskIdPipe) taskId: string,
    @CurrentCaller() caller: Caller,
    @Body() body: AddNoteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TaskNote> {
    const result = await this.tasks.addNote(taskId, body.text, caller, body.noteId);
    response.status(result.written ? HttpStatus.CREATED : HttpStatus.OK);
    return result.note;
  }
}
