import type { DataSource } from 'typeorm';
import { bulkInsert } from '../../../platform/database/bulk-insert';
import { inTransaction } from '../../../platform/database/data-source.factory';
import type { Logger } from '../../../platform/observability/logger';
import type { EventHistorySource, HistoryPage } from '../../../platform/outbox/event-history';
import type { EventCountingService } from '../counting/event-counting.service';
import { addRolledUp, type CountRow } from '../counting/roll-up';
import { IndicatorCountRebuilt } from './indicator-count-rebuilt.entity';
import { EventIdSet } from './event-id-set';

export interface ReplayOptions {
  /** Events per history request (at most MAX_HISTORY_PAGE). */
  pageSize?: number;
  /** Rows held in memory before they are added to the rebuild table. */
  flushRows?: number;
  /**
   * Count events the subscriber has not acknowledged yet too. Off by default: the rebuild then stands
   * for what the live counts have taken in, and an `--apply` leaves the pending ones to the inbox.
   */
  includePending?: boolean;
}

export interface ReplaySummary {
  /** Events read from each department's history. */
  sources: Record<string, number>;
  events: number;
  /** Counted: one or more facts added. */
  counted: number;
  /** Seen before under the same event id (a second delivery), not counted again. */
  duplicates: number;
  /** Acknowledged live without being counted (no facts, or facts that fail the counter's checks). */
  uncounted: number;
  /** Not delivered to statistics yet, left out (see ReplayOptions.includePending). */
  pending: number;
  /** Rows of indicator_count_rebuilt. */
  rows: number;
  seconds: number;
  eventsPerSecond: number;
}

const COLUMNS = 'indicator, region_code, month, dimension, value';
const RETRIES = 4;

/**
 * Rebuilds indicator_count from the departments' event histories: each event is read once per department
 * (keyset pages in id order, the next page fetched while one is counted), deduplicated by event id, turned
 * into facts by the very mappers and checks the live counter uses, and rolled up in memory by chunks that
 * are added to indicator_count_rebuilt. Memory stays bounded by the chunk and the event id set, whatever
 * the length of the history; the month of a fact is its own time, so a late event counts where it belongs.
 */
export class IndicatorReplay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly counting: EventCountingService,
    private readonly logger: Logger,
    private readonly retryDelayMs = 1000,
  ) {}

  async rebuild(sources: readonly EventHistorySource[], options: ReplayOptions = {}): Promise<ReplaySummary> {
    const started = performance.now();
    const pageSize = options.pageSize ?? 1000;
    const flushRows = options.flushRows ?? 20_000;
    const summary: ReplaySummary = {
      sources: {},
      events: 0,
      counted: 0,
      duplicates: 0,
      uncounted: 0,
      pending: 0,
      rows: 0,
      seconds: 0,
      eventsPerSecond: 0,
    };
    await this.dataSource.manager.clear(IndicatorCountRebuilt);
    const seen = new EventIdSet();
    let rows = new Map<string, CountRow>();
    const flush = async () => {
      const chunk = [...rows.values()];
      rows = new Map();
      await inTransaction(this.dataSource, (manager) =>
        bulkInsert(manager, IndicatorCountRebuilt, chunk, { addOnDuplicate: ['value'] }),
      );
    };
    for (const source of sources) {
      summary.sources[source.name] = 0;
      let next: Promise<HistoryPage> | null = this.pageOf(source, 0, pageSize);
      while (next) {
        const page: HistoryPage = await next;
        next = page.next === null ? null : this.pageOf(source, page.next, pageSize);
        for (const { envelope, delivered } of page.events) {
          summary.events += 1;
          summary.sources[source.name] += 1;
          if (!delivered && !options.includePending) {
            summary.pending += 1;
            continue;
          }
          if (!seen.add(envelope.id)) {
            summary.duplicates += 1;
            continue;
          }
          const facts = this.counting.countableFacts(envelope);
          if (facts.length === 0) summary.uncounted += 1;
          else summary.counted += 1;
          addRolledUp(rows, facts);
        }
        if (rows.size >= flushRows) await flush();
      }
      this.logger.info('event history replayed', { source: source.name, events: summary.sources[source.name] });
    }
    await flush();
    summary.rows = await this.dataSource.getRepository(IndicatorCountRebuilt).count();
    summary.seconds = Math.round(performance.now() - started) / 1000;
    summary.eventsPerSecond = summary.seconds > 0 ? Math.round(summary.events / summary.seconds) : summary.events;
    return summary;
  }

  /**
   * A page, asked again (up to RETRIES times, after 1, 2, 4... seconds) when it fails: keyset pages are
   * safe to repeat, and one lost answer should not cost a replay of ten million events its progress.
   */
  private async pageOf(source: EventHistorySource, after: number, limit: number): Promise<HistoryPage> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await source.page('statistics', after, limit);
      } catch (error) {
        if (attempt >= RETRIES) throw error;
        this.logger.warn('event history page failed, asking again', {
          source: source.name,
          after,
          attempt,
          error: error instanceof Error ? error.message : String(error),
        });
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  /**
   * Replaces the live counts with the rebuilt ones in one transaction (readers see the old or the new
   * figures, never a mix). Meant for a quiet moment: an event counted live while the replay ran, after
   * the replay had passed it, would be lost until the next replay.
   */
  async apply(): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query('DELETE FROM indicator_count');
      await manager.query(`INSERT INTO indicator_count (${COLUMNS}) SELECT ${COLUMNS} FROM indicator_count_rebuilt`);
    });
  }
}
