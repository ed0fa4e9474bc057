import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, type Clock } from '@care/observability';
import { AuditController } from './audit.controller';
import { ReadAuditService } from './read-audit.service';

/** The read audit log: written by every read of member data, read by admins. */
@Module({})
export class AuditModule {
  static forRoot(clock: Clock): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController],
      providers: [{ provide: CLOCK, useValue: clock }, ReadAuditService],
      exports: [ReadAuditService],
    };
  }
}
