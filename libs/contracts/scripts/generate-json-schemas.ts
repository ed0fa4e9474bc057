/**
 * Writes docs/schemas/*.schema.json from the contract classes (see libs/contracts/README.md).
 * Run with `npm run schemas`; the build-json-schemas spec fails while the checked-in files are stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildJsonSchemas } from '../src/json-schema/build-json-schemas';
import { SCHEMAS_DIR, serializeJsonSchema } from '../src/json-schema/schema-files';

const outputDir = resolve(__dirname, '..', '..', '..', SCHEMAS_DIR);
const schemas = buildJsonSchemas();
mkdirSync(outputDir, { recursive: true });
for (const stale of readdirSync(outputDir).filter(
  (file) => file.endsWith('.schema.json') && !(file in schemas),
)) {
  rmSync(join(outputDir, stale));
  process.stdout.write(`removed ${SCHEMAS_DIR}/${stale}\n`);
}
for (const [file, schema] of Object.entries(schemas)) {
  writeFileSync(join(outputDir, file), serializeJsonSchema(schema));
  process.stdout.write(`wrote ${SCHEMAS_DIR}/${file}\n`);
}
