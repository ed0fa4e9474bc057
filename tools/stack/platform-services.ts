import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A service of the platform as the local stack runs it. */
export interface PlatformService {
  readonly name: string;
  /** Fixed default port (README): 3001 claims-intake ... 3006 casework, 3090 dev-identity. */
  readonly port: number;
  /** The TypeScript entry point; the stack runs the services whose entry exists. */
  readonly entry: string;
  /** What the stack runs: the compiled entry point under dist/ (`npm run build`, built first when stale). */
  readonly main: string;
  /** The `.stack/env` variable holding its base URL. */
  readonly urlVariable: string;
  /**
   * `identity-provider`: the development identity provider (no /docs, no /metrics); started first, the others once
   * it is ready. `console`: the web console's backend (it is told every service's URL, decided before any starts).
   */
  readonly kind: 'service' | 'identity-provider' | 'console';
  /** Settings of this process only, on top of the stack's shared environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Port of the console in the local stack: people open http://localhost:3080. */
export const CONSOLE_PORT = 3080;

/** Port of the development identity provider in the local stack. */
export const DEV_IDENTITY_PORT = 3090;

/**
 * The issuer of the local stack's tokens: what the development identity provider puts in `iss` and what every
 * service expects as OIDC_ISSUER. `localhost` (not 127.0.0.1) so that tokens fetched by a browser or curl on this
 * machine carry the same issuer.
 */
export const DEV_IDENTITY_ISSUER = `http://localhost:${DEV_IDENTITY_PORT}`;

/**
 * Every process of the platform with its fixed port, in declaration order (that of `.stack/env`, of the stack's
 * ready lines and, reversed, of its stop); the stack runs those whose entry exists. The identity provider comes
 * first and starts before the others, so that services can check tokens from their first request.
 */
const ALL_SERVICES: readonly PlatformService[] = [
  {
    name: 'dev-identity',
    port: DEV_IDENTITY_PORT,
    entry: 'services/dev-identity/src/main.ts',
    main: 'dist/services/dev-identity/src/main.js',
    urlVariable: 'DEV_IDENTITY_URL',
    kind: 'identity-provider',
    env: { DEV_IDENTITY_ISSUER },
  },
  {
    name: 'claims-intake',
    port: 3001,
    entry: 'services/claims-intake/src/main.ts',
    main: 'dist/services/claims-intake/src/main.js',
    urlVariable: 'CLAIMS_INTAKE_URL',
    kind: 'service',
  },
  {
    name: 'condition-identification',
    port: 3002,
    entry: 'services/condition-identification/src/main.ts',
    main: 'dist/services/condition-identification/src/main.js',
    urlVariable: 'CONDITION_IDENTIFICATION_URL',
    kind: 'service',
  },
  {
    name: 'care-gaps',
    port: 3003,
    entry: 'services/care-gaps/src/main.ts',
    main: 'dist/services/care-gaps/src/main.js',
    urlVariable: 'CARE_GAPS_URL',
    kind: 'service',
  },
  {
    name: 'behavioral-screening',
    port: 3004,
    entry: 'services/behavioral-screening/src/main.ts',
    main: 'dist/services/behavioral-screening/src/main.js',
    urlVariable: 'BEHAVIORAL_SCREENING_URL',
    kind: 'service',
  },
  {
    name: 'survey-trigger',
    port: 3005,
    entry: 'services/survey-trigger/src/main.ts',
    main: 'dist/services/survey-trigger/src/main.js',
    urlVariable: 'SURVEY_TRIGGER_URL',
    kind: 'service',
  },
  {
    name: 'casework',
    port: 3006,
    entry: 'services/casework/src/main.ts',
    main: 'dist/services/casework/src/main.js',
    urlVariable: 'CASEWORK_URL',
    kind: 'service',
  },
  {
    name: 'console',
    port: CONSOLE_PORT,
    entry: 'services/console/src/main.ts',
    main: 'dist/services/console/src/main.js',
    urlVariable: 'CONSOLE_URL',
    kind: 'console',
  },
];

export function existingServices(root: string): PlatformService[] {
  return ALL_SERVICES.filter((service) => existsSync(join(root, service.entry)));
}

/** The services to start: those that exist, less the ones named in `without` (each must be one of them). */
export function selectServices(
  services: readonly PlatformService[],
  without: readonly string[],
): PlatformService[] {
  const unknown = without.filter((name) => !services.some((service) => service.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `cannot leave out ${unknown.join(', ')}: the stack runs ${services.map((service) => service.name).join(', ')}`,
    );
  }
  return services.filter((service) => !without.includes(service.name));
}
