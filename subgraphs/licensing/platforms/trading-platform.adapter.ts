import type { TenderAward, TradingPlatform } from './national-platforms';
import { tenderAwardPayload } from './platform-payloads';
import { callPlatform, parseAnswer, PlatformResponseInvalid, type PlatformEndpoint } from './platform-http.client';

/**
 * HTTP client of the public resource trading platform (公共资源交易平台): the tender award (中标结果)
 * on record for a project, if any. See PLATFORM-CONTRACT.md.
 */
export class TradingPlatformAdapter implements TradingPlatform {
  private readonly endpoint: PlatformEndpoint;

  constructor(settings: Omit<PlatformEndpoint, 'platform'>) {
    this.endpoint = { platform: 'trading platform', ...settings };
  }

  async findTenderAward(projectCode: string): Promise<TenderAward | null> {
    const answer = await callPlatform(this.endpoint, `/api/tender-awards/${encodeURIComponent(projectCode)}`, {
      method: 'GET',
    });
    if (answer.status === 404) return null;
    const award = parseAnswer(this.endpoint, tenderAwardPayload, answer.body);
    if (award.projectCode !== projectCode) {
      throw new PlatformResponseInvalid(
        this.endpoint.platform,
        `answered with the award of project ${award.projectCode} when asked for ${projectCode}`,
      );
    }
    return award;
  }
}
