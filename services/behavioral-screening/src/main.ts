import 'reflect-metadata';
import { bootstrapService } from '@care/observability';
import {
  BEHAVIORAL_SCREENING_JSON_SCHEMAS,
  loadBehavioralScreeningConfig,
} from './behavioral-screening.config';
import { BehavioralScreeningModule } from './behavioral-screening.module';

/** Starts behavioral-screening; a bad setting stops it here with the variable named. */
async function main(): Promise<void> {
  const config = loadBehavioralScreeningConfig();
  await bootstrapService(BehavioralScreeningModule.forRoot(config), {
    port: config.port,
    title: 'behavioral-screening',
    description:
      'PHQ-9 and AUDIT-C screenings: requested on case-opened and program enrollment, scored from coach answers or FHIR QuestionnaireResponses; screening-requested and screening-completed out.',
    jsonSchemas: BEHAVIORAL_SCREENING_JSON_SCHEMAS,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `behavioral-screening failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
