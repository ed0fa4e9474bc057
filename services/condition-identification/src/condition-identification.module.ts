import { Module, type DynamicModule } from '@nestjs/common';
import { AuditTrailModule } from '@care/audit';
import { AuthModule } from '@care/auth';
import { MessagingModule } from '@care/messaging';
import { ObservabilityModule, SYSTEM_CLOCK, type Clock } from '@care/observability';
import { PersistenceModule } from '@care/persistence';
import {
  CONDITION_IDENTIFICATION_SCHEMA,
  SERVICE_NAME,
  type ConditionIdentificationConfig,
} from './condition-identification.config';
import { readCodeSetRelease } from './codesets/read-code-set-release';
import { ruleCatalogWith, type RuleCatalog } from './identification/evaluation/evaluate-members.use-case';
import { IdentificationModule } from './identification/identification.module';
import { CONDITION_IDENTIFICATION_MIGRATIONS } from './migrations';

/**
 * What tests may substitute: the clock, the rule catalog (default: the rules with the code set release loaded into
 * CODESETS_DIR, else the built-in code sets), and whether the daily re-evaluation runs on its timer.
 */
export interface ConditionIdentificationOverrides {
  readonly clock?: Clock;
  readonly catalog?: RuleCatalog;
  readonly scheduleReevaluation?: boolean;
}

/**
 * condition-identification: `claim-received` and `assessment-completed` in; `member-identified` and
 * `member-identification-retracted` out.
 */
@Module({})
export class ConditionIdentificationModule {
  static forRoot(
    config: ConditionIdentificationConfig,
    overrides: ConditionIdentificationOverrides = {},
  ): DynamicModule {
    return {
      module: ConditionIdentificationModule,
      imports: [
        ObservabilityModule.forRoot({ service: SERVICE_NAME, logLevel: config.logLevel }),
        PersistenceModule.forRoot({
          url: config.databaseUrl,
          schema: CONDITION_IDENTIFICATION_SCHEMA,
          applicationName: SERVICE_NAME,
          migrations: CONDITION_IDENTIFICATION_MIGRATIONS,
          poolSize: config.dbPoolSize,
          migrate: config.migrate,
        }),
        MessagingModule.forRoot({ service: SERVICE_NAME, settings: config }),
        AuthModule.forRoot(config),
        AuditTrailModule.forRoot({ clock: overrides.clock ?? SYSTEM_CLOCK }),
        IdentificationModule.forRoot(
          {
            reevaluationIntervalMs: config.reevaluationIntervalMs,
            reevaluationPageSize: config.reevaluationPageSize,
            rerunOnRuleChange: config.rerunOnRuleChange,
            scheduleReevaluation: overrides.scheduleReevaluation ?? true,
          },
          overrides.clock ?? SYSTEM_CLOCK,
          overrides.catalog ?? ruleCatalogWith(readCodeSetRelease(config.codesetsDir)),
        ),
      ],
    };
  }
}
