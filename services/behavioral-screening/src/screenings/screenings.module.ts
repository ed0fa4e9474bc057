import { Module } from '@nestjs/common';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { RequestsModule } from '../requests/requests.module';
import { MemberScreeningHistoryService } from './history/member-screening-history.service';
import { MemberScreeningsController } from './member-screenings.controller';
import { ScreeningMetrics } from './screening.metrics';
import { ScreeningService } from './screening.service';
import { ScreeningsController } from './screenings.controller';

/** Screenings in (coach answers, FHIR), scored and stored; a member's history and trend out. */
@Module({
  imports: [RequestsModule, FollowUpsModule],
  controllers: [ScreeningsController, MemberScreeningsController],
  providers: [ScreeningMetrics, ScreeningService, MemberScreeningHistoryService],
})
export class ScreeningsModule {}
