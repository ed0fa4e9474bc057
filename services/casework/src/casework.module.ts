import { Module, type DynamicModule } from '@nestjs/common';
import { AuditTrailModule } from '@care/audit';
import { AuthModule } from '@care/auth';
import { MessagingModule } from '@care/messaging';
import { ObservabilityModule, SYSTEM_CLOCK, type Clock } from '@care/observability';
import { PersistenceModule } from '@care/persistence';
import { standardCalendars } from './calendar/business-calendar';
import { CasesModule } from './cases/cases.module';
import { CASEWORK_SCHEMA, SERVICE_NAME, type CaseworkConfig } from './casework.config';
import { CASEWORK_MIGRATIONS } from './migrations';
import type { CaseworkPolicy } from './shared/casework-policy';
import { TasksModule } from './tasks/tasks.module';

/** What tests may substitute: the clock. */
export interface CaseworkOverrides {
  readonly clock?: Clock;
}

/** The rules casework runs with, from its settings (the calendars are checked here, at start-up). */
export function caseworkPolicyOf(config: CaseworkConfig): CaseworkPolicy {
  return {
    careProgramId: config.careProgramId,
    calendars: standardCalendars(config.holidays),
    due: {
      urgentDueHours: config.urgentDueHours,
      followUpDueHours: config.followUpDueHours,
      welcomeDueHours: config.welcomeDueHours,
      gapDueHours: config.gapDueHours,
    },
  };
}

/**
 * casework: `member-identified`, `care-gap-detected`, `screening-completed`, `member-eligibility-changed`,
 * `member-identification-retracted` and `care-gap-closed` in; work queues, advocacy cases and program enrollment
 * behind OIDC bearer tokens, every read of member data audited; `program-enrollment-changed` and `case-opened` out.
 */
@Module({})
export class CaseworkModule {
  static forRoot(config: CaseworkConfig, overrides: CaseworkOverrides = {}): DynamicModule {
    return {
      module: CaseworkModule,
      imports: [
        ObservabilityModule.forRoot({ service: SERVICE_NAME, logLevel: config.logLevel }),
        PersistenceModule.forRoot({
          url: config.databaseUrl,
          schema: CASEWORK_SCHEMA,
          applicationName: SERVICE_NAME,
          migrations: CASEWORK_MIGRATIONS,
          poolSize: config.dbPoolSize,
          migrate: config.migrate,
        }),
        MessagingModule.forRoot({ service: SERVICE_NAME, settings: config }),
        AuthModule.forRoot(config),
        AuditTrailModule.forRoot({ clock: overrides.clock ?? SYSTEM_CLOCK }),
        TasksModule.forRoot(caseworkPolicyOf(config), overrides.clock ?? SYSTEM_CLOCK),
        CasesModule.forRoot(caseworkPolicyOf(config), overrides.clock ?? SYSTEM_CLOCK),
      ],
    };
  }
}
