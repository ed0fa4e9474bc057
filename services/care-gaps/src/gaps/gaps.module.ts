import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { MessagingRuntime } from '@care/messaging';
import { CLOCK, SYSTEM_CLOCK, type Clock } from '@care/observability';
import {
  DEFAULT_GAP_CATALOG,
  EvaluateGapsUseCase,
  type GapPolicy,
  type GapRuleCatalog,
} from './evaluation/evaluate-gaps.use-case';
import { AdoptCodeSetReleaseService } from './codesets/adopt-code-set-release.service';
import { GapMetrics } from './gap.metrics';
import { GAP_OPTIONS, type GapOptions } from './gap.options';
import { evaluateGapsWhenInputsArrive } from './handlers/evaluate-gaps-when-inputs-arrive.handler';
import { GapsController } from './http/gaps.controller';
import { GapsQuery } from './http/gaps.query';
import { DailyGapReviewService } from './review/daily-gap-review.service';

/** Care gaps: claims, roster, conditions and enrollment in; gaps and alerts out; members' and doctors' lists. */
@Module({})
export class GapsModule implements OnModuleInit {
  constructor(
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(EvaluateGapsUseCase) private readonly evaluate: EvaluateGapsUseCase,
    @Inject(GapMetrics) private readonly metrics: GapMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  static forRoot(
    options: GapOptions,
    policy: GapPolicy,
    clock: Clock = SYSTEM_CLOCK,
    catalog: GapRuleCatalog = DEFAULT_GAP_CATALOG,
  ): DynamicModule {
    return {
      module: GapsModule,
      controllers: [GapsController],
      providers: [
        { provide: GAP_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: clock },
        {
          provide: EvaluateGapsUseCase,
          inject: [MessagingRuntime],
          useFactory: (messaging: MessagingRuntime) =>
            new EvaluateGapsUseCase(messaging.events, policy, catalog),
        },
        GapMetrics,
        GapsQuery,
        AdoptCodeSetReleaseService,
        DailyGapReviewService,
      ],
    };
  }

  onModuleInit(): void {
    this.messaging.registerConsumer(evaluateGapsWhenInputsArrive(this.evaluate, this.metrics, this.clock));
  }
}
