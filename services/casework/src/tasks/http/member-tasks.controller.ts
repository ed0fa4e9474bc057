import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '@care/auth';
import { AuditContext, AuditedRead, type ReadContext } from '@care/audit';
import { ParseMemberIdPipe } from '@care/observability';
import { READ_CASEWORK } from '../../shared/access-policy';
import { TASK_DETAIL_EXAMPLE, TASK_EXAMPLE } from '../../shared/openapi-examples';
import type { MemberNote } from '../persistence/task-note.repository';
import { TaskActionsService } from '../task-actions.service';
import type { TaskView } from '../task.model';

/** A member's open work and the notes on all their tasks, for the member view of the console. */
@ApiTags('tasks')
@Controller('v1/members/:memberId')
export class MemberTasksController {
  constructor(@Inject(TaskActionsService) private readonly tasks: TaskActionsService) {}

  @Get('tasks')
  @Access(READ_CASEWORK)
  @AuditedRead(
    "The member's active tasks (open, assigned, snoozed) in the caller's queues (supervisors: all), in queue order (each one returned)",
    [TASK_EXAMPLE],
  )
  list(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @CurrentCaller() caller: Caller,
    @AuditContext() context: ReadContext,
  ): Promise<TaskView[]> {
    return this.tasks.listOfMember(memberId, caller, context);
  }

  @Get('notes')
  @Access(READ_CASEWORK)
  @AuditedRead(
    "The notes on every task of the member (closed ones too) in the caller's queues (supervisors: all), newest first, at most 200, each with its task's kind and status (one audit entry for the member)",
    [{ ...TASK_DETAIL_EXAMPLE.notes[0], taskKind: TASK_EXAMPLE.kind, taskStatus: 'completed', queue: TASK_EXAMPLE.queue }],
  )
  notes(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @CurrentCaller() caller: Caller,
    @AuditContext() context: ReadContext,
  ): Promise<MemberNote[]> {
    return this.tasks.notesOfMember(memberId, caller, context);
  }
}
