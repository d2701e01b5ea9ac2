import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProcessConfig } from '../../platform/config/config';
import { CREDIT_CONFIG } from './credit.config';

// Credit's settings for the national credit platform: signed requests by default, a client certificate
// only with its three files, and production never on the simulator's address or the development secret.

describe('credit’s national credit platform settings', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'credit-config-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const load = (environment: Record<string, string>) =>
    loadProcessConfig({ credit: CREDIT_CONFIG }, { DATA_DIR: directory, ...environment }).settings.credit;

  it('signs requests with the development key against the local simulator by default', () => {
    expect(load({}).nationalPlatform).toMatchObject({
      url: 'http://127.0.0.1:4103',
      timeoutMs: 5000,
      authentication: { mode: 'signature', keyId: 'single-window-dev' },
      concurrency: 8,
      standingTtlMs: 3_600_000,
      standingDeadlineMs: 800,
    });
  });

  it('reads the client certificate files once, and names each one missing or unreadable', () => {
    for (const name of ['client.crt', 'client.key', 'ca.crt']) writeFileSync(join(directory, name), `PEM of ${name}`);
    expect(
      load({
        CREDIT_PLATFORM_AUTH: 'client-certificate',
        CREDIT_PLATFORM_URL: 'https://credit.example.gov.cn',
        CREDIT_PLATFORM_CLIENT_CERT_FILE: join(directory, 'client.crt'),
        CREDIT_PLATFORM_CLIENT_KEY_FILE: join(directory, 'client.key'),
        CREDIT_PLATFORM_CA_FILE: join(directory, 'ca.crt'),
      }).nationalPlatform.authentication,
    ).toEqual({ mode: 'client-certificate', cert: 'PEM of client.crt', key: 'PEM of client.key', ca: 'PEM of ca.crt' });
    expect(() =>
      load({ CREDIT_PLATFORM_AUTH: 'client-certificate', CREDIT_PLATFORM_CA_FILE: join(directory, 'ca.crt') }),
    ).toThrow(
      /CREDIT_PLATFORM_CLIENT_CERT_FILE: must be set with CREDIT_PLATFORM_AUTH=client-certificate[\s\S]*CREDIT_PLATFORM_CLIENT_KEY_FILE: must be set/,
    );
    expect(() =>
      load({
        CREDIT_PLATFORM_AUTH: 'client-certificate',
        CREDIT_PLATFORM_CLIENT_CERT_FILE: join(directory, 'missing.crt'),
        CREDIT_PLATFORM_CLIENT_KEY_FILE: join(directory, 'client.key'),
        CREDIT_PLATFORM_CA_FILE: join(directory, 'ca.crt'),
      }),
    ).toThrow(/CREDIT_PLATFORM_CLIENT_CERT_FILE: cannot be read \(ENOENT\)/);
  });

  it('refuses in production the simulator’s address and the development secret, and a short secret anywhere', () => {
    expect(() => load({ APP_ENV: 'production' })).toThrow(
      /CREDIT_PLATFORM_URL: must name the real platform[\s\S]*CREDIT_PLATFORM_SECRET: must be set in production/,
    );
    expect(() => load({ CREDIT_PLATFORM_SECRET: 'too-short' })).toThrow(/CREDIT_PLATFORM_SECRET: must be at least 32/);
  });
});
