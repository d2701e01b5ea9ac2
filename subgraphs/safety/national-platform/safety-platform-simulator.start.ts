import type { PlatformConfig } from '../../../platform/config/config';
import type { RunningSimulator } from '../../../platform/national-platform/platform-simulator';
import type { SafetyConfig } from '../safety.config';
import { startSafetyPlatformSimulator, type SafetyPlatformState } from './safety-platform.simulator';

/**
 * The simulated national safety supervision platform on the port of SAFETY_PLATFORM_URL, listening on
 * SUBGRAPH_HOST, accepting requests signed with SAFETY_PLATFORM_KEY_ID and SAFETY_PLATFORM_SECRET.
 * Development and tests only.
 */
export async function startSafetyPlatformSimulatorFor(
  config: PlatformConfig,
  settings: SafetyConfig,
): Promise<RunningSimulator & { state: SafetyPlatformState }> {
  if (config.environment === 'production')
    throw new Error(
      'the safety platform simulator does not run in production; point SAFETY_PLATFORM_URL at the real platform',
    );
  const { url, authentication } = settings.nationalPlatform;
  const parsed = new URL(url);
  return startSafetyPlatformSimulator({
    host: config.subgraphs.safety.host,
    port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)),
    secrets: new Map([[authentication.keyId, authentication.secret]]),
  });
}
