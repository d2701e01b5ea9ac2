import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { z } from 'zod';

// Transport security settings (README, Transport). Internal links (gateway to subgraphs, event delivery
// between subgraphs, licensing to the national platforms' boundary gateway) use mutual TLS with the
// department's CA; the public port serves HTTPS itself or sits behind a terminator (load balancer, TLCP
// gateway). They are platform variables because the subgraphs' URLs and every process's listeners
// depend on them.

/** What a production deployment may set instead of the certificate files: a service mesh does mTLS. */
export const INTERNAL_TLS_MESH_OPT_OUT = 'off-behind-mesh';

const file = z.string().min(1);

export const TLS_VARIABLES = {
  INTERNAL_TLS_CERT_FILE: file.optional(),
  INTERNAL_TLS_KEY_FILE: file.optional(),
  INTERNAL_TLS_CA_FILE: file.optional(),
  INTERNAL_TLS: z.enum([INTERNAL_TLS_MESH_OPT_OUT]).optional(),
  GATEWAY_TLS_CERT_FILE: file.optional(),
  GATEWAY_TLS_KEY_FILE: file.optional(),
};

type TlsVariables = { [Name in keyof typeof TLS_VARIABLES]?: string } & { APP_ENV?: string };

/** PEM text of a certificate (chain), its private key and, for mutual TLS, the CA that signs the peers. */
export interface TlsMaterial {
  cert: string;
  key: string;
  ca: string;
}

export interface TlsSettings {
  /**
   * Mutual TLS between the services: each subgraph serves HTTPS and asks for a client certificate signed
   * by `ca`; the gateway, event relays and platform adapters present `cert` and trust only `ca`. Null
   * when off (the embedded run, or a mesh doing it: see `meshOptOut`).
   */
  internal: TlsMaterial | null;
  /** INTERNAL_TLS=off-behind-mesh: production without the files, a service mesh doing mTLS instead. */
  meshOptOut: boolean;
  /** HTTPS on the gateway's public port; null when a terminator in front of it does TLS (or TLCP). */
  gateway: Omit<TlsMaterial, 'ca'> | null;
}

const INTERNAL_FILES = ['INTERNAL_TLS_CERT_FILE', 'INTERNAL_TLS_KEY_FILE', 'INTERNAL_TLS_CA_FILE'] as const;
const GATEWAY_FILES = ['GATEWAY_TLS_CERT_FILE', 'GATEWAY_TLS_KEY_FILE'] as const;

function readPem(path: string): string {
  return readFileSync(path, 'utf8');
}

/** `[variable, message]` for an unreadable file, or a certificate and key that do not load together. */
function materialProblems(environment: TlsVariables, names: readonly (keyof TlsVariables)[]): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const contents: Partial<Record<keyof TlsVariables, string>> = {};
  for (const name of names) {
    try {
      contents[name] = readPem(environment[name] as string);
    } catch (error) {
      problems.push([name, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
    }
  }
  if (problems.length > 0) return problems;
  try {
    // The same check the listener makes at start: PEM that parses, a key that belongs to the certificate.
    createSecureContext({ cert: contents[names[0]], key: contents[names[1]], ca: names[2] && contents[names[2]] });
  } catch (error) {
    problems.push([names[0], `does not load with ${names[1]}: ${(error as Error).message}`]);
  }
  return problems;
}

/** Every problem with the transport settings, as [variable, message]. */
export function tlsProblems(environment: TlsVariables): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const internalSet = INTERNAL_FILES.filter((name) => environment[name]);
  if (internalSet.length > 0 && internalSet.length < INTERNAL_FILES.length) {
    for (const name of INTERNAL_FILES.filter((candidate) => !environment[candidate]))
      problems.push([
        name,
        `must be set with ${internalSet.join(' and ')}: internal mTLS needs all three files or none`,
      ]);
  } else if (internalSet.length === INTERNAL_FILES.length) {
    if (environment.INTERNAL_TLS === INTERNAL_TLS_MESH_OPT_OUT)
      problems.push([
        'INTERNAL_TLS',
        `${INTERNAL_TLS_MESH_OPT_OUT} contradicts the INTERNAL_TLS_* files; set one or the other`,
      ]);
    else problems.push(...materialProblems(environment, INTERNAL_FILES));
  } else if (environment.APP_ENV === 'production' && environment.INTERNAL_TLS !== INTERNAL_TLS_MESH_OPT_OUT) {
    problems.push([
      'INTERNAL_TLS_CERT_FILE',
      `production needs mutual TLS between the services: set INTERNAL_TLS_CERT_FILE, INTERNAL_TLS_KEY_FILE and INTERNAL_TLS_CA_FILE, or INTERNAL_TLS=${INTERNAL_TLS_MESH_OPT_OUT} where a service mesh does mTLS`,
    ]);
  }
  const gatewaySet = GATEWAY_FILES.filter((name) => environment[name]);
  if (gatewaySet.length === 1) {
    const missing = GATEWAY_FILES.find((name) => !environment[name]) as string;
    problems.push([missing, `must be set with ${gatewaySet[0]}: HTTPS on the public port needs both files or none`]);
  } else if (gatewaySet.length === 2) {
    problems.push(...materialProblems(environment, GATEWAY_FILES));
  }
  return problems;
}

/** The settings of a valid environment (tlsProblems found nothing): the files' contents, read once. */
export function tlsSettingsOf(environment: TlsVariables): TlsSettings {
  const internal =
    environment.INTERNAL_TLS_CERT_FILE && environment.INTERNAL_TLS_KEY_FILE && environment.INTERNAL_TLS_CA_FILE
      ? {
          cert: readPem(environment.INTERNAL_TLS_CERT_FILE),
          key: readPem(environment.INTERNAL_TLS_KEY_FILE),
          ca: readPem(environment.INTERNAL_TLS_CA_FILE),
        }
      : null;
  const gateway =
    environment.GATEWAY_TLS_CERT_FILE && environment.GATEWAY_TLS_KEY_FILE
      ? { cert: readPem(environment.GATEWAY_TLS_CERT_FILE), key: readPem(environment.GATEWAY_TLS_KEY_FILE) }
      : null;
  return { internal, meshOptOut: environment.INTERNAL_TLS === INTERNAL_TLS_MESH_OPT_OUT, gateway };
}
