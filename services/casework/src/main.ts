import 'reflect-metadata';
import { bootstrapService } from '@care/observability';
import { CASEWORK_JSON_SCHEMAS, loadCaseworkConfig } from './casework.config';
import { CaseworkModule } from './casework.module';

/** Starts casework; a bad setting stops it here with the variable named. */
async function main(): Promise<void> {
  const config = loadCaseworkConfig();
  await bootstrapService(CaseworkModule.forRoot(config), {
    port: config.port,
    title: 'casework',
    description:
      'Coach work queues from identification, care-gap, screening and roster events; program enrollment; program-enrollment-changed out. ' +
      'Until OIDC authentication (part 2), the caller is named by the x-care-user header.',
    jsonSchemas: CASEWORK_JSON_SCHEMAS,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`casework failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`);
  process.exit(1);
});
