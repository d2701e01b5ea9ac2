import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CONFIG_RULES, ConfigError } from '../../platform/config/config';
import { defineConfigSection, type SettingsOf } from '../../platform/config/config-section';
import { AUTOMATIC_CRITERIA, type ListCriterion } from './credit-list/list-criteria';
import type { CreditPlatformAuthentication } from './national-platform/national-credit-platform';

/** What credit runs on when nothing is set (also what specs build services with). */
export const CREDIT_DEFAULTS = {
  /** How often the publication job publishes due disclosures (双公示). */
  publicationIntervalSeconds: 30,
  /** Fines below this many fen (1,000 yuan) are minor: not disclosed, like warnings. */
  minorFineBelowFen: 100_000,
  // Publicity periods of penalties (NDRC 信用修复管理办法): ordinary dishonesty at least 3 months, at most
  // 1 year; serious dishonesty at least 1 year, at most 3 years, counted from the decision.
  ordinaryMinMonths: 3,
  ordinaryMaxMonths: 12,
  seriousMinMonths: 12,
  seriousMaxMonths: 36,
  /** A fine of at least this many fen (100,000 yuan) is serious dishonesty (严重失信). */
  seriousFineFen: 10_000_000,
  /** Penalty kinds that are serious dishonesty whatever the amount. */
  seriousPenalties: 'PERMIT_REVOCATION',
  /** Credit lists (信用名单): the listing term, the automatic criteria and the expiry job (README "Credit lists"). */
  listTermYears: 3,
  listAutomaticCriteria: 'PERMIT_REVOKED,REPEATED_SERIOUS_OVERLOAD',
  listOverloadCount: 3,
  listOverloadMonths: 12,
  listSeriousOverloadPercent: 0,
  listExpiryIntervalSeconds: 300,
  goodStandingMonths: 12,
} as const;

/** A comma-separated list of automatic criteria ('' for none). */
const automaticCriteria = z
  .string()
  .default(CREDIT_DEFAULTS.listAutomaticCriteria)
  .transform((value) =>
    value
      .split(',')
      .map((each) => each.trim())
      .filter((each) => each !== ''),
  )
  .refine((codes) => codes.every((code) => (AUTOMATIC_CRITERIA as readonly string[]).includes(code)), {
    message: `must name only ${AUTOMATIC_CRITERIA.join(', ')}, separated by commas`,
  })
  .transform((codes) => codes as ListCriterion[]);

const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** The national credit information sharing platform's defaults: the local simulator, signed requests. */
export const NATIONAL_CREDIT_PLATFORM_DEFAULTS = {
  url: 'http://127.0.0.1:4103',
  keyId: 'single-window-dev',
  // Known to the simulator; production refuses it.
  secret: 'dev-only-national-credit-platform-secret',
  timeoutMs: 5000,
  concurrency: 8,
  standingTtlSeconds: 3600,
  standingDeadlineMs: 800,
} as const;

const optionalFile = z.string().min(1).optional();

/** Credit's own settings: the 双公示 publication job, publicity periods, the credit lists, the national platform. */
export const CREDIT_CONFIG = defineConfigSection({
  variables: {
    CREDIT_PUBLICATION_INTERVAL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(86_400)
      .default(CREDIT_DEFAULTS.publicationIntervalSeconds),
    /** Deprecated alias of CREDIT_ORDINARY_MAX_MONTHS, read when that is unset. */
    CREDIT_PENALTY_PUBLIC_MONTHS: z.coerce.number().int().min(3).max(12).optional(),
    CREDIT_MINOR_FINE_BELOW_FEN: z.coerce
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .default(CREDIT_DEFAULTS.minorFineBelowFen),
    CREDIT_ORDINARY_MIN_MONTHS: whole(3, 12, CREDIT_DEFAULTS.ordinaryMinMonths),
    CREDIT_ORDINARY_MAX_MONTHS: z.coerce.number().int().min(3).max(12).optional(),
    CREDIT_SERIOUS_MIN_MONTHS: whole(12, 36, CREDIT_DEFAULTS.seriousMinMonths),
    CREDIT_SERIOUS_MAX_MONTHS: whole(12, 36, CREDIT_DEFAULTS.seriousMaxMonths),
    CREDIT_SERIOUS_FINE_FEN: z.coerce
      .number()
      .int()
      .min(1)
      .max(Number.MAX_SAFE_INTEGER)
      .default(CREDIT_DEFAULTS.seriousFineFen),
    CREDIT_SERIOUS_PENALTIES: z
      .string()
      .regex(/^[A-Z_]+(,[A-Z_]+)*$|^$/, 'must be penalty kinds separated by commas, e.g. PERMIT_REVOCATION')
      .default(CREDIT_DEFAULTS.seriousPenalties),
    CREDIT_LIST_TERM_YEARS: whole(1, 5, CREDIT_DEFAULTS.listTermYears),
    CREDIT_LIST_AUTOMATIC_CRITERIA: automaticCriteria,
    CREDIT_LIST_OVERLOAD_COUNT: whole(2, 50, CREDIT_DEFAULTS.listOverloadCount),
    CREDIT_LIST_OVERLOAD_MONTHS: whole(1, 36, CREDIT_DEFAULTS.listOverloadMonths),
    CREDIT_LIST_SERIOUS_OVERLOAD_PERCENT: whole(0, 1000, CREDIT_DEFAULTS.listSeriousOverloadPercent),
    CREDIT_LIST_EXPIRY_INTERVAL_SECONDS: whole(1, 86_400, CREDIT_DEFAULTS.listExpiryIntervalSeconds),
    CREDIT_GOOD_STANDING_MONTHS: whole(1, 60, CREDIT_DEFAULTS.goodStandingMonths),
    // The national credit information sharing platform (全国信用信息共享平台): NATIONAL-CREDIT-CONTRACT.md.
    CREDIT_PLATFORM_URL: CONFIG_RULES.url.optional(),
    CREDIT_PLATFORM_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(NATIONAL_CREDIT_PLATFORM_DEFAULTS.timeoutMs),
    CREDIT_PLATFORM_AUTH: z.enum(['signature', 'client-certificate']).default('signature'),
    CREDIT_PLATFORM_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores')
      .default(NATIONAL_CREDIT_PLATFORM_DEFAULTS.keyId),
    CREDIT_PLATFORM_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .default(NATIONAL_CREDIT_PLATFORM_DEFAULTS.secret),
    CREDIT_PLATFORM_CLIENT_CERT_FILE: optionalFile,
    CREDIT_PLATFORM_CLIENT_KEY_FILE: optionalFile,
    CREDIT_PLATFORM_CA_FILE: optionalFile,
    CREDIT_PLATFORM_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(NATIONAL_CREDIT_PLATFORM_DEFAULTS.concurrency),
    CREDIT_STANDING_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 86_400)
      .default(NATIONAL_CREDIT_PLATFORM_DEFAULTS.standingTtlSeconds),
    CREDIT_STANDING_DEADLINE_MS: z.coerce
      .number()
      .int()
      .min(50)
      .max(10_000)
      .default(NATIONAL_CREDIT_PLATFORM_DEFAULTS.standingDeadlineMs),
  },
  productionProblems: (values) => {
    const problems: Array<['CREDIT_PLATFORM_URL' | 'CREDIT_PLATFORM_SECRET', string]> = [];
    if (!values.CREDIT_PLATFORM_URL)
      problems.push([
        'CREDIT_PLATFORM_URL',
        'must name the real platform in production (the default is the simulator)',
      ]);
    if (values.CREDIT_PLATFORM_AUTH === 'signature' && values.CREDIT_PLATFORM_SECRET.startsWith('dev-only-'))
      problems.push(['CREDIT_PLATFORM_SECRET', 'must be set in production (the platform issues it with the key id)']);
    return problems;
  },
  build: (values) => {
    const ordinaryMax =
      values.CREDIT_ORDINARY_MAX_MONTHS ?? values.CREDIT_PENALTY_PUBLIC_MONTHS ?? CREDIT_DEFAULTS.ordinaryMaxMonths;
    return {
      publicationIntervalMs: values.CREDIT_PUBLICATION_INTERVAL_SECONDS * 1000,
      minorFineBelowFen: values.CREDIT_MINOR_FINE_BELOW_FEN,
      publicity: {
        ordinaryMinMonths: values.CREDIT_ORDINARY_MIN_MONTHS,
        // A maximum below the minimum would end the display before repair were possible: the minimum wins.
        ordinaryMaxMonths: Math.max(ordinaryMax, values.CREDIT_ORDINARY_MIN_MONTHS),
        seriousMinMonths: values.CREDIT_SERIOUS_MIN_MONTHS,
        seriousMaxMonths: Math.max(values.CREDIT_SERIOUS_MAX_MONTHS, values.CREDIT_SERIOUS_MIN_MONTHS),
        seriousFineFen: values.CREDIT_SERIOUS_FINE_FEN,
        seriousPenalties: values.CREDIT_SERIOUS_PENALTIES.split(',').filter((kind) => kind !== ''),
      },
      lists: {
        termYears: values.CREDIT_LIST_TERM_YEARS,
        automaticCriteria: values.CREDIT_LIST_AUTOMATIC_CRITERIA,
        overloadCount: values.CREDIT_LIST_OVERLOAD_COUNT,
        overloadMonths: values.CREDIT_LIST_OVERLOAD_MONTHS,
        seriousOverloadPercent: values.CREDIT_LIST_SERIOUS_OVERLOAD_PERCENT,
        expiryIntervalMs: values.CREDIT_LIST_EXPIRY_INTERVAL_SECONDS * 1000,
        goodStandingMonths: values.CREDIT_GOOD_STANDING_MONTHS,
      },
      nationalPlatform: {
        url: values.CREDIT_PLATFORM_URL ?? NATIONAL_CREDIT_PLATFORM_DEFAULTS.url,
        timeoutMs: values.CREDIT_PLATFORM_TIMEOUT_MS,
        authentication: authenticationOf(values),
        concurrency: values.CREDIT_PLATFORM_CONCURRENCY,
        standingTtlMs: values.CREDIT_STANDING_TTL_SECONDS * 1000,
        standingDeadlineMs: values.CREDIT_STANDING_DEADLINE_MS,
      },
    };
  },
});

const CLIENT_CERTIFICATE_FILES = [
  'CREDIT_PLATFORM_CLIENT_CERT_FILE',
  'CREDIT_PLATFORM_CLIENT_KEY_FILE',
  'CREDIT_PLATFORM_CA_FILE',
] as const;

/** Signed requests (HMAC-SM3 with a key id), or a client certificate (mutual TLS) read once at start. */
function authenticationOf(values: {
  CREDIT_PLATFORM_AUTH: 'signature' | 'client-certificate';
  CREDIT_PLATFORM_KEY_ID: string;
  CREDIT_PLATFORM_SECRET: string;
  CREDIT_PLATFORM_CLIENT_CERT_FILE?: string;
  CREDIT_PLATFORM_CLIENT_KEY_FILE?: string;
  CREDIT_PLATFORM_CA_FILE?: string;
}): CreditPlatformAuthentication {
  if (values.CREDIT_PLATFORM_AUTH === 'signature')
    return { mode: 'signature', keyId: values.CREDIT_PLATFORM_KEY_ID, secret: values.CREDIT_PLATFORM_SECRET };
  const missing = CLIENT_CERTIFICATE_FILES.filter((name) => !values[name]);
  if (missing.length > 0)
    throw new ConfigError(missing.map((name) => `${name}: must be set with CREDIT_PLATFORM_AUTH=client-certificate`));
  const read = (name: (typeof CLIENT_CERTIFICATE_FILES)[number]) => {
    try {
      return readFileSync(values[name] as string, 'utf8');
    } catch (error) {
      throw new ConfigError([`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
    }
  };
  return {
    mode: 'client-certificate',
    cert: read('CREDIT_PLATFORM_CLIENT_CERT_FILE'),
    key: read('CREDIT_PLATFORM_CLIENT_KEY_FILE'),
    ca: read('CREDIT_PLATFORM_CA_FILE'),
  };
}

export type CreditConfig = SettingsOf<typeof CREDIT_CONFIG>;
