import type { ServerOptions as HttpsServerOptions } from 'node:https';
import { isDeepStrictEqual } from 'node:util';
import {
  startPlatformSimulator,
  type RunningSimulator,
  type SimulatorAnswer,
  type SimulatorRequest,
} from '../../../platform/national-platform/platform-simulator';
import { creditCodeProblem } from '../../../platform/codes/credit-code';
import { pushedChangeBody } from './credit-platform-payloads';
import { DEMO_NATIONAL_STANDING } from './demo-standing-data';
import { idempotencyKeyOf, IDEMPOTENCY_KEY_HEADER } from './national-credit-platform.adapter';
import type { PlatformListEntry, PushedChange } from './national-credit-platform';
import { SignatureVerifier, type SignatureRefusal } from './request-signing';

/** One version as the simulated platform applied it. */
interface AppliedVersion {
  change: PushedChange;
  receiptNumber: string;
  receivedAt: string;
}

/** What the platform received for one record: the versions in the order applied, and what it refused. */
export interface ReceivedRecord {
  recordType: string;
  recordId: string;
  /** Applied versions, in arrival order (the platform applies only the next one). */
  versions: number[];
  /** Every push of the record that got an answer from the platform, duplicates included. */
  deliveries: number;
  /** Pushes of a version already applied with the same body (retries after a lost answer). */
  duplicates: number;
  /** Pushes refused because an earlier version had not arrived (409). */
  outOfOrderRefused: number;
  /** Pushes refused for good (422: another body under an applied version, or a bad payload). */
  refused: number;
  /** The payload of the latest applied version. */
  latest: Record<string, unknown>;
}

interface RecordState {
  versions: AppliedVersion[];
  deliveries: number;
  duplicates: number;
  outOfOrderRefused: number;
  refused: number;
}

/**
 * Simulated national credit information sharing platform (全国信用信息共享平台): applies each record's
 * versions once and in order, checks signed requests (when given the secrets), and answers subjects'
 * standing from the demo data. Development and tests only.
 */
export class CreditPlatformState {
  private readonly records = new Map<string, RecordState>();
  private readonly authenticationRefusals = new Map<SignatureRefusal, number>();
  private receipts = 0;

  constructor(
    /** Null when the transport authenticates callers (mutual TLS): no signature is asked for. */
    private readonly verifier: SignatureVerifier | null,
    private readonly standing: Readonly<Record<string, readonly PlatformListEntry[]>> = DEMO_NATIONAL_STANDING,
  ) {}

  handle(request: SimulatorRequest): SimulatorAnswer | null {
    const [api, collection, key, leaf, ...rest] = request.segments;
    if (api !== 'api' || rest.length > 0) return null;
    const push = collection === 'credit-records' && key === undefined && request.method === 'POST';
    const standing = collection === 'subjects' && key !== undefined && leaf === 'standing' && request.method === 'GET';
    if (!push && !standing) return null;
    const refusal = this.verifier?.verify(request) ?? null;
    if (refusal !== null) {
      this.authenticationRefusals.set(refusal, (this.authenticationRefusals.get(refusal) ?? 0) + 1);
      return { status: 401, body: { error: refusal } };
    }
    return push ? this.receive(request) : this.standingOf(key);
  }

  /** Every record received, by type and id. */
  receivedRecords(): ReceivedRecord[] {
    return [...this.records.entries()].map(([key, state]) => {
      const [recordType, ...id] = key.split(':');
      return {
        recordType,
        recordId: id.join(':'),
        versions: state.versions.map((applied) => applied.change.version),
        deliveries: state.deliveries,
        duplicates: state.duplicates,
        outOfOrderRefused: state.outOfOrderRefused,
        refused: state.refused,
        latest: state.versions[state.versions.length - 1]?.change.payload ?? {},
      };
    });
  }

  /** Totals only, for a large run (the benchmark). */
  summary() {
    let versions = 0;
    let duplicates = 0;
    let outOfOrderRefused = 0;
    for (const state of this.records.values()) {
      versions += state.versions.length;
      duplicates += state.duplicates;
      outOfOrderRefused += state.outOfOrderRefused;
    }
    return {
      records: this.records.size,
      versions,
      duplicates,
      outOfOrderRefused,
      authenticationRefusals: Object.fromEntries(this.authenticationRefusals),
    };
  }

  private standingOf(creditCode: string): SimulatorAnswer {
    if (creditCodeProblem(creditCode) !== null)
      return { status: 400, body: { error: 'not a unified social credit code' } };
    return {
      status: 200,
      body: {
        creditCode,
        asOf: new Date().toISOString(),
        entries: this.standing[creditCode] ?? [],
      },
    };
  }

  private receive(request: SimulatorRequest): SimulatorAnswer {
    const parsed = pushedChangeBody.safeParse(request.body);
    if (!parsed.success)
      return {
        status: 400,
        body: {
          status: 'REFUSED',
          error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        },
      };
    const change = parsed.data;
    if (request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()] !== idempotencyKeyOf(change))
      return { status: 400, body: { status: 'REFUSED', error: 'Idempotency-Key must be recordType:recordId:version' } };
    const key = `${change.recordType}:${change.recordId}`;
    const state = this.records.get(key) ?? {
      versions: [],
      deliveries: 0,
      duplicates: 0,
      outOfOrderRefused: 0,
      refused: 0,
    };
    this.records.set(key, state);
    state.deliveries += 1;
    const receipt = (status: 'ACCEPTED' | 'DUPLICATE', receiptNumber: string) => ({
      recordType: change.recordType,
      recordId: change.recordId,
      version: change.version,
      status,
      receiptNumber,
    });
    const earlier = state.versions.find((applied) => applied.change.version === change.version);
    if (earlier) {
      if (!isDeepStrictEqual(earlier.change, change)) {
        state.refused += 1;
        return {
          status: 422,
          body: { status: 'REFUSED', error: `another body was received for version ${change.version}` },
        };
      }
      state.duplicates += 1;
      return { status: 200, body: receipt('DUPLICATE', earlier.receiptNumber) };
    }
    const expectedVersion = state.versions.length + 1;
    if (change.version !== expectedVersion) {
      state.outOfOrderRefused += 1;
      return { status: 409, body: { status: 'OUT_OF_ORDER', expectedVersion } };
    }
    const creditCode = change.payload.creditCode;
    if (creditCode !== undefined && (typeof creditCode !== 'string' || creditCodeProblem(creditCode) !== null)) {
      state.refused += 1;
      return { status: 422, body: { status: 'REFUSED', error: 'payload.creditCode is not a valid credit code' } };
    }
    this.receipts += 1;
    const receiptNumber = `XY${new Date().toISOString().slice(0, 10).replace(/-/g, '')}${String(this.receipts).padStart(8, '0')}`;
    state.versions.push({ change, receiptNumber, receivedAt: new Date().toISOString() });
    return { status: 201, body: receipt('ACCEPTED', receiptNumber) };
  }
}

export async function startCreditPlatformSimulator(options: {
  host: string;
  port: number;
  /** The secrets it issued, by key id; null when mutual TLS authenticates callers instead. */
  secrets: ReadonlyMap<string, string> | null;
  tls?: HttpsServerOptions;
  state?: CreditPlatformState;
}): Promise<RunningSimulator & { state: CreditPlatformState }> {
  const state =
    options.state ?? new CreditPlatformState(options.secrets === null ? null : new SignatureVerifier(options.secrets));
  const running = await startPlatformSimulator({
    name: 'national credit platform',
    host: options.host,
    port: options.port,
    tls: options.tls,
    routes: (request) => state.handle(request),
    extraControl: {
      '/received-records': () => ({ records: state.receivedRecords() }),
      '/received-summary': () => state.summary(),
    },
  });
  return { ...running, state };
}
