import { Module, type DynamicModule } from '@nestjs/common';
import { ACCESS_REFUSAL_RECORDER } from '@care/auth';
import { CLOCK, SYSTEM_CLOCK, type Clock } from '@care/observability';
import { AuditTrailController } from './audit-trail.controller';
import { MemberReadAudit } from './member-read-audit.service';

/**
 * The audit trail of a service: {@link MemberReadAudit} for its handlers, the access guard's refusal recorder, and
 * `GET /v1/audit/reads` for auditors. Needs the service's TypeORM DataSource and the `AuditTrail1796800000000`
 * migration among its migrations.
 */
@Module({})
export class AuditTrailModule {
  static forRoot(options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AuditTrailModule,
      global: true,
      controllers: [AuditTrailController],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? SYSTEM_CLOCK },
        MemberReadAudit,
        { provide: ACCESS_REFUSAL_RECORDER, useExisting: MemberReadAudit },
      ],
      exports: [MemberReadAudit, ACCESS_REFUSAL_RECORDER],
    };
  }
}
