import type { DecisionReport, InvestmentProject, InvestmentProjectPlatform } from './national-platforms';
import { investmentProjectPayload, reportReceiptPayload, type ReportReceipt } from './platform-payloads';
import { callPlatform, parseAnswer, PlatformResponseInvalid, type PlatformEndpoint } from './platform-http.client';
import { PlatformUnavailable } from './national-platforms';

/** The header carrying a report's idempotency key: its application number. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Where decision reports go; the relay delivers through it. */
export interface DecisionReportReceiver {
  /** Delivers one report; resolves with the platform's receipt, throws PlatformUnavailable otherwise. */
  deliverReport(report: DecisionReport): Promise<ReportReceipt>;
}

/**
 * HTTP client of the national investment project approval platform (投资项目在线审批监管平台):
 * looks projects up and receives decision reports (办理结果回传). See PLATFORM-CONTRACT.md.
 */
export class InvestmentPlatformAdapter implements InvestmentProjectPlatform, DecisionReportReceiver {
  private readonly endpoint: PlatformEndpoint;

  constructor(settings: Omit<PlatformEndpoint, 'platform'>) {
    this.endpoint = { platform: 'investment platform', ...settings };
  }

  async findProject(projectCode: string): Promise<InvestmentProject | null> {
    const answer = await callPlatform(this.endpoint, `/api/projects/${encodeURIComponent(projectCode)}`, {
      method: 'GET',
    });
    if (answer.status === 404) return null;
    const project = parseAnswer(this.endpoint, investmentProjectPayload, answer.body);
    if (project.projectCode !== projectCode) {
      throw new PlatformResponseInvalid(
        this.endpoint.platform,
        `answered with project ${project.projectCode} when asked for ${projectCode}`,
      );
    }
    return project;
  }

  async deliverReport(report: DecisionReport): Promise<ReportReceipt> {
    const answer = await callPlatform(this.endpoint, '/api/decision-reports', {
      method: 'POST',
      headers: { [IDEMPOTENCY_KEY_HEADER]: report.applicationNumber },
      body: JSON.stringify(report),
    });
    // A 404 here means the endpoint is missing (a deployment pointing at the wrong place), not "no report".
    if (answer.status === 404)
      throw new PlatformUnavailable(this.endpoint.platform, 'answered HTTP 404 to a decision report');
    const receipt = parseAnswer(this.endpoint, reportReceiptPayload, answer.body);
    if (receipt.applicationNumber !== report.applicationNumber) {
      throw new PlatformResponseInvalid(
        this.endpoint.platform,
        `answered with a receipt for ${receipt.applicationNumber} when reporting ${report.applicationNumber}`,
      );
    }
    return receipt;
  }
}
