import { In, IsNull, LessThan, type DataSource } from 'typeorm';
import { inTransaction } from '../../../platform/database/data-source.factory';
import type { Logger } from '../../../platform/observability/logger';
import type { ApplicationStateMachine } from './application-state-machine';
import { DEADLINE_RUNNING } from './application-status';
import { PermitApplication } from './permit-application.entity';

const BATCH = 200;

/**
 * The deadline sweep (超期): every accepted application still undecided after its decision due date is
 * announced once (permit-application.overdue), each in a transaction of its own. A decision made after the
 * deadline announces it too if the sweep has not (application-events.ts).
 */
export class ApplicationOverdueSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly machine: ApplicationStateMachine,
  ) {}

  /** Announces what has gone overdue since the last round; returns how many. */
  async sweep(): Promise<number> {
    const today = this.machine.today();
    let announced = 0;
    for (;;) {
      const due = await this.dataSource.getRepository(PermitApplication).find({
        where: { status: In([...DEADLINE_RUNNING]), decisionDueDate: LessThan(today), overdueAnnouncedAt: IsNull() },
        order: { id: 'ASC' },
        take: BATCH,
      });
      for (const application of due) {
        const done = await inTransaction(this.dataSource, (manager) =>
          this.machine.events.overdue(manager, application, this.machine.now(), { stillUndecided: true }),
        );
        if (done) announced += 1;
      }
      if (due.length < BATCH) return announced;
    }
  }
}

/**
 * Sweeps at once and then every `intervalMs` (PERMIT_OVERDUE_SWEEP_MS), one round at a time. Returns the
 * stop function, which waits for a round in progress.
 */
export function startOverdueSweeps(
  sweep: ApplicationOverdueSweep,
  intervalMs: number,
  logger: Logger,
): () => Promise<void> {
  let round: Promise<void> | null = null;
  const run = () => {
    if (round) return;
    round = sweep
      .sweep()
      .then((announced) => {
        if (announced > 0) logger.info('applications past their decision deadline announced', { announced });
      })
      .catch((error: unknown) =>
        logger.warn('overdue sweep failed', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        round = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return async () => {
    clearInterval(timer);
    await round;
  };
}
