import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import type { AddressInfo } from 'node:net';
import { postWebhook } from './notification-relay';
import { notifiableEvent, grantedData, NOTIFIABLE_EVENTS } from './notifiable-events';
import { EVENT_SUBSCRIBERS } from '../../../platform/outbox/domain-event';
import { NonPublicAddressError, publicAddress, publicOnlyLookup, webhookUrlProblem } from './webhook-address';
import { notificationSignatureValid, signNotification } from './webhook-signature';

const PRODUCTION = { httpsOnly: true, allowPrivate: false };
const TEST = { httpsOnly: false, allowPrivate: false };
const DEVELOPMENT = { httpsOnly: false, allowPrivate: true };

function lookupOf(allowPrivate: boolean, hostname: string): Promise<string> {
  return new Promise((resolve, reject) =>
    publicOnlyLookup(allowPrivate)(hostname, {}, (error, address) =>
      error ? reject(error) : resolve(typeof address === 'string' ? address : JSON.stringify(address)),
    ),
  );
}

describe('webhook URLs (SSRF)', () => {
  it('tells public unicast addresses from private, loopback, link-local and reserved ones, IPv4-mapped IPv6 included', () => {
    const notPublic = [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      '2002:a00:1::1',
      'not-an-address',
    ];
    const isPublic = ['8.8.8.8', '114.114.114.114', '172.32.0.1', '2400:3200::1', '::ffff:8.8.8.8'];
    expect(notPublic.filter(publicAddress)).toEqual([]);
    expect(isPublic.filter((address) => !publicAddress(address))).toEqual([]);
  });

  it('wants https in production, refuses credentials, and local or private hosts outside development', () => {
    expect(webhookUrlProblem('https://partner.example.cn/hook', PRODUCTION)).toBeNull();
    expect(webhookUrlProblem('https://[2400:3200::1]/hook', PRODUCTION)).toBeNull();
    expect(webhookUrlProblem('http://partner.example.cn/hook', PRODUCTION)).toContain('https');
    expect(webhookUrlProblem('http://partner.example.cn/hook', TEST)).toBeNull();
    expect(webhookUrlProblem('ftp://partner.example.cn/hook', TEST)).toContain('http(s)');
    expect(webhookUrlProblem('https://user:pass@partner.example.cn/hook', PRODUCTION)).toContain('credentials');
    expect(webhookUrlProblem('not a url', TEST)).toContain('Not a valid URL');
    for (const local of [
      'https://127.0.0.1/hook',
      'https://10.0.0.8:8443/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[::ffff:192.168.0.1]/hook',
      'https://localhost/hook',
      'https://api.localhost/hook',
      'https://intranet/hook',
    ])
      expect([local, webhookUrlProblem(local, PRODUCTION)]).toEqual([local, expect.stringContaining('not public')]);
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', DEVELOPMENT)).toBeNull();
  });

  it('resolves names with the system resolver and refuses any non-public answer at connection time', async () => {
    expect(await lookupOf(false, '8.8.8.8')).toBe('8.8.8.8');
    await expect(lookupOf(false, '127.0.0.1')).rejects.toThrow(NonPublicAddressError);
    await expect(lookupOf(false, 'localhost')).rejects.toThrow(/localhost resolves to .* not public/);
    expect(await lookupOf(true, '127.0.0.1')).toBe('127.0.0.1');
  });

  describe('a POST to a local receiver', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((request, response) => {
        request.resume();
        request.on('end', () => response.writeHead(204).end());
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('connects in development and is refused through a name that resolves to loopback otherwise', async () => {
      const options = { timeoutMs: 2000 };
      expect(await postWebhook(`http://localhost:${port}/`, {}, '{}', { ...options, allowPrivate: true })).toBe(204);
      await expect(
        postWebhook(`http://localhost:${port}/`, {}, '{}', { ...options, allowPrivate: false }),
      ).rejects.toThrow(NonPublicAddressError);
    });
  });
});

describe('notification signatures', () => {
  const secret = 'whsec_spec';
  const body = '{"id":"e1","type":"case.decided","occurredAt":"2026-12-01T00:00:00.000Z","data":{}}';

  it('is HMAC-SHA256 over "<timestamp>.<body>" in hex, and a receiver refuses another body, secret or an old timestamp', () => {
    const now = 1_796_000_000;
    const signature = signNotification(secret, now, body);
    // Known answer: computed with `printf '%s' "1796000000.$body" | openssl dgst -sha256 -hmac whsec_spec`.
    expect(signature).toBe('sha256=7a7a1a456ea9a6dfa4820f0c89ae0ad927fb54848a20ace00687821a700e889b');
    const headers = { signature, timestamp: String(now) };
    expect(notificationSignatureValid(secret, headers, body, now + 10)).toBe(true);
    expect(notificationSignatureValid(secret, headers, `${body} `, now)).toBe(false);
    expect(notificationSignatureValid('whsec_other', headers, body, now)).toBe(false);
    expect(notificationSignatureValid(secret, headers, body, now + 301)).toBe(false);
    expect(notificationSignatureValid(secret, { signature, timestamp: undefined }, body, now)).toBe(false);
  });
});

describe('notifiable events', () => {
  it('name catalogue items that are fields of the served API', () => {
    const api = parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'schema', 'api.graphql'), 'utf8'));
    const coordinates = new Set(
      api.definitions.flatMap((definition) =>
        definition.kind === Kind.OBJECT_TYPE_DEFINITION
          ? (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`)
          : [],
      ),
    );
    const named = NOTIFIABLE_EVENTS.flatMap((event) => [...event.requires, ...Object.values(event.fields)]);
    expect(named.filter((coordinate) => !coordinates.has(String(coordinate)))).toEqual([]);
  });

  it('are read from a department that already subscribes to them, and pass on only granted codes', () => {
    for (const event of NOTIFIABLE_EVENTS)
      expect([event.type, EVENT_SUBSCRIBERS[event.type]]).toEqual([
        event.type,
        expect.arrayContaining([event.readFrom]),
      ]);
    const decided = notifiableEvent('case.decided')!;
    const payload = {
      caseNumber: '3201022026000001',
      regionCode: '320102',
      creditCode: '91320102MA1XXXXX0X',
      plateNumber: '苏A12345',
      cause: '王小明 13812345678 超限运输',
      penalty: 'FINE',
      fineFen: 200000,
      permitNumber: null,
      summary: '罚款',
      decidedAt: '2026-12-01T00:00:00.000Z',
    };
    const granted = new Set(['EnforcementCase.penalty', 'EnforcementCase.caseNumber', 'EnforcementCase.fineFen']);
    expect(grantedData(decided, payload, (coordinate) => granted.has(coordinate))).toEqual({
      caseNumber: '3201022026000001',
      penalty: 'FINE',
      fineFen: 200000,
    });
    expect(grantedData(decided, payload, (coordinate) => coordinate === 'EnforcementCase.caseNumber')).toBeNull();
  });
});
