import { Body, ConflictException, Controller, HttpCode, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '@care/auth';
import { ClaimSubmission } from '@care/contracts';
import type { Response } from 'express';
import { BoundsPerItem } from '@care/observability';
import { applyBatch, readBatchBody, type BatchItemResult } from '../shared/apply-batch.util';
import { ClaimIntakeService } from './claim-intake.service';
import { ClaimBatchRequest } from './dto/claim-batch.dto';
import type { ClaimIntakeOutcome } from './use-cases/intake-claims/intake-claims.use-case';

/** HTTP intake of claims: one claim, or a batch with one result per item. */
@ApiTags('claims')
@Controller('v1/claims')
export class ClaimsController {
  constructor(@Inject(ClaimIntakeService) private readonly intake: ClaimIntakeService) {}

  @Post()
  @Access({ roles: ['claims-system'], scope: 'claims:write', memberData: false })
  @ApiBody({ schema: { $ref: '#/components/schemas/ClaimSubmission' } })
  @ApiOkResponse({
    description: '201 accepted (claim-received emitted); 200 duplicate of an earlier identical submission',
  })
  @ApiBadRequestResponse({
    description: 'Every failing field is named in `issues`; nothing stored or emitted',
  })
  @ApiConflictResponse({
    description: 'This claim id and version was already received with different content',
  })
  async submit(
    @Body() claim: ClaimSubmission,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ClaimIntakeOutcome> {
    const [outcome] = await this.intake.intake([claim], 'http');
    if (outcome === undefined || outcome.status === 'conflict') {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `claim ${claim.claimId} version ${claim.version} was already received with different content`,
      });
    }
    response.status(outcome.status === 'accepted' ? HttpStatus.CREATED : HttpStatus.OK);
    return outcome;
  }

  @Post('batch')
  @Access({ roles: ['claims-system'], scope: 'claims:write', memberData: false })
  @BoundsPerItem('claims')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: ClaimBatchRequest })
  @ApiOkResponse({
    description: 'One result per item, in order: accepted, duplicate, conflict or invalid (with issues)',
  })
  async submitBatch(@Body() body: unknown): Promise<{
    accepted: number;
    duplicate: number;
    conflict: number;
    invalid: number;
    results: Array<BatchItemResult<ClaimIntakeOutcome>>;
  }> {
    const request = readBatchBody(ClaimBatchRequest, body);
    const results = await applyBatch(ClaimSubmission, request.claims, (claims) =>
      this.intake.intake(claims, 'http'),
    );
    const count = (status: BatchItemResult<ClaimIntakeOutcome>['status']): number =>
      results.filter((result) => result.status === status).length;
    return {
      accepted: count('accepted'),
      duplicate: count('duplicate'),
      conflict: count('conflict'),
      invalid: count('invalid'),
      results,
    };
  }
}
