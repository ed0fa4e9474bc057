import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { MessagingRuntime } from '@care/messaging';
import { CLOCK, SYSTEM_CLOCK, type Clock } from '@care/observability';
import {
  DEFAULT_RULE_CATALOG,
  EvaluateMembersUseCase,
  type RuleCatalog,
} from './evaluation/evaluate-members.use-case';
import { identifyWhenEvidenceArrives } from './handlers/identify-when-evidence-arrives.handler';
import { ConditionsController, IdentificationOperationsController } from './http/conditions.controller';
import { MemberConditionsQuery } from './http/member-conditions.query';
import { IdentificationMetrics } from './identification.metrics';
import { CONDITION_IDENTIFICATION_OPTIONS, type IdentificationOptions } from './identification.options';
import { DailyReevaluationService } from './reevaluation/daily-reevaluation.service';
import { IdentificationRerunsService } from './reruns/identification-reruns.service';

/** Chronic-condition identification: evidence in, identifications and retractions out, and the members' view. */
@Module({})
export class IdentificationModule implements OnModuleInit {
  constructor(
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(EvaluateMembersUseCase) private readonly evaluate: EvaluateMembersUseCase,
    @Inject(IdentificationMetrics) private readonly metrics: IdentificationMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  static forRoot(
    options: IdentificationOptions,
    clock: Clock = SYSTEM_CLOCK,
    catalog: RuleCatalog = DEFAULT_RULE_CATALOG,
  ): DynamicModule {
    return {
      module: IdentificationModule,
      controllers: [ConditionsController, IdentificationOperationsController],
      providers: [
        { provide: CONDITION_IDENTIFICATION_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: clock },
        {
          provide: EvaluateMembersUseCase,
          inject: [MessagingRuntime],
          useFactory: (messaging: MessagingRuntime) => new EvaluateMembersUseCase(messaging.events, catalog),
        },
        IdentificationMetrics,
        MemberConditionsQuery,
        DailyReevaluationService,
        IdentificationRerunsService,
      ],
    };
  }

  onModuleInit(): void {
    this.messaging.registerConsumer(identifyWhenEvidenceArrives(this.evaluate, this.metrics, this.clock));
  }
}
