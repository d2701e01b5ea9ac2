import { z } from 'zod';
import { CONFIG_RULES, ConfigError, loadConfig, loadProcessConfig } from './config';
import { defineConfigSection } from './config-section';

describe('configuration', () => {
  it('runs embedded with safe defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.subgraphs.licensing.database).toMatchObject({ kind: 'embedded', schema: 'licensing' });
    expect(config.gateway.port).toBe(4000);
    expect(config.oidc.jwksUrl).toBe('http://localhost:8080/realms/transport/protocol/openid-connect/certs');
  });

  it('puts each subgraph in its own schema on one MySQL server, or on its own URL', () => {
    const config = loadConfig({
      MYSQL_URL: 'mysql://root@127.0.0.1:3306',
      DB_SCHEMA_PREFIX: 'it_',
      CREDIT_DATABASE_URL: 'mysql://credit:secret@db:3306/credit_prod',
    });
    expect(config.subgraphs.licensing.database).toMatchObject({
      kind: 'mysql',
      schema: 'it_licensing',
      serverUrl: 'mysql://root@127.0.0.1:3306',
    });
    expect(config.subgraphs.credit.database).toMatchObject({ kind: 'mysql', schema: 'credit_prod' });
    expect(config.subgraphs.credit.database.serverUrl).not.toContain('credit_prod');
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig({ GATEWAY_PORT: 'eighty', MYSQL_URL: 'postgres://x', LICENSING_GATEWAY_SECRET: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/GATEWAY_PORT/);
    expect(problems).toMatch(/MYSQL_URL/);
    expect(problems).toMatch(/LICENSING_GATEWAY_SECRET/);
  });

  it('refuses development secrets and the embedded database in production', () => {
    expect(() => loadConfig({ APP_ENV: 'production' })).toThrow(
      /EVENTS_SECRET: must be set in production[\s\S]*MYSQL_URL/,
    );
  });
});

describe('configuration sections', () => {
  const FERRY = defineConfigSection({
    variables: {
      FERRY_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
      FERRY_URL: CONFIG_RULES.url.optional(),
    },
    productionProblems: (values) => (values.FERRY_URL ? [] : [['FERRY_URL', 'must be set in production']]),
    build: (values, platform) => ({ timeoutMs: values.FERRY_TIMEOUT_MS, directory: `${platform.dataDir}/ferry` }),
  });

  it("hands each section its settings, built on the platform's", () => {
    const { config, settings } = loadProcessConfig({ ferry: FERRY }, { DATA_DIR: '/srv/data' });
    expect(config.dataDir).toBe('/srv/data');
    expect(settings.ferry).toEqual({ timeoutMs: 5000, directory: '/srv/data/ferry' });
  });

  it("lists the platform's problems and every section's together", () => {
    let caught: unknown;
    try {
      loadProcessConfig({ ferry: FERRY }, { GATEWAY_PORT: 'eighty', FERRY_TIMEOUT_MS: '5', FERRY_URL: 'not a url' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'FERRY_TIMEOUT_MS',
      'FERRY_URL',
      'GATEWAY_PORT',
    ]);
  });

  it("applies a section's production rules only to the processes that run it", () => {
    const production = {
      APP_ENV: 'production',
      MYSQL_URL: 'mysql://root@db:3306',
      EVENTS_SECRET: 'sample-events-secret-0123456789',
      INTERNAL_TLS: 'off-behind-mesh',
      ...Object.fromEntries(
        ['LICENSING', 'ENFORCEMENT', 'CREDIT', 'SAFETY', 'STATISTICS'].map((name) => [
          `${name}_GATEWAY_SECRET`,
          `sample-${name.toLowerCase()}-secret-0123456789`,
        ]),
      ),
    };
    expect(() => loadProcessConfig({}, production)).not.toThrow();
    expect(() => loadProcessConfig({ ferry: FERRY }, production)).toThrow(/FERRY_URL: must be set in production/);
    // With the platform's settings broken too, the section's production rule is still reported.
    expect(() => loadProcessConfig({ ferry: FERRY }, { APP_ENV: 'production' })).toThrow(
      /EVENTS_SECRET: must be set in production[\s\S]*FERRY_URL: must be set in production/,
    );
  });

  it('refuses two owners of one variable', () => {
    const stealsDataDir = defineConfigSection({ variables: { DATA_DIR: z.string() }, build: () => null });
    expect(() => loadProcessConfig({ stealsDataDir }, {})).toThrow('DATA_DIR is read by two configuration sections');
  });
});
