import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A service of the platform as the local stack runs it. */
export interface PlatformService {
  readonly name: string;
  /** Fixed default port (README): 3001 claims-intake ... 3006 casework. */
  readonly port: number;
  readonly entry: string;
  /** The `.stack/env` variable holding its base URL. */
  readonly urlVariable: string;
}

/** Every service of the platform with its fixed port; the stack runs those whose entry exists. */
const ALL_SERVICES: readonly PlatformService[] = [
  {
    name: 'claims-intake',
    port: 3001,
    entry: 'services/claims-intake/src/main.ts',
    urlVariable: 'CLAIMS_INTAKE_URL',
  },
  {
    name: 'condition-identification',
    port: 3002,
    entry: 'services/condition-identification/src/main.ts',
    urlVariable: 'CONDITION_IDENTIFICATION_URL',
  },
  { name: 'care-gaps', port: 3003, entry: 'services/care-gaps/src/main.ts', urlVariable: 'CARE_GAPS_URL' },
  {
    name: 'behavioral-screening',
    port: 3004,
    entry: 'services/behavioral-screening/src/main.ts',
    urlVariable: 'BEHAVIORAL_SCREENING_URL',
  },
  {
    name: 'survey-trigger',
    port: 3005,
    entry: 'services/survey-trigger/src/main.ts',
    urlVariable: 'SURVEY_TRIGGER_URL',
  },
  { name: 'casework', port: 3006, entry: 'services/casework/src/main.ts', urlVariable: 'CASEWORK_URL' },
];

export function existingServices(root: string): PlatformService[] {
  return ALL_SERVICES.filter((service) => existsSync(join(root, service.entry)));
}
