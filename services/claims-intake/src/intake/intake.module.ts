import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { MessagingRuntime } from '@care/messaging';
import { ClaimIntakeMetrics } from './claim-intake.metrics';
import { ClaimIntakeService } from './claim-intake.service';
import { ClaimsController } from './claims.controller';
import { acceptClaimsWhenPublishedInbound } from './handlers/accept-claims-when-published-inbound.handler';

/** Claim intake over HTTP and from `claims-inbound`. */
@Module({
  controllers: [ClaimsController],
  providers: [ClaimIntakeService, ClaimIntakeMetrics],
  exports: [ClaimIntakeService],
})
export class IntakeModule implements OnModuleInit {
  constructor(
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(ClaimIntakeService) private readonly intake: ClaimIntakeService,
  ) {}

  onModuleInit(): void {
    this.messaging.registerConsumer(
      acceptClaimsWhenPublishedInbound(this.intake.intakeClaims, this.intake.intakeMetrics),
    );
  }
}
