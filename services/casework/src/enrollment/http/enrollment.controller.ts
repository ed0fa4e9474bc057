import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '@care/auth';
import { AuditContext, AuditedRead, type ReadContext } from '@care/audit';
import { ParseMemberIdPipe } from '@care/observability';
import type { Response } from 'express';
import { READ_CASEWORK, WORK_CASEWORK } from '../../shared/access-policy';
import { ENROLLMENT_EXAMPLE, VALIDATION_EXAMPLE } from '../../shared/openapi-examples';
import { EnrollmentService } from '../enrollment.service';
import type { EnrollmentView } from '../persistence/enrollment.repository';
import { ChangeEnrollmentRequest } from './change-enrollment.dto';

/** A member's program enrollment: enrolled, declined, opted out or unenrolled, and how it came about. */
@ApiTags('enrollment')
@Controller('v1/members/:memberId/enrollment')
export class EnrollmentController {
  constructor(@Inject(EnrollmentService) private readonly enrollment: EnrollmentService) {}

  @Post()
  @Access(WORK_CASEWORK)
  @ApiCreatedResponse({
    description:
      'Status changed and program-enrollment-changed emitted; an opt-out or decline of the care program cancels the member\'s open outreach tasks (urgent safety follow-ups excepted) and blocks new ones',
    example: { result: 'changed', ...ENROLLMENT_EXAMPLE },
  })
  @ApiOkResponse({ description: 'The member already has this status: nothing changed or emitted', example: { result: 'unchanged', ...ENROLLMENT_EXAMPLE } })
  @ApiBadRequestResponse({ description: 'Every failing field named in `issues`', example: VALIDATION_EXAMPLE })
  async change(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @CurrentCaller() caller: Caller,
    @Body() body: ChangeEnrollmentRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EnrollmentView & { readonly result: 'changed' | 'unchanged' }> {
    const outcome = await this.enrollment.change({ memberId, ...body, actor: caller.subject });
    response.status(outcome.status === 'changed' ? HttpStatus.CREATED : HttpStatus.OK);
    return { result: outcome.status, ...outcome.enrollment };
  }

  @Get()
  @Access(READ_CASEWORK)
  @AuditedRead("The member's status in every program casework has recorded", [ENROLLMENT_EXAMPLE])
  list(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @AuditContext() context: ReadContext,
  ): Promise<EnrollmentView[]> {
    return this.enrollment.list(memberId, context);
  }
}
