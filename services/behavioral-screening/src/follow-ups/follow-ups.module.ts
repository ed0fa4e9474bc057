import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { FollowUpMetrics } from './follow-up.metrics';
import { FollowUpPoller } from './follow-up.poller';

/** The durable schedule of follow-up PHQ-9s after positive screens, and its poller. */
@Module({
  imports: [RequestsModule],
  providers: [FollowUpMetrics, FollowUpPoller],
  exports: [FollowUpMetrics, FollowUpPoller],
})
export class FollowUpsModule {}
