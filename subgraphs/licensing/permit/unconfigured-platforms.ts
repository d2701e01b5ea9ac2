import { DomainError, ErrorCode } from '../../kit/errors/domain-error';
import { PlatformUnavailable, type NationalPlatforms } from '../platforms/national-platforms';

/**
 * The national platforms while no adapters are configured in this build: every check answers that the
 * platform is unavailable, so construction permit applications wait visibly (AWAITING_EXTERNAL_VERIFICATION)
 * and nothing is approved unverified; a decision that must be reported is refused rather than lost.
 * licensing.subgraph.ts replaces this with the real adapters (subgraphs/licensing/platforms).
 */
export const UNCONFIGURED_PLATFORMS: NationalPlatforms = {
  investment: {
    findProject: async () => {
      throw new PlatformUnavailable('national investment project platform', 'no adapter is configured');
    },
  },
  trading: {
    findTenderAward: async () => {
      throw new PlatformUnavailable('public resource trading platform', 'no adapter is configured');
    },
  },
  reporter: {
    enqueue: async () => {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Decisions on investment projects cannot be reported: no decision reporter is configured', {
        reason: 'PLATFORM_NOT_CONFIGURED',
      });
    },
  },
};
