import { Module, type DynamicModule } from '@nestjs/common';
import { AuditTrailModule } from '@care/audit';
import { AuthModule } from '@care/auth';
import { MessagingModule } from '@care/messaging';
import { ObservabilityModule, SYSTEM_CLOCK, type Clock } from '@care/observability';
import { PersistenceModule } from '@care/persistence';
import { CARE_GAPS_SCHEMA, SERVICE_NAME, type CareGapsConfig } from './care-gaps.config';
import { readCodeSetRelease } from './codesets/read-code-set-release';
import { gapCatalogWith, type GapRuleCatalog } from './gaps/evaluation/evaluate-gaps.use-case';
import { GapsModule } from './gaps/gaps.module';
import { CARE_GAPS_MIGRATIONS } from './migrations';

/**
 * What tests may substitute: the clock, the rule catalog (default: the gap rules with the code set release loaded into
 * CODESETS_DIR, else the built-in code sets), and whether the daily review runs on its timer.
 */
export interface CareGapsOverrides {
  readonly clock?: Clock;
  readonly catalog?: GapRuleCatalog;
  readonly scheduleReview?: boolean;
}

/**
 * care-gaps: `claim-received`, `member-eligibility-changed`, `member-identified` (and its retraction) and
 * `program-enrollment-changed` in; `care-gap-detected`, `care-gap-closed` and `care-alert-issued` out.
 */
@Module({})
export class CareGapsModule {
  static forRoot(config: CareGapsConfig, overrides: CareGapsOverrides = {}): DynamicModule {
    return {
      module: CareGapsModule,
      imports: [
        ObservabilityModule.forRoot({ service: SERVICE_NAME, logLevel: config.logLevel }),
        PersistenceModule.forRoot({
          url: config.databaseUrl,
          schema: CARE_GAPS_SCHEMA,
          applicationName: SERVICE_NAME,
          migrations: CARE_GAPS_MIGRATIONS,
          poolSize: config.dbPoolSize,
          migrate: config.migrate,
        }),
        MessagingModule.forRoot({ service: SERVICE_NAME, settings: config }),
        AuthModule.forRoot(config),
        AuditTrailModule.forRoot({ clock: overrides.clock ?? SYSTEM_CLOCK }),
        GapsModule.forRoot(
          {
            reviewIntervalMs: config.reviewIntervalMs,
            reviewPageSize: config.reviewPageSize,
            scheduleReview: overrides.scheduleReview ?? true,
          },
          { programId: config.careProgramId, alertSuppressionDays: config.alertSuppressionDays },
          overrides.clock ?? SYSTEM_CLOCK,
          overrides.catalog ?? gapCatalogWith(readCodeSetRelease(config.codesetsDir)),
        ),
      ],
    };
  }
}
