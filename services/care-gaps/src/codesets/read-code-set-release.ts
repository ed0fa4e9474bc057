import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_CODE_SET_RELEASE, codeSetReleaseFromJson, type CodeSetRelease } from '@care/clinical';

/**
 * The code set release loaded into CODESETS_DIR (`current.json`, written by `npm run codesets -- load`), or the
 * built-in one when the setting is unset or nothing was loaded yet. A file that is there but unreadable stops the
 * service with the variable named: deciding with other code sets than the operator loaded is worse than not starting.
 */
export function readCodeSetRelease(directory: string | undefined): CodeSetRelease {
  if (directory === undefined) return BUILT_IN_CODE_SET_RELEASE;
  const file = join(directory, 'current.json');
  if (!existsSync(file)) return BUILT_IN_CODE_SET_RELEASE;
  try {
    return codeSetReleaseFromJson(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (error) {
    throw new Error(`CODESETS_DIR: ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
