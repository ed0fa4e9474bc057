import 'reflect-metadata';
import { bootstrapService } from '@care/observability';
import { ClaimsIntakeModule } from './claims-intake.module';
import { CLAIMS_INTAKE_JSON_SCHEMAS, loadClaimsIntakeConfig } from './claims-intake.config';

/** Starts claims-intake; a bad setting stops it here with the variable named. */
async function main(): Promise<void> {
  const config = loadClaimsIntakeConfig();
  await bootstrapService(ClaimsIntakeModule.forRoot(config), {
    port: config.port,
    title: 'claims-intake',
    description:
      'Claims and eligibility in from claims systems; claim-received and member-eligibility-changed out.',
    jsonSchemas: CLAIMS_INTAKE_JSON_SCHEMAS,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `claims-intake failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
