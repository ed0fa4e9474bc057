import { Module, type DynamicModule } from '@nestjs/common';
import { OpsController } from './ops.controller';
import { OpsDeadLetters } from './ops-dead-letters';
import { OPS_KAFKA_SETTINGS, OpsKafka, type OpsKafkaSettings } from './ops-kafka';
import { OPS_SAMPLING_SETTINGS, OpsSampler, type OpsSamplingSettings } from './ops-sampler';

/** The ops pages' backend: topics, consumer lag over time, dead letters, reveal and replay (libs/messaging ops). */
@Module({})
export class OpsModule {
  static forRoot(settings: { kafka: OpsKafkaSettings; sampling: OpsSamplingSettings }): DynamicModule {
    return {
      module: OpsModule,
      controllers: [OpsController],
      providers: [
        { provide: OPS_KAFKA_SETTINGS, useValue: settings.kafka },
        { provide: OPS_SAMPLING_SETTINGS, useValue: settings.sampling },
        OpsKafka,
        OpsSampler,
        OpsDeadLetters,
      ],
    };
  }
}
