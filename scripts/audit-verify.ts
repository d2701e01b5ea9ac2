import 'reflect-metadata';
import { openGatewayDatabase } from '../gateway/audit/audit-database';
import { AuditTrail } from '../gateway/audit/audit-trail';
import { loadConfigOrExit } from '../platform/config/config';
import { createLogger } from '../platform/observability/logger';

// `npm run audit:verify`: walks the gateway's audit chain and names the first broken record (exit 1).
async function main(): Promise<void> {
  const config = loadConfigOrExit();
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
      return;
    }
    console.log(
      `audit chain BROKEN at record #${result.firstBrokenId}: ${result.problem}; ${result.recordsChecked} records before it verified ${anchored}`,
    );
    process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`audit verification failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
