import { ConfigError, loadConfig } from './config';

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
