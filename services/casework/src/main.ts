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
      'Work queues from identification, care-gap, screening and roster events; advocacy cases; program enrollment; ' +
      'program-enrollment-changed and case-opened out. Every endpoint needs an OIDC bearer token (roles coach, advocate, ' +
      'supervisor, ops, admin); every read of a member\'s task, case or enrollment is written to the audit log.',
    jsonSchemas: CASEWORK_JSON_SCHEMAS,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`casework failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`);
  process.exit(1);
});
