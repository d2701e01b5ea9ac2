import { isDeepStrictEqual } from 'node:util';
import {
  startPlatformSimulator,
  type RunningSimulator,
  type SimulatorAnswer,
  type SimulatorRequest,
} from '../../../platform/national-platform/platform-simulator';
import { SignatureVerifier, type SignatureRefusal } from '../../../platform/national-platform/request-signing';
import { idempotencyKeyOf, IDEMPOTENCY_KEY_HEADER, SAFETY_SIGNATURE_HEADERS } from './national-safety-platform';
import type { PushedReport } from './national-safety-platform';
import { crossProvinceWaybillPayload, pushedReportBody } from './safety-platform-payloads';

/** What the platform received for one report: the versions applied, and every answer it gave. */
export interface ReceivedReport {
  reportType: string;
  reportId: string;
  regionCode: string;
  /** Applied versions, in arrival order (the platform applies only the next one). */
  versions: number[];
  /** Receipt numbers of the applied versions, in the same order. */
  receipts: string[];
  /** Every push of the report that got an answer from the platform, duplicates included. */
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

interface ReportState {
  applied: Array<{ report: PushedReport; receiptNumber: string }>;
  deliveries: number;
  duplicates: number;
  outOfOrderRefused: number;
  refused: number;
}

/**
 * Simulated national safety supervision platform (国家安全生产监管平台): checks signed requests, applies
 * each report's versions once and in order, answers a repeated version with its first receipt, and lists
 * what it received (`GET /received-reports`). Development and tests only.
 */
export class SafetyPlatformState {
  private readonly reports = new Map<string, ReportState>();
  private readonly authenticationRefusals = new Map<SignatureRefusal, number>();
  private receipts = 0;

  constructor(private readonly verifier: SignatureVerifier) {}

  handle(request: SimulatorRequest): SimulatorAnswer | null {
    const [api, collection, ...rest] = request.segments;
    if (api !== 'api' || collection !== 'safety-reports' || rest.length > 0 || request.method !== 'POST') return null;
    const refusal = this.verifier.verify(request);
    if (refusal !== null) {
      this.authenticationRefusals.set(refusal, (this.authenticationRefusals.get(refusal) ?? 0) + 1);
      return { status: 401, body: { error: refusal } };
    }
    return this.receive(request);
  }

  receivedReports(): ReceivedReport[] {
    return [...this.reports.values()]
      .filter((state) => state.applied.length > 0)
      .map((state) => {
        const first = state.applied[0].report;
        return {
          reportType: first.reportType,
          reportId: first.reportId,
          regionCode: first.regionCode,
          versions: state.applied.map((each) => each.report.version),
          receipts: state.applied.map((each) => each.receiptNumber),
          deliveries: state.deliveries,
          duplicates: state.duplicates,
          outOfOrderRefused: state.outOfOrderRefused,
          refused: state.refused,
          latest: state.applied[state.applied.length - 1].report.payload,
        };
      });
  }

  summary() {
    let versions = 0;
    let duplicates = 0;
    for (const state of this.reports.values()) {
      versions += state.applied.length;
      duplicates += state.duplicates;
    }
    return {
      reports: this.reports.size,
      versions,
      duplicates,
      authenticationRefusals: Object.fromEntries(this.authenticationRefusals),
    };
  }

  private receive(request: SimulatorRequest): SimulatorAnswer {
    const parsed = pushedReportBody.safeParse(request.body);
    if (!parsed.success) return refusedAnswer(400, parsed.error.issues);
    const report = parsed.data;
    if (request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()] !== idempotencyKeyOf(report))
      return { status: 400, body: { status: 'REFUSED', error: 'Idempotency-Key must be reportType:reportId:version' } };
    const key = `${report.reportType}:${report.reportId}`;
    const state = this.reports.get(key) ?? {
      applied: [],
      deliveries: 0,
      duplicates: 0,
      outOfOrderRefused: 0,
      refused: 0,
    };
    this.reports.set(key, state);
    state.deliveries += 1;
    const receipt = (status: 'ACCEPTED' | 'DUPLICATE', receiptNumber: string) => ({
      reportType: report.reportType,
      reportId: report.reportId,
      version: report.version,
      status,
      receiptNumber,
    });
    const earlier = state.applied.find((applied) => applied.report.version === report.version);
    if (earlier) {
      if (!isDeepStrictEqual(earlier.report, report)) {
        state.refused += 1;
        return {
          status: 422,
          body: { status: 'REFUSED', error: `another body was received for version ${report.version}` },
        };
      }
      state.duplicates += 1;
      return { status: 200, body: receipt('DUPLICATE', earlier.receiptNumber) };
    }
    const expectedVersion = state.applied.length + 1;
    if (report.version !== expectedVersion) {
      state.outOfOrderRefused += 1;
      return { status: 409, body: { status: 'OUT_OF_ORDER', expectedVersion } };
    }
    if (report.reportType === 'CROSS_PROVINCE_WAYBILL') {
      const payload = crossProvinceWaybillPayload.safeParse(report.payload);
      if (!payload.success) {
        state.refused += 1;
        return refusedAnswer(422, payload.error.issues, 'payload.');
      }
    }
    this.receipts += 1;
    const receiptNumber = `AQ${new Date().toISOString().slice(0, 10).replace(/-/g, '')}${String(this.receipts).padStart(8, '0')}`;
    state.applied.push({ report, receiptNumber });
    return { status: 201, body: receipt('ACCEPTED', receiptNumber) };
  }
}

function refusedAnswer(
  status: number,
  issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }>,
  prefix = '',
): SimulatorAnswer {
  return {
    status,
    body: { status: 'REFUSED', error: issues.map((issue) => `${prefix}${issue.path.join('.')}: ${issue.message}`) },
  };
}

export async function startSafetyPlatformSimulator(options: {
  host: string;
  port: number;
  /** The secrets it issued, by key id. */
  secrets: ReadonlyMap<string, string>;
}): Promise<RunningSimulator & { state: SafetyPlatformState }> {
  const state = new SafetyPlatformState(new SignatureVerifier(SAFETY_SIGNATURE_HEADERS, options.secrets));
  const running = await startPlatformSimulator({
    name: 'national safety platform',
    host: options.host,
    port: options.port,
    routes: (request) => state.handle(request),
    extraControl: {
      '/received-reports': () => ({ reports: state.receivedReports() }),
      '/received-summary': () => state.summary(),
    },
  });
  return { ...running, state };
}
