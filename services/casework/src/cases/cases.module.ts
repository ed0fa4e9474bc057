import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, type Clock } from '@care/observability';
import { CASEWORK_POLICY, type CaseworkPolicy } from '../shared/casework-policy';
import { CaseMetrics } from './case.metrics';
import { CasesService } from './cases.service';
import { CasesController } from './http/cases.controller';

/** Advocacy cases: intake, routing, life cycle, bill negotiation; `case-opened` out. */
@Module({})
export class CasesModule {
  static forRoot(policy: CaseworkPolicy, clock: Clock): DynamicModule {
    return {
      module: CasesModule,
      controllers: [CasesController],
      providers: [{ provide: CASEWORK_POLICY, useValue: policy }, { provide: CLOCK, useValue: clock }, CaseMetrics, CasesService],
    };
  }
}
