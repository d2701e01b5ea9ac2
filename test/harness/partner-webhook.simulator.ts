import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A partner ministry's webhook receiver, as the README tells a partner to write one: it checks
// X-Signature (HMAC-SHA256 of "<X-Timestamp>.<body>" with the subscription's secret, computed here
// independently of the gateway's code), refuses stale timestamps, applies each X-Event-Id once and
// records everything it got. `failNext(n)` makes it answer 500 to the next n requests.

export interface ReceivedNotification {
  eventId: string;
  signatureValid: boolean;
  /** The answer the simulator gave. */
  status: number;
  body: { id: string; type: string; occurredAt: string; data: Record<string, unknown> } | null;
  headers: IncomingHttpHeaders;
}

export class PartnerWebhookSimulator {
  /** Every request, in arrival order. */
  readonly received: ReceivedNotification[] = [];
  /** The events applied, once each (deduplicated on X-Event-Id). */
  readonly applied = new Map<string, ReceivedNotification['body']>();
  private secret = '';
  private failures = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = '/webhooks/single-window'): Promise<PartnerWebhookSimulator> {
    let simulator: PartnerWebhookSimulator | null = null;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const status = simulator!.receive(request.headers, Buffer.concat(chunks).toString('utf8'));
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(status === 200 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    simulator = new PartnerWebhookSimulator(server, `http://127.0.0.1:${port}${path}`);
    return simulator;
  }

  /** The subscription's signing secret, as the partner stores it from subscribeNotifications. */
  useSecret(secret: string): void {
    this.secret = secret;
  }

  failNext(count: number): void {
    this.failures = count;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(headers: IncomingHttpHeaders, raw: string): number {
    const signatureValid = this.verify(headers, raw);
    let body: ReceivedNotification['body'] = null;
    try {
      body = JSON.parse(raw) as ReceivedNotification['body'];
    } catch {
      body = null;
    }
    const eventId = String(headers['x-event-id'] ?? '');
    let status = 200;
    if (!signatureValid || !body || body.id !== eventId) status = 401;
    else if (this.failures > 0) {
      this.failures -= 1;
      status = 500;
    } else if (!this.applied.has(eventId)) this.applied.set(eventId, body);
    this.received.push({ eventId, signatureValid, status, body, headers });
    return status;
  }

  private verify(headers: IncomingHttpHeaders, raw: string): boolean {
    const timestamp = String(headers['x-timestamp'] ?? '');
    const signature = String(headers['x-signature'] ?? '');
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
    const expected = `sha256=${createHmac('sha256', this.secret).update(`${timestamp}.${raw}`).digest('hex')}`;
    return expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  }
}
