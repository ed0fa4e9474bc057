import 'reflect-metadata';
import { bootstrapService } from '@care/observability';
import { ConditionIdentificationModule } from './condition-identification.module';
import {
  CONDITION_IDENTIFICATION_JSON_SCHEMAS,
  loadConditionIdentificationConfig,
} from './condition-identification.config';

/** Starts condition-identification; a bad setting stops it here with the variable named. */
async function main(): Promise<void> {
  const config = loadConditionIdentificationConfig();
  await bootstrapService(ConditionIdentificationModule.forRoot(config), {
    port: config.port,
    title: 'condition-identification',
    description:
      'Chronic-condition identification from claims and health assessments; member-identified and its retraction out.',
    jsonSchemas: CONDITION_IDENTIFICATION_JSON_SCHEMAS,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `condition-identification failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
