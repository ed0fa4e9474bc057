import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '@care/auth';
import { AUDIT_ROLES } from '../shared/access-policy';
import { AUDIT_EXAMPLE, VALIDATION_EXAMPLE } from '../shared/openapi-examples';
import { ApiBadRequestResponse } from '@nestjs/swagger';
import { ReadAuditQuery } from './read-audit.query.dto';
import { ReadAuditService } from './read-audit.service';
import type { ReadAuditEntry } from './read-audit';

/** The read audit log, for admins (privacy officers): who read which member's task or case, when and why. */
@ApiTags('audit')
@Authorize(...AUDIT_ROLES)
@Controller('v1/audit')
export class AuditController {
  constructor(@Inject(ReadAuditService) private readonly audit: ReadAuditService) {}

  @Get('reads')
  @ApiOkResponse({
    description: 'Entries oldest first (allowed and refused reads), optionally of one member or one user; page with `after` = the last `nextAfter`',
    example: AUDIT_EXAMPLE,
  })
  @ApiBadRequestResponse({ description: 'Every failing query parameter named in `issues`', example: VALIDATION_EXAMPLE })
  async reads(@Query() query: ReadAuditQuery): Promise<{ entries: ReadAuditEntry[]; nextAfter: string | null }> {
    const entries = await this.audit.list({ memberId: query.memberId, actor: query.actor, afterEntryId: query.after, limit: query.limit ?? 100 });
    return { entries, nextAfter: entries.at(-1)?.entryId ?? null };
  }
}
