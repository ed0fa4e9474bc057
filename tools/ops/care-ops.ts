import { runCareOps } from './care-ops.program';

/** `care-ops`: the platform's ops command line (see care-ops.program.ts). */
void runCareOps(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
