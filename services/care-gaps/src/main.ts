import 'reflect-metadata';
import { bootstrapService } from '@care/observability';
import { CareGapsModule } from './care-gaps.module';
import { CARE_GAPS_JSON_SCHEMAS, loadCareGapsConfig } from './care-gaps.config';

/** Starts care-gaps; a bad setting stops it here with the variable named. */
async function main(): Promise<void> {
  const config = loadCareGapsConfig();
  await bootstrapService(CareGapsModule.forRoot(config), {
    port: config.port,
    title: 'care-gaps',
    description: 'Care gaps from claims and identified conditions; care-gap-detected, care-gap-closed and care-alert-issued out.',
    jsonSchemas: CARE_GAPS_JSON_SCHEMAS,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`care-gaps failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`);
  process.exit(1);
});
