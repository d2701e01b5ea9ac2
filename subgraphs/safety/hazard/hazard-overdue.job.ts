import { In, IsNull, LessThan, Not, type DataSource } from 'typeorm';
import { describeError, type Logger } from '../../../platform/observability/logger';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaToday } from '../../../platform/time/china-time';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { HazardStatus } from './hazard-rules';
import { HiddenHazard } from './hidden-hazard.entity';

const SWEEP_BATCH = 500;
/** How often the sweep looks for deadlines passed. */
export const OVERDUE_SWEEP_MS = 15_000;

/**
 * Tells statistics once of every hidden hazard whose deadline day has passed with it not closed
 * (`hazard.overdue`, 逾期未整改), marking it in the same transaction; its close later says it was counted.
 * The UPDATE repeats the conditions, so of two safety processes each hazard is told once. Returns how many.
 */
export async function sweepOverdueHazards(
  dataSource: DataSource,
  outbox: EventOutbox,
  now = new Date(),
): Promise<number> {
  let swept = 0;
  for (;;) {
    const due = await dataSource.getRepository(HiddenHazard).find({
      select: { id: true },
      where: { overduePublishedAt: IsNull(), deadline: LessThan(chinaToday(now)), status: Not(HazardStatus.CLOSED) },
      order: { id: 'ASC' },
      take: SWEEP_BATCH,
    });
    if (due.length === 0) return swept;
    const markedAt = wholeSeconds(now);
    swept += await dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(HiddenHazard)
        // Not a change a caller must reload for: the version stays.
        .set({ overduePublishedAt: markedAt, version: () => 'version' })
        .where({
          id: In(due.map((hazard) => hazard.id)),
          overduePublishedAt: IsNull(),
          status: Not(HazardStatus.CLOSED),
        })
        .execute();
      const marked = await manager.findBy(HiddenHazard, {
        id: In(due.map((hazard) => hazard.id)),
        overduePublishedAt: markedAt,
      });
      await outbox.publishMany(
        manager,
        'hazard.overdue',
        marked.map((hazard) => ({
          hazardId: hazard.id,
          regionCode: hazard.regionCode,
          level: hazard.level,
          deadline: hazard.deadline,
        })),
      );
      return marked.length;
    });
    if (due.length < SWEEP_BATCH) return swept;
  }
}

/** Runs the sweep every OVERDUE_SWEEP_MS; returns its stop. */
export function startOverdueSweep(dataSource: DataSource, outbox: EventOutbox, logger: Logger): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const swept = await sweepOverdueHazards(dataSource, outbox);
        if (swept > 0) logger.info('overdue hazards told to statistics', { swept });
      } catch (error) {
        logger.warn('overdue hazard sweep failed', { error: describeError(error) });
      }
    });
  };
  run();
  const timer = setInterval(run, OVERDUE_SWEEP_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
