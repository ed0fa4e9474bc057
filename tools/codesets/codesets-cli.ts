import { runCodesets } from './codesets.program';

/** `npm run codesets -- validate|diff|load <dir>`: clinical code set releases (see codesets.program.ts). */
void runCodesets(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
