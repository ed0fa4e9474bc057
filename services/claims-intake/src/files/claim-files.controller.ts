import { BadRequestException, Controller, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '@care/auth';
import type { Request } from 'express';
import { ClaimIntakeService } from '../intake/claim-intake.service';
import { ClaimsCsvFormatError } from './csv/read-claims-csv';
import { importClaimsCsv, type CsvImportSummary } from './csv/import-claims-csv';

/** Upload of a claims CSV file (columns in docs/claims-csv.md), streamed: the file is never held whole. */
@ApiTags('claims')
@Controller('v1/claims/files')
export class ClaimFilesController {
  constructor(@Inject(ClaimIntakeService) private readonly intake: ClaimIntakeService) {}

  @Post()
  @Access({ roles: ['claims-system'], scope: 'claims:write', memberData: false })
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('text/csv')
  @ApiOkResponse({
    description:
      'Counts of accepted, duplicate, conflicting and rejected claims, with line numbers and reasons',
  })
  @ApiBadRequestResponse({
    description: 'Not a claims CSV (wrong content type, bad header or broken quoting)',
  })
  async upload(@Req() request: Request): Promise<CsvImportSummary> {
    if (!(request.headers['content-type'] ?? '').startsWith('text/csv')) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'send the file as text/csv',
      });
    }
    try {
      return await importClaimsCsv(request, (claims) => this.intake.intake(claims, 'file'));
    } catch (error) {
      if (error instanceof ClaimsCsvFormatError) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: error.message,
          line: error.line,
        });
      }
      throw error;
    }
  }
}
