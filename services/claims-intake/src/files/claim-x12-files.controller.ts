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
import { claims837Importer, type X12ClaimsSummary } from './x12/claims-837/import-claims-837';
import { X12ClaimIntakeService } from './x12/intake/x12-claim-intake.service';
import { receiveInterchange } from './x12/intake/receive-interchange';
import { answerX12Upload } from './x12/http/answer-x12-upload';

/**
 * Upload of an X12 837P or 837I interchange (docs/x12-837.md), streamed: read a transaction set at a time. Answers
 * with the summary and the 999 acknowledgment; `Accept: application/edi-x12` answers with the acknowledgment alone.
 */
@ApiTags('claims')
@Controller('v1/claims/x12')
export class ClaimX12FilesController {
  constructor(@Inject(X12ClaimIntakeService) private readonly intake: X12ClaimIntakeService) {}

  @Post()
  @Access({ roles: ['claims-system'], scope: 'claims:write', memberData: false })
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('application/edi-x12')
  @ApiProduces('application/json', 'application/edi-x12')
  @ApiOkResponse({
    description:
      'The interchange was read: summary per transaction set and claim (CLM01 and reasons of rejected claims) and the 999',
  })
  @ApiBadRequestResponse({ description: 'Not an X12 interchange (wrong content type, no readable ISA)' })
  @ApiConflictResponse({
    description:
      'The interchange control number was received before with other content, or is being received now',
  })
  async upload(@Req() request: Request, @Res() response: Response): Promise<void> {
    await answerX12Upload<X12ClaimsSummary>(request, response, (input) =>
      receiveInterchange(input, this.intake.interchanges, '837', claims837Importer(this.intake)),
    );
  }
}
