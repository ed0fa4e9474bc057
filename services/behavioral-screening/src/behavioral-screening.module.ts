import { Module, type DynamicModule } from '@nestjs/common';
import { AuditTrailModule } from '@care/audit';
import { AuthModule } from '@care/auth';
import { MessagingModule } from '@care/messaging';
import { ObservabilityModule, type Clock } from '@care/observability';
import { PersistenceModule } from '@care/persistence';
import {
  BEHAVIORAL_SCREENING_SCHEMA,
  SERVICE_NAME,
  type BehavioralScreeningConfig,
} from './behavioral-screening.config';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { BEHAVIORAL_SCREENING_MIGRATIONS } from './migrations';
import { RequestsModule } from './requests/requests.module';
import { ScreeningsModule } from './screenings/screenings.module';
import { ScreeningPolicyModule } from './shared/screening-policy.module';

/**
 * behavioral-screening: PHQ-9 and AUDIT-C (and the PHQ-2 pre-screen) requested on `case-opened` and enrollment,
 * scored from coach answers or FHIR QuestionnaireResponses; `screening-requested` and `screening-completed` out.
 */
@Module({})
export class BehavioralScreeningModule {
  /** `overrides.clock` lets tests move time; production reads the system clock. */
  static forRoot(config: BehavioralScreeningConfig, overrides: { readonly clock?: Clock } = {}): DynamicModule {
    return {
      module: BehavioralScreeningModule,
      imports: [
        ObservabilityModule.forRoot({ service: SERVICE_NAME, logLevel: config.logLevel }),
        PersistenceModule.forRoot({
          url: config.databaseUrl,
          schema: BEHAVIORAL_SCREENING_SCHEMA,
          applicationName: SERVICE_NAME,
          migrations: BEHAVIORAL_SCREENING_MIGRATIONS,
          poolSize: config.dbPoolSize,
          migrate: config.migrate,
        }),
        MessagingModule.forRoot({ service: SERVICE_NAME, settings: config }),
        AuthModule.forRoot(config),
        AuditTrailModule.forRoot(overrides.clock === undefined ? {} : { clock: overrides.clock }),
        ScreeningPolicyModule.forRoot(config, overrides.clock),
        RequestsModule,
        ScreeningsModule,
        FollowUpsModule,
      ],
    };
  }
}
