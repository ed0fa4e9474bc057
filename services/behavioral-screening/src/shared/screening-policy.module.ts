import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, SYSTEM_CLOCK, type Clock } from '@care/observability';
import type { BehavioralScreeningConfig } from '../behavioral-screening.config';
import { SCREENING_POLICY, screeningPolicyOf } from './screening-policy';

/** Provides the configured {@link ScreeningPolicy} and the service's clock (CLOCK) to every module of the service. */
@Module({})
export class ScreeningPolicyModule {
  static forRoot(config: BehavioralScreeningConfig, clock: Clock = SYSTEM_CLOCK): DynamicModule {
    return {
      module: ScreeningPolicyModule,
      global: true,
      providers: [
        { provide: SCREENING_POLICY, useValue: screeningPolicyOf(config) },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [SCREENING_POLICY, CLOCK],
    };
  }
}
