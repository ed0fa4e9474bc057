import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '@care/auth';
import type { AuditTrailEntry } from './audit-trail';
import { AuditTrailQuery } from './audit-trail.query.dto';
import { MemberReadAudit } from './member-read-audit.service';

const EXAMPLE = {
  entries: [
    {
      entryId: '1042',
      at: '2026-03-02T14:05:00.000Z',
      actor: 'coach-ana',
      roles: ['coach'],
      purpose: 'care-management',
      route: 'GET /v1/members/:memberId/gaps',
      outcome: 'allowed',
      action: 'gaps.read',
      resourceType: 'member',
      resourceId: 'M-100234',
      memberId: 'M-100234',
    },
  ],
  nextAfter: '1042',
};

/**
 * The service's audit trail of member-data reads, for auditors (privacy officers) and admins: who read which
 * member's data, through which route, when and why, and who was refused. Read-only: no route changes it.
 */
@ApiTags('audit')
@Controller('v1/audit')
export class AuditTrailController {
  constructor(@Inject(MemberReadAudit) private readonly audit: MemberReadAudit) {}

  @Get('reads')
  @Access({ roles: ['auditor', 'admin'], scope: 'audit:read', memberData: false })
  @ApiOkResponse({
    description:
      'Entries oldest first (allowed and refused reads), optionally of one member or one user; page with `after` = the last `nextAfter`',
    example: EXAMPLE,
  })
  @ApiBadRequestResponse({
    description: 'Every failing query parameter named in `issues`',
    example: {
      statusCode: 400,
      error: 'Bad Request',
      message: 'validation failed',
      issues: [{ field: 'limit', messages: ['limit must not be greater than 1000'] }],
    },
  })
  async reads(
    @Query() query: AuditTrailQuery,
  ): Promise<{ entries: AuditTrailEntry[]; nextAfter: string | null }> {
    const entries = await this.audit.list({
      memberId: query.memberId,
      actor: query.actor,
      afterEntryId: query.after,
      limit: query.limit ?? 100,
    });
    return { entries, nextAfter: entries.at(-1)?.entryId ?? null };
  }
}
