import { Module, type DynamicModule } from '@nestjs/common';
import { AuditTrailModule } from '@care/audit';
import { AuthModule } from '@care/auth';
import { MessagingModule } from '@care/messaging';
import { PersistenceModule } from '@care/persistence';
import { ObservabilityModule, SYSTEM_CLOCK, type Clock } from '@care/observability';
import { SurveysModule } from './surveys.module';
import { SERVICE_NAME, SURVEY_TRIGGER_SCHEMA, type SurveyTriggerConfig } from './survey-trigger.config';
import { SURVEY_TRIGGER_MIGRATIONS } from './migrations';

/** What tests may substitute: the clock (survey and response timestamps). */
export interface SurveyTriggerOverrides {
  readonly clock?: Clock;
}

/**
 * survey-trigger: `claim-received` and `member-eligibility-changed` in, `survey-triggered` out; survey responses in,
 * provider scores out.
 */
@Module({})
export class SurveyTriggerModule {
  static forRoot(config: SurveyTriggerConfig, overrides: SurveyTriggerOverrides = {}): DynamicModule {
    return {
      module: SurveyTriggerModule,
      imports: [
        ObservabilityModule.forRoot({ service: SERVICE_NAME, logLevel: config.logLevel }),
        PersistenceModule.forRoot({
          url: config.databaseUrl,
          schema: SURVEY_TRIGGER_SCHEMA,
          applicationName: SERVICE_NAME,
          migrations: SURVEY_TRIGGER_MIGRATIONS,
          poolSize: config.dbPoolSize,
          migrate: config.migrate,
        }),
        MessagingModule.forRoot({ service: SERVICE_NAME, settings: config }),
        AuthModule.forRoot(config),
        AuditTrailModule.forRoot({ clock: overrides.clock ?? SYSTEM_CLOCK }),
        SurveysModule.forRoot(
          {
            policy: {
              samplingRate: config.samplingRate,
              quietPeriodDays: config.quietPeriodDays,
              maxVisitAgeDays: config.maxVisitAgeDays,
              oneSurveyPerHousehold: config.oneSurveyPerHousehold,
            },
            classification: {
              includeNurseVisits: config.includeNurseVisits,
              includeTelehealth: config.includeTelehealth,
            },
            seed: config.seed,
            minResponses: config.minResponses,
          },
          overrides.clock ?? SYSTEM_CLOCK,
        ),
      ],
    };
  }
}
