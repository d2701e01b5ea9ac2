import type { ServerOptions as HttpsServerOptions } from 'node:https';
import { isDeepStrictEqual } from 'node:util';
import { chinaToday } from '../../../platform/time/china-time';
import { DEMO_INVESTMENT_PROJECTS } from './demo-platform-data';
import type { DecisionReport, InvestmentProject } from './national-platforms';
import { decisionReportPayload } from './platform-payloads';
import {
  startPlatformSimulator,
  type RunningSimulator,
  type SimulatorAnswer,
  type SimulatorRequest,
} from '../../../platform/national-platform/platform-simulator';

/** A report as the simulated platform recorded it: once per application number, however often it came. */
export interface ReceivedReport {
  receiptNumber: string;
  report: DecisionReport;
  firstReceivedAt: string;
  /** How many times it was delivered (a retry after a lost answer comes again with the same key). */
  deliveries: number;
}

/**
 * Simulated national investment project approval platform (投资项目在线审批监管平台): the demo projects,
 * and a receiver of decision reports that records each application once, by its idempotency key.
 */
export class InvestmentPlatformState {
  private readonly projects = new Map<string, InvestmentProject>();
  private readonly received = new Map<string, ReceivedReport>();
  private receipts = 0;

  constructor(projects: readonly InvestmentProject[] = DEMO_INVESTMENT_PROJECTS) {
    for (const project of projects) this.projects.set(project.projectCode, { ...project });
  }

  receivedReports(): ReceivedReport[] {
    return [...this.received.values()].map((entry) => ({ ...entry, report: { ...entry.report } }));
  }

  handle(request: SimulatorRequest): SimulatorAnswer | null {
    const [api, collection, key, ...rest] = request.segments;
    if (api !== 'api' || rest.length > 0) return null;
    if (collection === 'projects' && key !== undefined && request.method === 'GET') {
      const project = this.projects.get(key);
      return project ? { status: 200, body: project } : { status: 404, body: { error: `no project ${key}` } };
    }
    if (collection === 'decision-reports' && key === undefined && request.method === 'POST')
      return this.receive(request);
    return null;
  }

  private receive(request: SimulatorRequest): SimulatorAnswer {
    const parsed = decisionReportPayload.safeParse(request.body);
    if (!parsed.success)
      return {
        status: 400,
        body: { error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
      };
    const report = parsed.data;
    const idempotencyKey = request.headers['idempotency-key'];
    if (idempotencyKey !== report.applicationNumber) {
      return { status: 400, body: { error: 'the Idempotency-Key header must be the application number' } };
    }
    const earlier = this.received.get(report.applicationNumber);
    if (earlier) {
      // Same key, other content: refused, as the IETF Idempotency-Key draft says (422).
      if (!isDeepStrictEqual(earlier.report, report))
        return {
          status: 422,
          body: { error: `a different report for ${report.applicationNumber} was received earlier` },
        };
      earlier.deliveries += 1;
      return {
        status: 200,
        body: { applicationNumber: report.applicationNumber, receiptNumber: earlier.receiptNumber },
      };
    }
    this.receipts += 1;
    const receiptNumber = `HZ${chinaToday().replace(/-/g, '')}${String(this.receipts).padStart(6, '0')}`;
    this.received.set(report.applicationNumber, {
      receiptNumber,
      report,
      firstReceivedAt: new Date().toISOString(),
      deliveries: 1,
    });
    return { status: 201, body: { applicationNumber: report.applicationNumber, receiptNumber } };
  }
}

export async function startInvestmentPlatformSimulator(options: {
  host: string;
  port: number;
  state?: InvestmentPlatformState;
  tls?: HttpsServerOptions;
}): Promise<RunningSimulator & { state: InvestmentPlatformState }> {
  const state = options.state ?? new InvestmentPlatformState();
  const running = await startPlatformSimulator({
    name: 'investment platform',
    host: options.host,
    port: options.port,
    tls: options.tls,
    routes: (request) => state.handle(request),
    extraControl: { '/received-reports': () => ({ reports: state.receivedReports() }) },
  });
  return { ...running, state };
}
