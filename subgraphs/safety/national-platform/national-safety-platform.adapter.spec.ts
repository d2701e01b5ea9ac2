import { expect } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSimulator } from '../../../platform/national-platform/platform-simulator';
import { sm3Hex } from '../../../platform/storage/file-store';
import { NationalSafetyPlatformAdapter } from './national-safety-platform.adapter';
import { SafetyPlatformUnavailable, type PushedReport } from './national-safety-platform';
import { startSafetyPlatformSimulator, type SafetyPlatformState } from './safety-platform.simulator';

const CREDENTIALS = { keyId: 'js-single-window', secret: 'the-secret-the-safety-platform-issued' };

function waybillReport(reportId: string, version: number, overrides: Record<string, unknown> = {}): PushedReport {
  return {
    reportType: 'CROSS_PROVINCE_WAYBILL',
    reportId,
    version,
    regionCode: '320102',
    recordedAt: '2026-12-03T08:00:00.000Z',
    payload: {
      waybillNumber: reportId,
      carrierCreditCode: '91320102MA1MY0R10Q',
      plateNumber: '苏A12345',
      unNumber: 'UN1203',
      hazardClass: '3',
      quantityKg: 20000,
      originRegionCode: '320102',
      destinationRegionCode: '330106',
      status: version === 1 ? 'IN_TRANSIT' : 'ARRIVED',
      createdAt: '2026-12-03T07:50:00.000Z',
      departedAt: '2026-12-03T08:00:00.000Z',
      arrivedAt: version === 1 ? null : '2026-12-03T12:00:00.000Z',
      cancelledAt: null,
      ...overrides,
    },
  };
}

describe('the national safety platform adapter, against the simulator', () => {
  let simulator: RunningSimulator & { state: SafetyPlatformState };
  let adapter: NationalSafetyPlatformAdapter;
  const adapterWith = (secret = CREDENTIALS.secret, timeoutMs = 2000) =>
    new NationalSafetyPlatformAdapter({
      baseUrl: simulator.url,
      timeoutMs,
      authentication: { mode: 'signature', keyId: CREDENTIALS.keyId, secret },
    });

  beforeAll(async () => {
    simulator = await startSafetyPlatformSimulator({
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

  it('tells receipt, duplicate, out-of-order and refused answers apart', async () => {
    const accepted = await adapter.push(waybillReport('YD1', 1));
    expect(accepted).toEqual({ outcome: 'ACCEPTED', receiptNumber: expect.stringMatching(/^AQ\d{16}$/) as unknown });
    // The same version again (a retry after a lost answer): the first receipt.
    expect(await adapter.push(waybillReport('YD1', 1))).toEqual({ ...accepted, outcome: 'DUPLICATE' });
    expect(await adapter.push(waybillReport('YD2', 2))).toEqual({ outcome: 'OUT_OF_ORDER', expectedVersion: 1 });
    // Another body under an applied version, and a summary naming a person: refused for good.
    expect(await adapter.push(waybillReport('YD1', 1, { quantityKg: 1 }))).toMatchObject({
      outcome: 'REFUSED',
      reason: expect.stringMatching(/^HTTP 422: another body/),
    });
    expect(await adapter.push(waybillReport('YD3', 1, { shipperName: '张三' }))).toMatchObject({
      outcome: 'REFUSED',
      reason: expect.stringMatching(/^HTTP 422: .*shipperName/),
    });
    expect(simulator.state.receivedReports().find((report) => report.reportId === 'YD1')).toMatchObject({
      versions: [1],
      deliveries: 3,
      duplicates: 1,
      refused: 1,
    });
  });

  it('treats credentials refused, injected failures and an outage as the platform unavailable', async () => {
    const impostor = adapterWith('not-the-secret-the-platform-issued-at-all');
    await expect(impostor.push(waybillReport('YD4', 1))).rejects.toThrow(
      /refused our credentials \(HTTP 401: BAD_SIGNATURE\)/,
    );
    impostor.close();
    simulator.setSwitches({ errorRate: 1 });
    await expect(adapter.push(waybillReport('YD4', 1))).rejects.toThrow(/answered HTTP 503/);
    simulator.setSwitches({ errorRate: 0, down: true });
    const outage = adapter.push(waybillReport('YD4', 1));
    await expect(outage).rejects.toBeInstanceOf(SafetyPlatformUnavailable);
    await expect(outage).rejects.toThrow(
      /^国家安全生产监管平台暂不可用 \(national safety platform unavailable\): cannot be reached/,
    );
    // Slower than the timeout: handled by the platform, but the answer is lost.
    simulator.setSwitches({ down: false, latencyMs: 800 });
    const impatient = adapterWith(CREDENTIALS.secret, 300);
    await expect(impatient.push(waybillReport('YD4', 1))).rejects.toThrow(/no answer within 300 ms/);
    impatient.close();
    simulator.setSwitches({ latencyMs: 0 });
    expect(await adapter.push(waybillReport('YD4', 1))).toMatchObject({ outcome: 'DUPLICATE' });
  });
});

describe('a signed report request', () => {
  it('carries the idempotency key and an HMAC-SM3 signature over method, path, time, nonce and body digest', async () => {
    let seen: { headers: IncomingHttpHeaders; body: string; url: string } | null = null;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), url: request.url ?? '' };
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            reportType: 'ACCIDENT',
            reportId: 'A1',
            version: 1,
            status: 'ACCEPTED',
            receiptNumber: 'R1',
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const adapter = new NationalSafetyPlatformAdapter({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/gw/`,
      timeoutMs: 2000,
      authentication: { mode: 'signature', ...CREDENTIALS },
    });
    try {
      const report: PushedReport = {
        reportType: 'ACCIDENT',
        reportId: 'A1',
        version: 1,
        regionCode: '320102',
        recordedAt: '2026-12-03T08:00:00.000Z',
        payload: { level: 'GENERAL' },
      };
      expect(await adapter.push(report)).toEqual({ outcome: 'ACCEPTED', receiptNumber: 'R1' });
      const { headers, body, url } = seen!;
      expect(url).toBe('/gw/api/safety-reports');
      expect(headers['idempotency-key']).toBe('ACCIDENT:A1:1');
      expect(JSON.parse(body)).toEqual(report);
      expect(headers['x-safety-key-id']).toBe(CREDENTIALS.keyId);
      expect(headers['x-safety-content-sm3']).toBe(sm3Hex(body));
      const canonical = [
        'HMAC-SM3',
        'POST',
        '/gw/api/safety-reports',
        headers['x-safety-timestamp'],
        headers['x-safety-nonce'],
        sm3Hex(body),
      ].join('\n');
      expect(headers['x-safety-signature']).toBe(
        createHmac('sm3', CREDENTIALS.secret).update(canonical).digest('base64'),
      );
      expect(headers['x-safety-nonce']).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      adapter.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
