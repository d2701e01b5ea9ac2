import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type RunningGateway } from '../gateway/gateway.server';
import { freePort } from '../platform/http/free-port';
import { internalAgent, sendRequest, type PlainAnswer } from '../platform/http/internal-tls';
import { HttpEventTransport } from '../platform/outbox/http-event.transport';
import { startSubgraph, type RunningSubgraph } from '../platform/subgraph-server';
import { envelopeOf } from '../platform/testing/event-envelopes';
import {
  createTestCertificateAuthority,
  type IssuedCertificate,
  type TestCertificateAuthority,
} from '../platform/testing/test-certificates';
import { loadSingleWindowConfig } from '../scripts/single-window.config';
import type { LicensingServices } from '../subgraphs/licensing/licensing.context';
import { licensingSubgraph } from '../subgraphs/licensing/licensing.subgraph';
import { DEMO_PROJECT_APPROVED_WITH_AWARD } from '../subgraphs/licensing/platforms/demo-platform-data';
import {
  startPlatformSimulators,
  type RunningPlatformSimulators,
} from '../subgraphs/licensing/platforms/platform-simulators';

// The gateway and the licensing subgraph over mutual TLS (README, Transport), in this process with their
// own throwaway CA: a query through the gateway (itself on HTTPS) works, the subgraph refuses at the
// handshake whoever has no certificate from the department's CA, and events and the national platforms'
// adapters present theirs. EC P-256 certificates: the national SM2 ones (TLCP) need a TLCP terminator.

const SIGNING_KEYS = '{ certificateSigningKeys { keyId authorityRegionCode } }';

// How a refused handshake looks to the client: TLS 1.3 has the server check the client's certificate
// after the client thinks it is done, so a missing one comes back as an alert, an unknown issuer as a
// closed connection (the server drops it before a byte of HTTP is read).
const NO_CERTIFICATE = /ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED/;
const UNTRUSTED_CERTIFICATE = /UNKNOWN_CA|ECONNRESET/;

function errorCode(error: unknown): string {
  const failure = error as { code?: unknown; message?: unknown };
  return `${String(failure.code)} ${String(failure.message)}`;
}

describe('mutual TLS between the gateway and a subgraph', () => {
  let departmentCa: TestCertificateAuthority;
  let otherCa: TestCertificateAuthority;
  let service: IssuedCertificate;
  let stranger: IssuedCertificate;
  let dataDir: string;
  let platforms: RunningPlatformSimulators;
  let licensing: RunningSubgraph<LicensingServices>;
  let gateway: RunningGateway;
  let config: ReturnType<typeof loadSingleWindowConfig>['config'];

  /** An https client that trusts the department's CA, presenting `certificate` if given. */
  const client = (certificate?: IssuedCertificate) =>
    new HttpsAgent({
      ca: readFileSync(departmentCa.caFile),
      ...(certificate ? { cert: readFileSync(certificate.certFile), key: readFileSync(certificate.keyFile) } : {}),
    });

  beforeAll(async () => {
    departmentCa = createTestCertificateAuthority('Single window test CA');
    otherCa = createTestCertificateAuthority('Some other CA');
    service = departmentCa.issue('single-window-service');
    stranger = otherCa.issue('stranger');
    const publicCertificate = departmentCa.issue('gateway-public');
    dataDir = mkdtempSync(join(tmpdir(), 'internal-tls-'));
    const [gatewayPort, licensingPort, investmentPort, tradingPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const loaded = loadSingleWindowConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      SEED_DEMO_DATA: 'false',
      GATEWAY_PORT: String(gatewayPort),
      LICENSING_PORT: String(licensingPort),
      INTERNAL_TLS_CERT_FILE: service.certFile,
      INTERNAL_TLS_KEY_FILE: service.keyFile,
      INTERNAL_TLS_CA_FILE: departmentCa.caFile,
      GATEWAY_TLS_CERT_FILE: publicCertificate.certFile,
      GATEWAY_TLS_KEY_FILE: publicCertificate.keyFile,
      INVESTMENT_PLATFORM_URL: `https://127.0.0.1:${investmentPort}`,
      TRADING_PLATFORM_URL: `https://127.0.0.1:${tradingPort}`,
    });
    config = loaded.config;
    platforms = await startPlatformSimulators(config, loaded.settings.licensing);
    licensing = await startSubgraph(licensingSubgraph, config, loaded.settings.licensing);
    gateway = await startGateway(config, loaded.settings.gateway);
  });

  afterAll(async () => {
    await gateway?.close();
    await licensing?.close();
    await platforms?.close();
    rmSync(dataDir, { recursive: true, force: true });
    departmentCa?.remove();
    otherCa?.remove();
  });

  it('serves the subgraph on https only', () => {
    expect(licensing.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(config.subgraphs.licensing.url).toBe(licensing.url);
  });

  it('answers a query through the gateway, which serves HTTPS and calls the subgraph over mTLS', async () => {
    expect(gateway.url).toMatch(/^https:/);
    const answer = await sendRequest(gateway.url, {
      agent: client(),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGNING_KEYS }),
      timeoutMs: 10_000,
    });
    const body = JSON.parse(answer.body) as { data?: { certificateSigningKeys: unknown[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.certificateSigningKeys.length).toBeGreaterThan(0);
    // The readiness check reaches the subgraph over mTLS too (the others are not running here).
    const ready = await sendRequest(`${gateway.url.replace(/\/graphql$/, '')}/ready`, {
      agent: client(),
      method: 'GET',
      timeoutMs: 10_000,
    });
    expect((JSON.parse(ready.body) as { subgraphs: Record<string, string> }).subgraphs.licensing).toBe('up');
  });

  it('answers a direct client that presents a certificate from the department CA', async () => {
    const answer = await sendRequest(`${licensing.url}/health`, {
      agent: client(service),
      method: 'GET',
      timeoutMs: 5_000,
    });
    expect(answer.status).toBe(200);
  });

  /** A direct call to licensing with `agent`: what came back, if anything, and the error code otherwise. */
  async function directCall(agent: HttpsAgent): Promise<{ answer?: PlainAnswer; refusal?: string }> {
    return sendRequest(`${licensing.url}/graphql`, {
      agent,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-secret': config.subgraphs.licensing.gatewaySecret },
      body: JSON.stringify({ query: SIGNING_KEYS }),
      timeoutMs: 5_000,
    }).then(
      (answer) => ({ answer }),
      (error: unknown) => ({ refusal: errorCode(error) }),
    );
  }

  it('refuses at the TLS handshake a direct client without a certificate', async () => {
    const requestsBefore = licensing.counters.get('graphql_requests_total');
    const { answer, refusal } = await directCall(client());
    expect(answer).toBeUndefined();
    expect(refusal).toMatch(NO_CERTIFICATE);
    // Even with the gateway's secret, the request never reached the GraphQL server.
    expect(licensing.counters.get('graphql_requests_total')).toBe(requestsBefore);
  });

  it('refuses a client whose certificate another CA signed', async () => {
    const requestsBefore = licensing.counters.get('graphql_requests_total');
    const { answer, refusal } = await directCall(client(stranger));
    expect(answer).toBeUndefined();
    expect(refusal).toMatch(UNTRUSTED_CERTIFICATE);
    expect(licensing.counters.get('graphql_requests_total')).toBe(requestsBefore);
  });

  it('refuses TLS 1.2 between the services, even with a good certificate', async () => {
    const oldClient = new HttpsAgent({
      ca: readFileSync(departmentCa.caFile),
      cert: readFileSync(service.certFile),
      key: readFileSync(service.keyFile),
      maxVersion: 'TLSv1.2',
    });
    const refusal = await sendRequest(`${licensing.url}/health`, {
      agent: oldClient,
      method: 'GET',
      timeoutMs: 5_000,
    }).then(() => 'answered', errorCode);
    expect(refusal).toMatch(/EPROTO|protocol version/);
  });

  it('delivers events over mTLS, and not without the certificate', async () => {
    const urls = Object.fromEntries(
      Object.entries(config.subgraphs).map(([name, subgraph]) => [name, subgraph.url]),
    ) as Record<keyof typeof config.subgraphs, string>;
    const event = () =>
      envelopeOf(
        'permit.issued',
        {
          permitNumber: 'TLS-TEST-1',
          kind: 'ROAD_TRANSPORT',
          creditCode: '91320102MA1MY0R10Q',
          regionCode: '320102',
          issuedAt: new Date().toISOString(),
          enterpriseName: '南京顺达货运有限公司',
          matter: '道路货物运输经营许可',
          legalBasis: '道路运输条例',
          validFrom: '2026-01-05',
          validUntil: '2030-01-04',
        },
        'statistics',
      );
    const withCertificate = new HttpEventTransport(urls, config.events.secret, internalAgent(config.tls.internal));
    await expect(withCertificate.deliver('licensing', event())).resolves.toBeUndefined();
    const withoutCertificate = new HttpEventTransport(urls, config.events.secret, client());
    const refusal = await withoutCertificate.deliver('licensing', event()).then(() => 'delivered', errorCode);
    expect(refusal).toMatch(NO_CERTIFICATE);
  });

  it("reaches the national platforms over mTLS with licensing's certificate", async () => {
    expect(platforms.investment.url).toMatch(/^https:/);
    const project = await licensing.services.platforms.investment.findProject(DEMO_PROJECT_APPROVED_WITH_AWARD);
    expect(project?.projectCode).toBe(DEMO_PROJECT_APPROVED_WITH_AWARD);
    // The simulator, like the boundary gateway it stands for, refuses a caller without one.
    const refusal = await sendRequest(`${platforms.investment.url}/health`, {
      agent: client(),
      method: 'GET',
      timeoutMs: 5_000,
    }).then(() => 'answered', errorCode);
    expect(refusal).toMatch(NO_CERTIFICATE);
  });
});
