import 'reflect-metadata';
import { loadConfigOrExit, SUBGRAPH_NAMES } from '../platform/config/config';
import { openDataSource } from '../platform/database/data-source.factory';
import { internalAgent } from '../platform/http/internal-tls';
import { createLogger } from '../platform/observability/logger';
import { Counters } from '../platform/observability/metrics';
import { HttpEventHistorySource } from '../platform/outbox/event-history';
import { EventCountingService } from '../subgraphs/statistics/counting/event-counting.service';
import { reconcileCounts } from '../subgraphs/statistics/replay/indicator-reconcile';
import { IndicatorReplay } from '../subgraphs/statistics/replay/indicator-replay';
import { statisticsSubgraph } from '../subgraphs/statistics/statistics.subgraph';

// `npm run statistics:replay [-- --apply] [--include-pending]`: rebuilds every count from the departments'
// event histories into indicator_count_rebuilt, and with --apply puts it in place of the live counts.
// `npm run statistics:reconcile [-- --no-replay] [--limit N]`: rebuilds (unless --no-replay) and lists
// the rows where the live counts and the rebuilt ones differ. Both read the same settings as the
// single window (EVENTS_SECRET, <SUBGRAPH>_URL, the statistics database). Exit 0 when done (reconcile:
// and nothing differs), 1 on differences or a problem, 2 on wrong arguments.
const USAGE =
  '用法 usage: statistics-replay replay [--apply] [--include-pending] | reconcile [--no-replay] [--limit N] [--json]';

interface Options {
  command: 'replay' | 'reconcile';
  apply: boolean;
  includePending: boolean;
  replay: boolean;
  limit: number;
  json: boolean;
}

function optionsOf(argv: string[]): Options {
  const [command, ...flags] = argv;
  const options: Options = {
    command: command as Options['command'],
    apply: false,
    includePending: false,
    replay: true,
    limit: 100,
    json: false,
  };
  const allowed = command === 'replay' ? ['--apply', '--include-pending'] : ['--no-replay', '--limit', '--json'];
  for (let index = 0; index < flags.length; index += 1) {
    const flag = flags[index];
    if (!['replay', 'reconcile'].includes(command) || !allowed.includes(flag)) {
      console.error(USAGE);
      process.exit(2);
    }
    if (flag === '--apply') options.apply = true;
    if (flag === '--include-pending') options.includePending = true;
    if (flag === '--no-replay') options.replay = false;
    if (flag === '--json') options.json = true;
    if (flag === '--limit') {
      options.limit = Number(flags[(index += 1)]);
      if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 100_000) {
        console.error(USAGE);
        process.exit(2);
      }
    }
  }
  if (!['replay', 'reconcile'].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  return options;
}

async function main(): Promise<void> {
  const options = optionsOf(process.argv.slice(2));
  const config = loadConfigOrExit();
  const logger = createLogger('statistics-replay', 'warn');
  const dataSource = await openDataSource({
    settings: config.subgraphs.statistics.database,
    dataDir: config.dataDir,
    entities: statisticsSubgraph.entities,
    migrations: statisticsSubgraph.migrations,
    counters: new Counters(),
    logger,
  });
  try {
    const agent = internalAgent(config.tls.internal, { keepAlive: true });
    const sources = SUBGRAPH_NAMES.filter((name) => name !== 'statistics').map(
      (name) => new HttpEventHistorySource(name, config.subgraphs[name].url, config.events.secret, agent),
    );
    const replay = new IndicatorReplay(dataSource, new EventCountingService(logger), logger);
    if (options.command === 'replay' || options.replay) {
      const summary = await replay.rebuild(sources, { includePending: options.includePending });
      const line = `重放 replayed ${summary.events} events (${summary.counted} counted, ${summary.duplicates} duplicates, ${summary.uncounted} not countable, ${summary.pending} pending) into ${summary.rows} rows in ${summary.seconds} s: ${summary.eventsPerSecond} events/s`;
      if (options.json) console.error(line);
      else console.log(line);
    }
    if (options.command === 'replay') {
      if (options.apply) {
        await replay.apply();
        console.log('已替换 the live counts (indicator_count) are now the rebuilt ones');
      }
      return;
    }
    const reconciliation = await reconcileCounts(dataSource, options.limit);
    if (options.json) console.log(JSON.stringify(reconciliation));
    else if (reconciliation.total === 0) console.log('一致 the live counts equal the rebuilt ones');
    else {
      console.log(`不一致 ${reconciliation.total} rows differ (indicator region month dimension: live rebuilt):`);
      for (const difference of reconciliation.differences)
        console.log(
          `  ${difference.indicator} ${difference.regionCode} ${difference.month} ${difference.dimension || '-'}: ${difference.live} ${difference.rebuilt}`,
        );
    }
    if (reconciliation.total > 0) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`statistics-replay: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
