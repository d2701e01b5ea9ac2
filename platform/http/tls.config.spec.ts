import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/config';
import { createTestCertificateAuthority, type TestCertificateAuthority } from '../testing/test-certificates';

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadConfig(source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** What production needs apart from transport security. */
const PRODUCTION = {
  APP_ENV: 'production',
  MYSQL_URL: 'mysql://root@db:3306',
  EVENTS_SECRET: 'sample-events-secret-0123456789',
  ...Object.fromEntries(
    ['LICENSING', 'ENFORCEMENT', 'CREDIT', 'SAFETY', 'STATISTICS'].map((name) => [
      `${name}_GATEWAY_SECRET`,
      `sample-${name.toLowerCase()}-secret-0123456789`,
    ]),
  ),
};

describe('transport security settings', () => {
  let authority: TestCertificateAuthority;
  let internal: Record<string, string>;

  beforeAll(() => {
    authority = createTestCertificateAuthority('Config spec CA');
    const service = authority.issue('service');
    internal = {
      INTERNAL_TLS_CERT_FILE: service.certFile,
      INTERNAL_TLS_KEY_FILE: service.keyFile,
      INTERNAL_TLS_CA_FILE: authority.caFile,
    };
  });

  afterAll(() => authority.remove());

  it('keeps the embedded run on plain HTTP when nothing is set', () => {
    const config = loadConfig({});
    expect(config.tls).toEqual({ internal: null, meshOptOut: false, gateway: null });
    expect(config.subgraphs.credit.url).toBe('http://127.0.0.1:4003');
    expect(config.gateway.publicUrl).toBe('http://localhost:4000');
  });

  it('reads the three files once and makes the subgraphs https', () => {
    const config = loadConfig(internal);
    expect(config.tls.internal?.cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(config.tls.internal?.key).toMatch(/PRIVATE KEY-----/);
    expect(config.tls.internal?.ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(config.subgraphs.credit.url).toBe('https://127.0.0.1:4003');
  });

  it('needs all three internal files or none, naming the missing ones', () => {
    const problems = problemsOf({ INTERNAL_TLS_CERT_FILE: internal.INTERNAL_TLS_CERT_FILE });
    expect(problems).toEqual([
      expect.stringMatching(/^INTERNAL_TLS_KEY_FILE: must be set with INTERNAL_TLS_CERT_FILE.*all three files or none/),
      expect.stringMatching(/^INTERNAL_TLS_CA_FILE: must be set with INTERNAL_TLS_CERT_FILE/),
    ]);
  });

  it('refuses a plain http:// subgraph URL with internal TLS on', () => {
    expect(problemsOf({ ...internal, CREDIT_URL: 'http://credit:4003' })).toEqual([
      expect.stringMatching(/^CREDIT_URL: must be an https:\/\/ URL/),
    ]);
    expect(loadConfig({ ...internal, CREDIT_URL: 'https://credit:4003' }).subgraphs.credit.url).toBe(
      'https://credit:4003',
    );
  });

  it('names a file it cannot read, and a key that is not the certificate’s', () => {
    expect(problemsOf({ ...internal, INTERNAL_TLS_CA_FILE: '/nonexistent/ca.crt' })).toEqual([
      'INTERNAL_TLS_CA_FILE: cannot be read (ENOENT)',
    ]);
    const otherKey = authority.issue('other').keyFile;
    expect(problemsOf({ ...internal, INTERNAL_TLS_KEY_FILE: otherKey })).toEqual([
      expect.stringMatching(/^INTERNAL_TLS_CERT_FILE: does not load with INTERNAL_TLS_KEY_FILE: .*mismatch/),
    ]);
    const garbage = join(authority.caFile, '..', 'garbage.pem');
    writeFileSync(garbage, 'not a certificate');
    expect(problemsOf({ ...internal, INTERNAL_TLS_CERT_FILE: garbage })).toEqual([
      expect.stringMatching(/^INTERNAL_TLS_CERT_FILE: does not load/),
    ]);
  });

  it('refuses production without internal mTLS unless a service mesh is declared to do it', () => {
    expect(problemsOf(PRODUCTION)).toEqual([
      expect.stringMatching(/^INTERNAL_TLS_CERT_FILE: production needs mutual TLS between the services/),
    ]);
    expect(problemsOf({ ...PRODUCTION, ...internal })).toEqual([]);
    const behindMesh = loadConfig({ ...PRODUCTION, INTERNAL_TLS: 'off-behind-mesh' });
    expect(behindMesh.tls).toMatchObject({ internal: null, meshOptOut: true });
    expect(problemsOf({ ...PRODUCTION, INTERNAL_TLS: 'off' })).toEqual([expect.stringMatching(/^INTERNAL_TLS: /)]);
  });

  it('refuses the mesh opt-out together with the files: one of the two', () => {
    expect(problemsOf({ ...internal, INTERNAL_TLS: 'off-behind-mesh' })).toEqual([
      expect.stringMatching(/^INTERNAL_TLS: off-behind-mesh contradicts the INTERNAL_TLS_\* files/),
    ]);
  });

  it('serves HTTPS on the public port with both gateway files, and needs both', () => {
    const publicCertificate = authority.issue('gateway-public');
    const config = loadConfig({
      GATEWAY_TLS_CERT_FILE: publicCertificate.certFile,
      GATEWAY_TLS_KEY_FILE: publicCertificate.keyFile,
    });
    expect(config.tls.gateway?.cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(config.gateway.publicUrl).toBe('https://localhost:4000');
    expect(config.subgraphs.credit.url).toBe('http://127.0.0.1:4003');
    expect(problemsOf({ GATEWAY_TLS_KEY_FILE: publicCertificate.keyFile })).toEqual([
      expect.stringMatching(/^GATEWAY_TLS_CERT_FILE: must be set with GATEWAY_TLS_KEY_FILE/),
    ]);
  });
});
