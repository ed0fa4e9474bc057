import { BadRequestException, Body, Controller, Get, HttpStatus, Inject, Param, Post, Res, type PipeTransform, Injectable } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '@care/auth';
import { AuditContext, AuditedRead, type ReadContext } from '@care/audit';
import { CASEWORK_ID_PATTERN } from '@care/contracts';
import { ParseMemberIdPipe } from '@care/observability';
import type { Response } from 'express';
import { READ_CASEWORK, WORK_CASEWORK } from '../../shared/access-policy';
import {
  CASE_DETAIL_EXAMPLE,
  CASE_EXAMPLE,
  errorExample,
  NEGOTIATION_EXAMPLE,
  queueForbidden,
  VALIDATION_EXAMPLE,
} from '../../shared/openapi-examples';
import type { BillNegotiationView, CaseDetail, CaseView } from '../case.model';
import { CasesService } from '../cases.service';
import { ChangeCaseStatusRequest, OpenCaseRequest, RecordBillNegotiationRequest } from './case-requests.dto';

/** `:caseId` must be a casework id (400 in the body-validation shape otherwise). */
@Injectable()
export class ParseCaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (CASEWORK_ID_PATTERN.test(value)) return value;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'validation failed',
      issues: [{ field: 'caseId', messages: ["caseId must be 1-64 characters of letters, digits, '.', '_' or '-'"] }],
    });
  }
}

const NO_CASE = { description: 'No case with this id', example: errorExample(404, 'Not Found', 'case-not-found', 'no case C-2026-000142') };

/** Advocacy cases: intake, reading, the status life cycle and the bill-saver outcome. Thin: the service decides. */
@ApiTags('cases')
@ApiBadRequestResponse({ description: 'Every failing field named in `issues`; nothing changed', example: VALIDATION_EXAMPLE })
@Controller('v1')
export class CasesController {
  constructor(@Inject(CasesService) private readonly cases: CasesService) {}

  @Post('cases')
  @Access(WORK_CASEWORK)
  @ApiCreatedResponse({
    description:
      'Opened: routed to the advocates or the health plan\'s team (reason recorded), a callback task owed by the next business day, `case-opened` emitted',
    example: CASE_DETAIL_EXAMPLE,
  })
  @ApiOkResponse({ description: 'This caseId was already opened with the same member, service and summary: the stored case', example: CASE_DETAIL_EXAMPLE })
  @ApiConflictResponse({ description: 'This caseId was opened with other content', example: errorExample(409, 'Conflict', 'case-conflict', 'case C-2026-000142 was already opened with other content') })
  @ApiUnprocessableEntityResponse({
    description:
      'Refused with the reason: member-unknown (not on the roster), not-eligible (relationship not served, or coverage not active), bill-not-eligible (bill-saver needs a non-covered bill over $400)',
    example: errorExample(422, 'Unprocessable Entity', 'bill-not-eligible', 'non-covered bills are negotiated above $400'),
  })
  async open(
    @Body() body: OpenCaseRequest,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDetail> {
    const result = await this.cases.open(
      {
        caseId: body.caseId,
        memberId: body.memberId,
        serviceId: body.serviceId,
        channel: body.channel,
        summary: body.summary,
        contactAt: body.contactAt === undefined ? undefined : new Date(body.contactAt),
        bill: body.bill,
      },
      caller,
    );
    response.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
    return result.case;
  }

  @Get('cases/:caseId')
  @Access(READ_CASEWORK)
  @AuditedRead('The case with its status history, bill negotiation and callback task', CASE_DETAIL_EXAMPLE)
  @ApiNotFoundResponse(NO_CASE)
  @ApiForbiddenResponse(queueForbidden('case'))
  get(
    @Param('caseId', ParseCaseIdPipe) caseId: string,
    @CurrentCaller() caller: Caller,
    @AuditContext() context: ReadContext,
  ): Promise<CaseDetail> {
    return this.cases.get(caseId, caller, context);
  }

  @Get('members/:memberId/cases')
  @Access(READ_CASEWORK)
  @AuditedRead("The member's cases in the caller's queues (supervisors: all), newest first (each one returned)", [CASE_EXAMPLE])
  listOfMember(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @CurrentCaller() caller: Caller,
    @AuditContext() context: ReadContext,
  ): Promise<CaseView[]> {
    return this.cases.listOfMember(memberId, caller, context);
  }

  @Post('cases/:caseId/status')
  @Access(WORK_CASEWORK)
  @ApiOkResponse({ description: 'The case after the change (or as it is, when it already has this status); the change is in its history', example: { ...CASE_EXAMPLE, status: 'in-progress' } })
  @ApiNotFoundResponse(NO_CASE)
  @ApiForbiddenResponse(queueForbidden('case'))
  @ApiConflictResponse({
    description: 'transition-not-allowed (names the statuses allowed from here), negotiation-missing (a bill negotiation completes only with its outcome and sign-off recorded)',
    example: errorExample(409, 'Conflict', 'transition-not-allowed', 'a open case can move to in-progress, withdrawn, not closed'),
  })
  async changeStatus(
    @Param('caseId', ParseCaseIdPipe) caseId: string,
    @Body() body: ChangeCaseStatusRequest,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    response.status(HttpStatus.OK);
    return this.cases.changeStatus(caseId, { status: body.status, reason: body.reason, resolution: body.resolution }, caller);
  }

  @Post('cases/:caseId/bill-negotiation')
  @Access(WORK_CASEWORK)
  @ApiCreatedResponse({ description: 'Recorded (savings = bill − negotiated amount); it cannot be changed afterwards', example: NEGOTIATION_EXAMPLE })
  @ApiOkResponse({ description: 'The same outcome was already recorded: the stored one', example: NEGOTIATION_EXAMPLE })
  @ApiNotFoundResponse(NO_CASE)
  @ApiForbiddenResponse(queueForbidden('case'))
  @ApiConflictResponse({
    description: 'negotiation-not-applicable (not a bill-saver case), negotiation-conflict (another outcome is recorded), transition-not-allowed (case closed or withdrawn)',
    example: errorExample(409, 'Conflict', 'negotiation-not-applicable', 'case C-2026-000142 is not a bill negotiation'),
  })
  async recordNegotiation(
    @Param('caseId', ParseCaseIdPipe) caseId: string,
    @Body() body: RecordBillNegotiationRequest,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BillNegotiationView> {
    const result = await this.cases.recordNegotiation(caseId, body, caller);
    response.status(result.written ? HttpStatus.CREATED : HttpStatus.OK);
    return result.negotiation;
  }
}
