import { Module, type DynamicModule } from '@nestjs/common';
import { AuditTrailModule } from '@care/audit';
import { AuthModule } from '@care/auth';
import { MessagingModule } from '@care/messaging';
import { ObservabilityModule } from '@care/observability';
import { PersistenceModule } from '@care/persistence';
import { CLAIMS_INTAKE_SCHEMA, SERVICE_NAME, type ClaimsIntakeConfig } from './claims-intake.config';
import { EligibilityModule } from './eligibility/eligibility.module';
import { FilesModule } from './files/files.module';
import { IntakeModule } from './intake/intake.module';
import { CLAIMS_INTAKE_MIGRATIONS } from './migrations';

/** claims-intake: claims and eligibility in from claims systems; `claim-received` and `member-eligibility-changed` out. */
@Module({})
export class ClaimsIntakeModule {
  static forRoot(config: ClaimsIntakeConfig): DynamicModule {
    return {
      module: ClaimsIntakeModule,
      imports: [
        ObservabilityModule.forRoot({ service: SERVICE_NAME, logLevel: config.logLevel }),
        PersistenceModule.forRoot({
          url: config.databaseUrl,
          schema: CLAIMS_INTAKE_SCHEMA,
          applicationName: SERVICE_NAME,
          migrations: CLAIMS_INTAKE_MIGRATIONS,
          poolSize: config.dbPoolSize,
          migrate: config.migrate,
        }),
        MessagingModule.forRoot({ service: SERVICE_NAME, settings: config }),
        AuthModule.forRoot(config),
        AuditTrailModule.forRoot(),
        IntakeModule,
        EligibilityModule,
        FilesModule,
      ],
    };
  }
}
