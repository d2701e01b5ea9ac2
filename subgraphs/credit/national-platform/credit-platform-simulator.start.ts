import type { PlatformConfig } from '../../../platform/config/config';
import type { RunningSimulator } from '../../../platform/national-platform/platform-simulator';
import type { CreditConfig } from '../credit.config';
import { startCreditPlatformSimulator, type CreditPlatformState } from './credit-platform.simulator';

function portOf(url: string): number {
  const parsed = new URL(url);
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

/**
 * The simulated national credit platform on the port of CREDIT_PLATFORM_URL, listening on SUBGRAPH_HOST,
 * accepting what credit's adapter is configured to present: requests signed with CREDIT_PLATFORM_KEY_ID
 * and CREDIT_PLATFORM_SECRET, or (client-certificate) HTTPS asking for a certificate from
 * CREDIT_PLATFORM_CA_FILE, served with credit's own certificate. Development and tests only.
 */
export async function startCreditPlatformSimulatorFor(
  config: PlatformConfig,
  settings: CreditConfig,
): Promise<RunningSimulator & { state: CreditPlatformState }> {
  if (config.environment === 'production')
    throw new Error(
      'the credit platform simulator does not run in production; point CREDIT_PLATFORM_URL at the real platform',
    );
  const { url, authentication } = settings.nationalPlatform;
  return startCreditPlatformSimulator({
    host: config.subgraphs.credit.host,
    port: portOf(url),
    secrets: authentication.mode === 'signature' ? new Map([[authentication.keyId, authentication.secret]]) : null,
    tls:
      authentication.mode === 'client-certificate'
        ? {
            cert: authentication.cert,
            key: authentication.key,
            ca: authentication.ca,
            requestCert: true,
            rejectUnauthorized: true,
          }
        : undefined,
  });
}
