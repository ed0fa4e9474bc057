import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_LOGGER, ParseMemberIdPipe } from '@care/observability';
import type { Logger } from 'pino';
import { MemberScreeningHistoryService, type MemberScreeningHistory } from './history/member-screening-history.service';

/** A member's screenings for coaches: history, trend per instrument, open requests, scheduled follow-ups. */
@ApiTags('screenings')
@Controller('v1/members')
export class MemberScreeningsController {
  constructor(
    @Inject(MemberScreeningHistoryService) private readonly history: MemberScreeningHistoryService,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  @Get(':memberId/screenings')
  @ApiOkResponse({
    description:
      'Screenings newest first; per instrument the series oldest first, change since the previous and the first result, direction (lower is better) and for PHQ-9 significant change, response and remission; open requests; scheduled follow-ups. Empty lists for a member without screenings',
  })
  @ApiBadRequestResponse({ description: 'Not a member id' })
  async screeningsOf(@Param('memberId', ParseMemberIdPipe) memberId: string): Promise<MemberScreeningHistory> {
    // Every read of a member's record is audited (member id only).
    this.logger.info({ audit: 'member-screenings-read', memberId }, 'member screenings read');
    return this.history.historyOf(memberId);
  }
}
