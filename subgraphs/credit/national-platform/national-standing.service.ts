import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { describeError, type Logger } from '../../../platform/observability/logger';
import { outsideRequest } from '../../../platform/observability/request-scope';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import type { NationalCreditPlatform, PlatformListEntry } from './national-credit-platform';
import { NationalStanding, NationalStandingStatus } from './national-standing';
import { NationalStandingCache } from './national-standing.entity';

export interface StandingSettings {
  /** How long an answer counts as current (CREDIT_STANDING_TTL_SECONDS). */
  ttlMs: number;
  /** How long a query waits for the platform before it answers from the cache (CREDIT_STANDING_DEADLINE_MS). */
  deadlineMs: number;
}

const DEADLINE_PASSED = Symbol('deadline passed');

function standingFrom(row: NationalStandingCache, status: NationalStandingStatus): NationalStanding {
  return {
    status,
    retrievedAt: row.retrievedAt,
    entries: (JSON.parse(row.entries) as PlatformListEntry[]).map((entry) => ({ ...entry })),
  };
}

const UNAVAILABLE: NationalStanding = { status: NationalStandingStatus.UNAVAILABLE, retrievedAt: null, entries: [] };

/**
 * Subjects' standing on the national credit platform, for creditProfile. A current cached answer is
 * used as it is; otherwise the platform is asked, and a query waits at most the deadline: then it gets
 * the older cached answer (CACHED) or UNAVAILABLE, while the request to the platform goes on in the
 * background and fills the cache for the next query. One request per subject is in flight at a time.
 * Nothing here fails the query: a database or platform failure is an older answer or UNAVAILABLE.
 */
export class NationalStandingService {
  private readonly inFlight = new Map<string, Promise<NationalStandingCache>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly platform: Pick<NationalCreditPlatform, 'standingOf'>,
    private readonly settings: StandingSettings,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Standings of the subjects a request asks about: one cache read, one deadline for all of them. */
  createLoader(): DataLoader<string, NationalStanding> {
    return new DataLoader((creditCodes) => this.standingsOf([...creditCodes]));
  }

  async standingsOf(creditCodes: string[]): Promise<NationalStanding[]> {
    const cached = await this.cachedRows(creditCodes);
    const now = this.clock().getTime();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof DEADLINE_PASSED>((resolve) => {
      timer = setTimeout(() => resolve(DEADLINE_PASSED), this.settings.deadlineMs);
    });
    try {
      return await Promise.all(
        creditCodes.map(async (creditCode) => {
          const row = cached.get(creditCode);
          if (row && row.retrievedAt.getTime() + this.settings.ttlMs > now)
            return standingFrom(row, NationalStandingStatus.AVAILABLE);
          const answer = await Promise.race([this.refresh(creditCode).catch(() => null), deadline]);
          if (answer !== null && answer !== DEADLINE_PASSED)
            return standingFrom(answer, NationalStandingStatus.AVAILABLE);
          return row ? standingFrom(row, NationalStandingStatus.CACHED) : UNAVAILABLE;
        }),
      );
    } finally {
      clearTimeout(timer);
    }
  }

  private async cachedRows(creditCodes: string[]): Promise<Map<string, NationalStandingCache>> {
    try {
      const rows = await this.dataSource.getRepository(NationalStandingCache).findBy({ creditCode: In(creditCodes) });
      return new Map(rows.map((row) => [row.creditCode, row]));
    } catch (error) {
      this.logger.warn('national standing cache could not be read', describeError(error));
      return new Map();
    }
  }

  /** Asks the platform (once per subject at a time) and stores the answer; outlives the request that asked. */
  private refresh(creditCode: string): Promise<NationalStandingCache> {
    const running = this.inFlight.get(creditCode);
    if (running) return running;
    // Background work: neither counted as the request's SQL nor cut short when the request ends.
    const fetching = outsideRequest(() => this.fetchAndStore(creditCode)).finally(() =>
      this.inFlight.delete(creditCode),
    );
    // Whoever raced it may be gone: a failure is logged in fetchAndStore, never unhandled.
    fetching.catch(() => undefined);
    this.inFlight.set(creditCode, fetching);
    return fetching;
  }

  private async fetchAndStore(creditCode: string): Promise<NationalStandingCache> {
    let standing;
    try {
      standing = await this.platform.standingOf(creditCode);
    } catch (error) {
      this.logger.warn('national standing not retrieved', { creditCode, ...describeError(error) });
      throw error;
    }
    const row: NationalStandingCache = {
      creditCode,
      entries: JSON.stringify(standing.entries),
      // As the cache keeps it (DATETIME): the answer now and the cached one later name the same instant.
      retrievedAt: wholeSeconds(this.clock()),
    };
    try {
      await this.dataSource.getRepository(NationalStandingCache).upsert(row, ['creditCode']);
    } catch (error) {
      // The answer is still good for this query; the next one asks again.
      this.logger.warn('national standing not cached', { creditCode, ...describeError(error) });
    }
    return row;
  }
}
