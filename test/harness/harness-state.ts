import { readFileSync, writeFileSync } from 'node:fs';

export type ServiceName =
  | 'idp'
  | 'gateway'
  | 'licensing'
  | 'enforcement'
  | 'credit'
  | 'safety'
  | 'statistics'
  | 'platforms'
  | 'creditPlatform'
  | 'safetyPlatform';

export interface ServiceProcess {
  script: string;
  port: number;
  pid: number;
  logFile: string;
}

/** What the global setup started, shared with test files through a JSON file named in the environment. */
export interface HarnessState {
  runDirectory: string;
  dataDirectory: string;
  database: 'mysql' | 'embedded';
  environment: Record<string, string>;
  services: Record<ServiceName, ServiceProcess>;
  /** The embedded OpenID provider's issuer; OIDC_ISSUER in `environment` is the one the services trust. */
  embeddedIssuer: string;
  /** Real Keycloak, when the run is `npm run test:keycloak` (test/keycloak/global-setup.ts). */
  keycloak?: KeycloakProcess;
}

export interface KeycloakProcess {
  pid: number;
  url: string;
  issuer: string;
  port: number;
  managementPort: number;
  adminPassword: string;
  logFile: string;
}

export const STATE_VARIABLE = 'SINGLE_WINDOW_TEST_STATE';

export function readState(): HarnessState {
  const file = process.env[STATE_VARIABLE];
  if (!file) throw new Error(`${STATE_VARIABLE} is not set: run integration tests through jest's global setup`);
  return JSON.parse(readFileSync(file, 'utf8')) as HarnessState;
}

export function writeState(state: HarnessState): void {
  const file = process.env[STATE_VARIABLE];
  if (!file) throw new Error(`${STATE_VARIABLE} is not set`);
  writeFileSync(file, JSON.stringify(state, null, 2));
}
