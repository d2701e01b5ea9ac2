import type { ServerOptions as HttpsServerOptions } from 'node:https';
import { DEMO_AWARD_LOOKUPS_UNAVAILABLE, DEMO_TENDER_AWARDS } from './demo-platform-data';
import type { TenderAward } from './national-platforms';
import { startPlatformSimulator, type RunningSimulator } from '../../../platform/national-platform/platform-simulator';

/** Simulated public resource trading platform (公共资源交易平台): the demo tender awards (中标结果). */
export async function startTradingPlatformSimulator(options: {
  host: string;
  port: number;
  awards?: readonly TenderAward[];
  /** Projects whose lookups fail with 503 whatever the switches say (a per-project outage). */
  unavailableProjects?: readonly string[];
  tls?: HttpsServerOptions;
}): Promise<RunningSimulator> {
  const awards = new Map((options.awards ?? DEMO_TENDER_AWARDS).map((award) => [award.projectCode, { ...award }]));
  const unavailable = new Set(options.unavailableProjects ?? DEMO_AWARD_LOOKUPS_UNAVAILABLE);
  return startPlatformSimulator({
    name: 'trading platform',
    host: options.host,
    port: options.port,
    tls: options.tls,
    routes: ({ method, segments }) => {
      const [api, collection, projectCode, ...rest] = segments;
      if (
        method !== 'GET' ||
        api !== 'api' ||
        collection !== 'tender-awards' ||
        projectCode === undefined ||
        rest.length > 0
      )
        return null;
      if (unavailable.has(projectCode))
        return { status: 503, body: { error: `award records of ${projectCode} are being migrated; try again later` } };
      const award = awards.get(projectCode);
      return award
        ? { status: 200, body: award }
        : { status: 404, body: { error: `no tender award on record for ${projectCode}` } };
    },
  });
}
