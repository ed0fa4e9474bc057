import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { MessagingRuntime } from '@care/messaging';
import { keepRosterAndScoreHeld } from '../members/handlers/keep-roster-and-score-held.handler';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { RequestsModule } from '../requests/requests.module';
import { MemberScreeningHistoryService } from './history/member-screening-history.service';
import { MemberScreeningsController } from './member-screenings.controller';
import { ScreeningMetrics } from './screening.metrics';
import { ScreeningService } from './screening.service';
import { ScreeningsController } from './screenings.controller';

/**
 * Screenings in (coach answers, FHIR), scored and stored; a member's history and trend out. Keeps the roster facts
 * screening needs (`member-eligibility-changed`) and scores the screenings held until their member arrived.
 */
@Module({
  imports: [RequestsModule, FollowUpsModule],
  controllers: [ScreeningsController, MemberScreeningsController],
  providers: [ScreeningMetrics, ScreeningService, MemberScreeningHistoryService],
})
export class ScreeningsModule implements OnModuleInit {
  constructor(
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(ScreeningService) private readonly screenings: ScreeningService,
  ) {}

  onModuleInit(): void {
    this.messaging.registerConsumer(keepRosterAndScoreHeld(this.screenings));
  }
}
