import type { ServerOptions as HttpsServerOptions } from 'node:https';
import {
  startPlatformSimulator,
  type RunningSimulator,
  type SimulatorAnswer,
  type SimulatorRequest,
} from '../../../platform/national-platform/platform-simulator';
import { VersionedRecordBook } from '../../../platform/national-platform/versioned-record-book';
import { creditCodeProblem } from '../../../platform/codes/credit-code';
import { pushedChangeBody } from './credit-platform-payloads';
import { DEMO_NATIONAL_STANDING } from './demo-standing-data';
import { idempotencyKeyOf, IDEMPOTENCY_KEY_HEADER } from './national-credit-platform.adapter';
import type { PlatformListEntry, PushedChange } from './national-credit-platform';
import { SignatureVerifier, type SignatureRefusal } from './request-signing';

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

/**
 * Simulated national credit information sharing platform (全国信用信息共享平台): applies each record's
 * versions once and in order, checks signed requests (when given the secrets), and answers subjects'
 * standing from the demo data. Development and tests only.
 */
export class CreditPlatformState {
  private readonly records = new VersionedRecordBook<PushedChange>('XY');
  private readonly authenticationRefusals = new Map<SignatureRefusal, number>();

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
    return this.records.histories().map(([key, history]) => {
      const [recordType, ...id] = key.split(':');
      return {
        recordType,
        recordId: id.join(':'),
        versions: history.applied.map((applied) => applied.body.version),
        deliveries: history.deliveries,
        duplicates: history.duplicates,
        outOfOrderRefused: history.outOfOrderRefused,
        refused: history.refused,
        latest: history.applied[history.applied.length - 1]?.body.payload ?? {},
      };
    });
  }

  /** Totals only, for a large run (the benchmark). */
  summary() {
    return { ...this.records.totals(), authenticationRefusals: Object.fromEntries(this.authenticationRefusals) };
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
    const receipt = (status: 'ACCEPTED' | 'DUPLICATE', receiptNumber: string) => ({
      recordType: change.recordType,
      recordId: change.recordId,
      version: change.version,
      status,
      receiptNumber,
    });
    return this.records.receive(`${change.recordType}:${change.recordId}`, change, receipt, () => {
      const creditCode = change.payload.creditCode;
      return creditCode !== undefined && (typeof creditCode !== 'string' || creditCodeProblem(creditCode) !== null)
        ? 'payload.creditCode is not a valid credit code'
        : null;
    });
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
