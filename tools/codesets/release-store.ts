import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUILT_IN_CODE_SET_RELEASE,
  codeSetReleaseFromJson,
  type CodeSetRelease,
  type CompiledCodeSetRelease,
} from '@care/clinical';

/** The file services read at start-up (CODESETS_DIR/current.json). */
export const CURRENT_RELEASE_FILE = 'current.json';

/** The release loaded in `directory`, or the built-in one when none was loaded. */
export async function loadedRelease(directory: string): Promise<CodeSetRelease> {
  const file = join(directory, CURRENT_RELEASE_FILE);
  if (!existsSync(file)) return BUILT_IN_CODE_SET_RELEASE;
  return codeSetReleaseFromJson(JSON.parse(await readFile(file, 'utf8')) as unknown);
}

/**
 * Makes `compiled` the loaded release of `directory`: written beside, then renamed over `current.json`, so a
 * service starting meanwhile reads the old release or the new one, never half of one. The previous file is kept as
 * `previous.json`.
 */
export async function storeRelease(directory: string, compiled: CompiledCodeSetRelease): Promise<void> {
  await mkdir(directory, { recursive: true });
  const current = join(directory, CURRENT_RELEASE_FILE);
  const staged = join(directory, `.${CURRENT_RELEASE_FILE}.${String(process.pid)}.tmp`);
  await writeFile(staged, `${JSON.stringify(compiled)}\n`, 'utf8');
  if (existsSync(current)) await copyFile(current, join(directory, 'previous.json'));
  await rename(staged, current);
}
