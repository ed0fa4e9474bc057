import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ParseMemberIdPipe } from '@care/observability';
import type { Response } from 'express';
import { CARE_USER_HEADER, CareUser, CareUserGuard } from '../../shared/care-user.decorator';
import { EnrollmentService } from '../enrollment.service';
import type { EnrollmentView } from '../persistence/enrollment.repository';
import { ChangeEnrollmentRequest } from './change-enrollment.dto';

/** A member's program enrollment: enrolled, declined, opted out or unenrolled, and how it came about. */
@ApiTags('enrollment')
@ApiHeader({ name: CARE_USER_HEADER, required: true, description: 'The caller (temporary: replaced by the OIDC subject in part 2)' })
@ApiUnauthorizedResponse({ description: `No ${CARE_USER_HEADER} header` })
@Controller('v1/members/:memberId/enrollment')
export class EnrollmentController {
  constructor(@Inject(EnrollmentService) private readonly enrollment: EnrollmentService) {}

  @Post()
  @ApiCreatedResponse({
    description:
      'Status changed and program-enrollment-changed emitted; an opt-out or decline of the care program cancels the member\'s open outreach tasks (urgent safety follow-ups excepted) and blocks new ones',
  })
  @ApiOkResponse({ description: 'The member already has this status: nothing changed or emitted' })
  @ApiBadRequestResponse({ description: 'Every failing field named in `issues`' })
  async change(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @CareUser() caller: string,
    @Body() body: ChangeEnrollmentRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EnrollmentView & { readonly result: 'changed' | 'unchanged' }> {
    const outcome = await this.enrollment.change({ memberId, ...body, actor: caller });
    response.status(outcome.status === 'changed' ? HttpStatus.CREATED : HttpStatus.OK);
    return { result: outcome.status, ...outcome.enrollment };
  }

  @UseGuards(CareUserGuard)
  @Get()
  @ApiOkResponse({ description: 'The member\'s status in every program casework has recorded' })
  list(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
  ): Promise<EnrollmentView[]> {
    return this.enrollment.list(memberId);
  }
}
