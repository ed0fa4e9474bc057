import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '@care/auth';
import { AuditContext, AuditedRead, type ReadContext } from '@care/audit';
import { ParseMemberIdPipe } from '@care/observability';
import { READ_CASEWORK } from '../../shared/access-policy';
import { TASK_EXAMPLE } from '../../shared/openapi-examples';
import { TaskActionsService } from '../task-actions.service';
import type { TaskView } from '../task.model';

/** A member's open work, for the member view of the console. */
@ApiTags('tasks')
@Controller('v1/members/:memberId/tasks')
export class MemberTasksController {
  constructor(@Inject(TaskActionsService) private readonly tasks: TaskActionsService) {}

  @Get()
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
}
