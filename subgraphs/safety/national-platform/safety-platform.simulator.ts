import {
  startPlatformSimulator,
  type RunningSimulator,
  type SimulatorAnswer,
  type SimulatorRequest,
} from '../../../platform/national-platform/platform-simulator';
import { SignatureVerifier, type SignatureRefusal } from '../../../platform/national-platform/request-signing';
import { VersionedRecordBook } from '../../../platform/national-platform/versioned-record-book';
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

/**
 * Simulated national safety supervision platform (国家安全生产监管平台): checks signed requests, applies
 * each report's versions once and in order, answers a repeated version with its first receipt, and lists
 * what it received (`GET /received-reports`). Development and tests only.
 */
export class SafetyPlatformState {
  private readonly reports = new VersionedRecordBook<PushedReport>('AQ');
  private readonly authenticationRefusals = new Map<SignatureRefusal, number>();

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
    return this.reports
      .histories()
      .filter(([, history]) => history.applied.length > 0)
      .map(([, history]) => {
        const first = history.applied[0].body;
        return {
          reportType: first.reportType,
          reportId: first.reportId,
          regionCode: first.regionCode,
          versions: history.applied.map((each) => each.body.version),
          receipts: history.applied.map((each) => each.receiptNumber),
          deliveries: history.deliveries,
          duplicates: history.duplicates,
          outOfOrderRefused: history.outOfOrderRefused,
          refused: history.refused,
          latest: history.applied[history.applied.length - 1].body.payload,
        };
      });
  }

  summary() {
    return { ...this.reports.totals(), authenticationRefusals: Object.fromEntries(this.authenticationRefusals) };
  }

  private receive(request: SimulatorRequest): SimulatorAnswer {
    const parsed = pushedReportBody.safeParse(request.body);
    if (!parsed.success) return { status: 400, body: { status: 'REFUSED', error: issuesOf(parsed.error.issues) } };
    const report = parsed.data;
    if (request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()] !== idempotencyKeyOf(report))
      return { status: 400, body: { status: 'REFUSED', error: 'Idempotency-Key must be reportType:reportId:version' } };
    const receipt = (status: 'ACCEPTED' | 'DUPLICATE', receiptNumber: string) => ({
      reportType: report.reportType,
      reportId: report.reportId,
      version: report.version,
      status,
      receiptNumber,
    });
    return this.reports.receive(`${report.reportType}:${report.reportId}`, report, receipt, () => {
      if (report.reportType !== 'CROSS_PROVINCE_WAYBILL') return null;
      const payload = crossProvinceWaybillPayload.safeParse(report.payload);
      return payload.success ? null : issuesOf(payload.error.issues, 'payload.');
    });
  }
}

function issuesOf(issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }>, prefix = '') {
  return issues.map((issue) => `${prefix}${issue.path.join('.')}: ${issue.message}`);
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
