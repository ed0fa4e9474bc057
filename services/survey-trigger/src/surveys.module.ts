import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { MessagingRuntime } from '@care/messaging';
import { DataSource } from 'typeorm';
import { decidePendingVisitsWhenMembersChange } from './members/handlers/decide-pending-visits-when-members-change.handler';
import { RecordMembersUseCase } from './members/use-cases/record-members/record-members.use-case';
import { SurveysController } from './responses/http/surveys.controller';
import { RecordResponseUseCase } from './responses/use-cases/record-response/record-response.use-case';
import { ProviderSurveyScoresController } from './scores/http/provider-survey-scores.controller';
import { CLOCK, SYSTEM_CLOCK, type Clock } from '@care/observability';
import { SURVEY_OPTIONS, type SurveyOptions } from './shared/survey-options';
import { SurveyMetrics } from './shared/survey.metrics';
import { MemberSurveyVisitsController } from './visits/http/member-survey-visits.controller';
import { MemberSurveyVisitsQuery } from './visits/http/member-survey-visits.query';
import { triggerSurveysWhenClaimsArrive } from './visits/handlers/trigger-surveys-when-claims-arrive.handler';
import { DecideVisitsUseCase } from './visits/use-cases/decide-visits/decide-visits.use-case';
import { RecordVisitsUseCase } from './visits/use-cases/record-visits/record-visits.use-case';

/**
 * Post-visit surveys: claims and roster in, visits decided and `survey-triggered` out; responses in, provider
 * scores out.
 */
@Module({})
export class SurveysModule implements OnModuleInit {
  constructor(
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(RecordVisitsUseCase) private readonly recordVisits: RecordVisitsUseCase,
    @Inject(RecordMembersUseCase) private readonly recordMembers: RecordMembersUseCase,
    @Inject(SurveyMetrics) private readonly metrics: SurveyMetrics,
  ) {}

  static forRoot(options: SurveyOptions, clock: Clock = SYSTEM_CLOCK): DynamicModule {
    return {
      module: SurveysModule,
      controllers: [MemberSurveyVisitsController, SurveysController, ProviderSurveyScoresController],
      providers: [
        { provide: SURVEY_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: clock },
        {
          provide: DecideVisitsUseCase,
          inject: [MessagingRuntime],
          useFactory: (messaging: MessagingRuntime) =>
            new DecideVisitsUseCase(messaging.events, options, clock),
        },
        {
          provide: RecordVisitsUseCase,
          inject: [DecideVisitsUseCase],
          useFactory: (decide: DecideVisitsUseCase) => new RecordVisitsUseCase(decide, options),
        },
        {
          provide: RecordMembersUseCase,
          inject: [DecideVisitsUseCase],
          useFactory: (decide: DecideVisitsUseCase) => new RecordMembersUseCase(decide),
        },
        {
          provide: RecordResponseUseCase,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new RecordResponseUseCase(dataSource, clock),
        },
        SurveyMetrics,
        MemberSurveyVisitsQuery,
      ],
    };
  }

  onModuleInit(): void {
    this.messaging.registerConsumer(decidePendingVisitsWhenMembersChange(this.recordMembers, this.metrics));
    this.messaging.registerConsumer(triggerSurveysWhenClaimsArrive(this.recordVisits, this.metrics));
  }
}
