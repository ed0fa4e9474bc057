import { Controller, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '@care/auth';
import type { Request, Response } from 'express';
import { answerX12Upload } from '../files/x12/http/answer-x12-upload';
import { receiveInterchange } from '../files/x12/intake/receive-interchange';
import { members834Importer, type X12MembersSummary } from '../files/x12/members-834/import-members-834';
import { X12MemberIntakeService } from './x12-member-intake.service';

/**
 * Upload of an X12 834 benefit enrollment interchange (docs/x12-834.md), streamed: member additions, changes,
 * reinstatements and terminations onto the roster. Answers with the summary and the 999 acknowledgment.
 */
@ApiTags('members')
@Controller('v1/members/x12')
export class MemberX12FilesController {
  constructor(@Inject(X12MemberIntakeService) private readonly intake: X12MemberIntakeService) {}

  @Post()
  @Access({ roles: ['claims-system'], scope: 'eligibility:write', memberData: false })
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('application/edi-x12')
  @ApiProduces('application/json', 'application/edi-x12')
  @ApiOkResponse({
    description:
      'The interchange was read: members added, updated, unchanged, terminated and rejected (by segment position) and the 999',
  })
  @ApiBadRequestResponse({ description: 'Not an X12 interchange (wrong content type, no readable ISA)' })
  @ApiConflictResponse({
    description:
      'The interchange control number was received before with other content, or is being received now',
  })
  async upload(@Req() request: Request, @Res() response: Response): Promise<void> {
    await answerX12Upload<X12MembersSummary>(request, response, (input) =>
      receiveInterchange(input, this.intake.interchanges, '834', members834Importer(this.intake)),
    );
  }
}
