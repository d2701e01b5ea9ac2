import { z } from 'zod';
import { CONFIG_RULES } from '../../platform/config/config';
import { defineConfigSection, type SettingsOf } from '../../platform/config/config-section';
import { seriousDishonestyRules } from './joint-discipline/serious-dishonesty-rule';

/** Licensing's own settings: the national platforms it talks to, and its signing keys (the working calendar is the platform's). */
export const LICENSING_CONFIG = defineConfigSection({
  variables: {
    // Defaults are the local simulators; production must name the real platforms.
    INVESTMENT_PLATFORM_URL: CONFIG_RULES.url.optional(),
    TRADING_PLATFORM_URL: CONFIG_RULES.url.optional(),
    PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
    PLATFORM_RECHECK_MS: z.coerce.number().int().min(100).max(3600000).default(30000),
    // How often applications gone past their decision deadline are looked for and announced (超期).
    PERMIT_OVERDUE_SWEEP_MS: z.coerce.number().int().min(100).max(86400000).default(600000),
    CERTIFICATE_KEY_DIR: z.string().optional(),
    // KIND=REFUSE|REASON_REQUIRED,… over the defaults in joint-discipline/serious-dishonesty-rule.ts.
    JOINT_DISCIPLINE_RULES: z.string().optional(),
  },
  productionProblems: (values) =>
    (['INVESTMENT_PLATFORM_URL', 'TRADING_PLATFORM_URL'] as const)
      .filter((variable) => !values[variable])
      .map((variable) => [variable, 'must name the real platform in production (the default is the local simulator)']),
  build: (values, platform) => ({
    /** National platforms licensing talks to (simulated locally), and how patiently. */
    platforms: {
      investmentUrl: values.INVESTMENT_PLATFORM_URL ?? 'http://127.0.0.1:4101',
      tradingUrl: values.TRADING_PLATFORM_URL ?? 'http://127.0.0.1:4102',
      timeoutMs: values.PLATFORM_TIMEOUT_MS,
      recheckIntervalMs: values.PLATFORM_RECHECK_MS,
    },
    /** How often the deadline sweep looks for applications past their decision deadline. */
    overdueSweepIntervalMs: values.PERMIT_OVERDUE_SWEEP_MS,
    certificateKeyDirectory: values.CERTIFICATE_KEY_DIR ?? `${platform.dataDir}/certificate-keys`,
    /** What approving a permit for an applicant on the serious-dishonesty list takes, per kind (联合惩戒). */
    seriousDishonestyRules: seriousDishonestyRules(values.JOINT_DISCIPLINE_RULES),
  }),
});

export type LicensingConfig = SettingsOf<typeof LICENSING_CONFIG>;
