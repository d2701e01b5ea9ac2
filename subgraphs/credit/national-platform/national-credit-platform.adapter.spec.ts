import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { sendRequest } from '../../../platform/http/internal-tls';
import {
  createTestCertificateAuthority,
  type TestCertificateAuthority,
} from '../../../platform/testing/test-certificates';
import type { RunningSimulator } from '../../../platform/national-platform/platform-simulator';
import { startCreditPlatformSimulator, type CreditPlatformState } from './credit-platform.simulator';
import { DEMO_LISTED_BY_COURT } from './demo-standing-data';
import { NationalCreditPlatformAdapter } from './national-credit-platform.adapter';
import { CreditPlatformUnavailable, type PushedChange } from './national-credit-platform';
import { signRequest } from './request-signing';

const CREDENTIALS = { keyId: 'js-single-window', secret: 'the-secret-the-platform-issued-to-us' };
const UNLISTED = '91320102MA1MY0R10Q';

function change(recordId: string, version: number, payload: Record<string, unknown> = {}): PushedChange {
  return {
    recordType: 'DISCLOSURE',
    recordId,
    version,
    recordedAt: '2026-12-03T08:00:00.000Z',
    payload: { creditCode: UNLISTED, documentNumber: `3201022026${recordId}`, ...payload },
  };
}

describe('the national credit platform adapter, against the simulator', () => {
  describe('with signed requests', () => {
    let simulator: RunningSimulator & { state: CreditPlatformState };
    let adapter: NationalCreditPlatformAdapter;
    const adapterWith = (overrides: Partial<typeof CREDENTIALS> = {}, timeoutMs = 2000) =>
      new NationalCreditPlatformAdapter({
        baseUrl: simulator.url,
        timeoutMs,
        authentication: { mode: 'signature', ...CREDENTIALS, ...overrides },
      });

    beforeAll(async () => {
      simulator = await startCreditPlatformSimulator({
        host: '127.0.0.1',
        port: 0,
        secrets: new Map([[CREDENTIALS.keyId, CREDENTIALS.secret]]),
      });
      adapter = adapterWith();
    });
    afterEach(() => {
      simulator.setSwitches({ latencyMs: 0, errorRate: 0, down: false });
    });
    afterAll(async () => {
      adapter.close();
      await simulator.close();
    });

    it('tells accepted, duplicate, out-of-order and refused pushes apart', async () => {
      const accepted = await adapter.push(change('1001', 1));
      expect(accepted.outcome).toBe('ACCEPTED');
      expect(accepted).toHaveProperty('receiptNumber', expect.stringMatching(/^XY\d{16}$/) as unknown);
      // The same version again (a retry after a lost answer): the same receipt.
      expect(await adapter.push(change('1001', 1))).toEqual({ ...accepted, outcome: 'DUPLICATE' });
      expect(await adapter.push(change('1001', 3))).toEqual({ outcome: 'OUT_OF_ORDER', expectedVersion: 2 });
      expect(await adapter.push(change('1001', 1, { content: '另一内容' }))).toEqual({
        outcome: 'REFUSED',
        reason: 'HTTP 422: another body was received for version 1',
      });
      expect(await adapter.push(change('1001', 2))).toMatchObject({ outcome: 'ACCEPTED' });
      expect(simulator.state.receivedRecords().find((record) => record.recordId === '1001')).toMatchObject({
        versions: [1, 2],
        deliveries: 5,
        duplicates: 1,
        outOfOrderRefused: 1,
        refused: 1,
      });
    });

    it('reads a subject’s standing: the demo court listing, and nothing for an unlisted subject', async () => {
      expect(await adapter.standingOf(DEMO_LISTED_BY_COURT)).toMatchObject({
        creditCode: DEMO_LISTED_BY_COURT,
        entries: [{ listName: '失信被执行人', listingAuthority: '最高人民法院', listedOn: '2025-06-18' }],
      });
      expect((await adapter.standingOf(UNLISTED)).entries).toEqual([]);
    });

    it.each([
      ['answers 503', { errorRate: 1 }, /answered HTTP 503/],
      ['is down (connections dropped)', { down: true }, /cannot be reached/],
      ['answers later than the timeout', { latencyMs: 1500 }, /no answer within 300 ms/],
    ])('throws CreditPlatformUnavailable (try again later) when the platform %s', async (_case, switches, message) => {
      simulator.setSwitches(switches);
      const slow = adapterWith({}, 300);
      try {
        await expect(slow.push(change('1002', 1))).rejects.toThrow(CreditPlatformUnavailable);
        await expect(slow.standingOf(UNLISTED)).rejects.toThrow(message);
      } finally {
        slow.close();
      }
    });

    it('is refused with a wrong secret or an unknown key id, which is a transient failure, not a refusal of the record', async () => {
      for (const [credentials, reason] of [
        [{ secret: 'a-secret-the-platform-never-issued-us' }, 'BAD_SIGNATURE'],
        [{ keyId: 'someone-else' }, 'UNKNOWN_KEY'],
      ] as const) {
        const impostor = adapterWith(credentials);
        try {
          await expect(impostor.push(change('1003', 1))).rejects.toThrow(
            `refused our credentials (HTTP 401: ${reason})`,
          );
        } finally {
          impostor.close();
        }
      }
      expect(simulator.state.receivedRecords().some((record) => record.recordId === '1003')).toBe(false);
    });

    it('is refused for a stale timestamp, a replayed nonce and a body other than the signed one', async () => {
      const path = `/api/subjects/${UNLISTED}/standing`;
      const send = (headers: Record<string, string>, method = 'GET', body?: string) =>
        sendRequest(`${simulator.url}${path}`, { method, headers, body, timeoutMs: 2000 });
      const stale = signRequest(CREDENTIALS, { method: 'GET', path, body: '' }, Date.now() - 10 * 60_000);
      expect(await send(stale)).toMatchObject({ status: 401, body: '{"error":"STALE_TIMESTAMP"}' });
      const once = signRequest(CREDENTIALS, { method: 'GET', path, body: '' });
      expect((await send(once)).status).toBe(200);
      expect(await send(once)).toMatchObject({ status: 401, body: '{"error":"REPLAYED_NONCE"}' });
      const pushPath = '/api/credit-records';
      const signedFor = signRequest(CREDENTIALS, {
        method: 'POST',
        path: pushPath,
        body: JSON.stringify(change('1004', 1)),
      });
      const tampered = await sendRequest(`${simulator.url}${pushPath}`, {
        method: 'POST',
        headers: { ...signedFor, 'content-type': 'application/json', 'idempotency-key': 'DISCLOSURE:1004:1' },
        body: JSON.stringify(change('1004', 1, { fineFen: 1 })),
        timeoutMs: 2000,
      });
      expect(tampered).toMatchObject({ status: 401, body: '{"error":"BODY_DIGEST_MISMATCH"}' });
      expect(await send({})).toMatchObject({ status: 401, body: '{"error":"MISSING_SIGNATURE"}' });
    });
  });

  describe('with a client certificate (mutual TLS)', () => {
    let platformCa: TestCertificateAuthority;
    let otherCa: TestCertificateAuthority;
    let simulator: RunningSimulator & { state: CreditPlatformState };

    beforeAll(async () => {
      platformCa = createTestCertificateAuthority('National credit platform test CA');
      otherCa = createTestCertificateAuthority('Some other CA');
      const server = platformCa.issue('credit-platform');
      simulator = await startCreditPlatformSimulator({
        host: '127.0.0.1',
        port: 0,
        secrets: null,
        tls: {
          cert: readFileSync(server.certFile),
          key: readFileSync(server.keyFile),
          ca: readFileSync(platformCa.caFile),
          requestCert: true,
          rejectUnauthorized: true,
        },
      });
    });
    afterAll(async () => {
      await simulator.close();
      platformCa.remove();
      otherCa.remove();
    });

    const adapterPresenting = (ca: TestCertificateAuthority) => {
      const client = ca.issue('single-window-credit');
      return new NationalCreditPlatformAdapter({
        baseUrl: simulator.url,
        timeoutMs: 2000,
        authentication: {
          mode: 'client-certificate',
          cert: readFileSync(client.certFile, 'utf8'),
          key: readFileSync(client.keyFile, 'utf8'),
          ca: readFileSync(platformCa.caFile, 'utf8'),
        },
      });
    };

    it('pushes and reads with a certificate from the platform’s CA, and is refused with another', async () => {
      const trusted = adapterPresenting(platformCa);
      const stranger = adapterPresenting(otherCa);
      try {
        expect(await trusted.push(change('2001', 1))).toMatchObject({ outcome: 'ACCEPTED' });
        expect((await trusted.standingOf(DEMO_LISTED_BY_COURT)).entries).toHaveLength(1);
        await expect(stranger.push(change('2002', 1))).rejects.toThrow(/cannot be reached/);
      } finally {
        trusted.close();
        stranger.close();
      }
      expect(simulator.state.receivedRecords().map((record) => record.recordId)).toEqual(['2001']);
    });

    it('is refused without any client certificate, before a byte of HTTP is read', async () => {
      const agent = new HttpsAgent({ ca: readFileSync(platformCa.caFile) });
      try {
        await expect(
          sendRequest(`${simulator.url}/api/subjects/${UNLISTED}/standing`, { agent, method: 'GET', timeoutMs: 2000 }),
        ).rejects.toThrow(/certificate required|CERTIFICATE_REQUIRED|ECONNRESET|socket hang up/);
      } finally {
        agent.destroy();
      }
    });

    it('will not send a client certificate over plain HTTP', () => {
      expect(
        () =>
          new NationalCreditPlatformAdapter({
            baseUrl: 'http://127.0.0.1:4103',
            timeoutMs: 2000,
            authentication: { mode: 'client-certificate', cert: '', key: '', ca: '' },
          }),
      ).toThrow(/must be https/);
    });
  });
});
