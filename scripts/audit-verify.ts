import 'reflect-metadata';
import { openGatewayDatabase } from '../gateway/audit/audit-database';
import { AuditTrail } from '../gateway/audit/audit-trail';
import { auditJournalDirectory, inspectJournal } from '../gateway/audit/audit-journal';
import { GATEWAY_CONFIG } from '../gateway/gateway.config';
import { loadProcessConfigOrExit } from '../platform/config/config';
import { cryptoSelfTestOrExit } from '../platform/crypto/self-test';
import { createLogger } from '../platform/observability/logger';

// `npm run audit:verify`: walks the gateway's audit chain and names the first broken record (exit 1), then
// reads the gateway's journal: records not yet shipped into the trail, and any line torn or altered (exit 1).
async function main(): Promise<void> {
  // A verdict is only as good as the SM2 and SM3 that reached it.
  cryptoSelfTestOrExit('audit-verify');
  const { config, settings } = loadProcessConfigOrExit({ gateway: GATEWAY_CONFIG });
  const journalDirectory = auditJournalDirectory(config.dataDir, settings.gateway.audit.journalDirectory);
  const journal = inspectJournal(journalDirectory);
  const journalReport = () => {
    console.log(
      `audit journal ${journalDirectory}: ${journal.unshipped} records not yet shipped into the trail` +
        (journal.unshipped > 0 ? ' (the gateway ships them when the database is reachable)' : ''),
    );
    for (const problem of journal.problems)
      console.log(`audit journal BROKEN: segment ${problem.segment}, line ${problem.line}: ${problem.problem}`);
    if (journal.problems.length > 0) process.exitCode = 1;
  };
  const logger = createLogger('audit-verify', 'warn');
  const dataSource = await openGatewayDatabase(config, logger);
  try {
    const result = await new AuditTrail(dataSource, logger).verify();
    const anchored =
      result.anchoredAt === null
        ? 'from the first record'
        : `from the checkpoint after pruned record #${result.anchoredAt}`;
    if (result.intact) {
      console.log(`audit chain intact: ${result.recordsChecked} records verified ${anchored} (SM3)`);
      journalReport();
      return;
    }
    console.log(
      `audit chain BROKEN at record #${result.firstBrokenId}: ${result.problem}; ${result.recordsChecked} records before it verified ${anchored}`,
    );
    process.exitCode = 1;
    journalReport();
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`audit verification failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
