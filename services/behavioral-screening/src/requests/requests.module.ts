import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { MessagingRuntime } from '@care/messaging';
import { CLOCK, type Clock } from '@care/observability';
import { SCREENING_POLICY, type ScreeningPolicy } from '../shared/screening-policy';
import { requestScreeningsWhenCaseOpened } from './handlers/request-screenings-when-case-opened.handler';
import { requestScreeningsWhenMemberEnrolled } from './handlers/request-screenings-when-member-enrolled.handler';
import { ScreeningRequestMetrics } from './screening-request.metrics';
import { RequestScreeningsUseCase } from './use-cases/request-screenings/request-screenings.use-case';

/** Screening requests when a case is opened or a member enrolls in a program. */
@Module({
  providers: [
    ScreeningRequestMetrics,
    {
      provide: RequestScreeningsUseCase,
      inject: [MessagingRuntime, SCREENING_POLICY, CLOCK],
      useFactory: (messaging: MessagingRuntime, policy: ScreeningPolicy, clock: Clock) =>
        new RequestScreeningsUseCase(messaging.events, policy, () => clock.now()),
    },
  ],
  exports: [ScreeningRequestMetrics],
})
export class RequestsModule implements OnModuleInit {
  constructor(
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(RequestScreeningsUseCase) private readonly useCase: RequestScreeningsUseCase,
    @Inject(ScreeningRequestMetrics) private readonly metrics: ScreeningRequestMetrics,
  ) {}

  onModuleInit(): void {
    this.messaging.registerConsumer(requestScreeningsWhenCaseOpened(this.useCase, this.metrics));
    this.messaging.registerConsumer(requestScreeningsWhenMemberEnrolled(this.useCase, this.metrics));
  }
}
