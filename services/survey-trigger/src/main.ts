import 'reflect-metadata';
import { bootstrapService } from '@care/observability';
import { SurveyTriggerModule } from './survey-trigger.module';
import { loadSurveyTriggerConfig, SURVEY_TRIGGER_JSON_SCHEMAS } from './survey-trigger.config';

/** Starts survey-trigger; a bad setting stops it here with the variable named. */
async function main(): Promise<void> {
  const config = loadSurveyTriggerConfig();
  await bootstrapService(SurveyTriggerModule.forRoot(config), {
    port: config.port,
    title: 'survey-trigger',
    description:
      'Post-visit surveys: office visits on claim-received sampled at random into survey-triggered; survey responses ' +
      'in, provider scores out.',
    jsonSchemas: SURVEY_TRIGGER_JSON_SCHEMAS,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `survey-trigger failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
