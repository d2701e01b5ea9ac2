import 'reflect-metadata';
import { loadConfigOrExit, SUBGRAPH_NAMES, type SubgraphName } from '../platform/config/config';
import { loadMasterKey } from '../platform/crypto/master-key';
import {
  createDataKey,
  dataKeysOf,
  personalInformationKeys,
  retireDataKeys,
} from '../platform/crypto/personal-information-keys';
import { reencryptPersonalInformation, valuesNotUnder } from '../platform/crypto/reencryption';
import { cryptoSelfTestOrExit } from '../platform/crypto/self-test';
import { openDataSource } from '../platform/database/data-source.factory';
import { createLogger } from '../platform/observability/logger';
import { Counters } from '../platform/observability/metrics';
import { SUBGRAPHS } from '../subgraphs/registry';

// `npm run keys:rotate -- <department> [--batch N]`: makes a new data key for the department's personal
// information, waits until the running processes have adopted it (PII_KEY_REFRESH_SECONDS), re-encrypts every
// value under it in batches, and retires (erases) the keys no value uses any more. Run again after a crash, it
// resumes: the newest key is kept while values remain under older ones, and the pass continues from its last
// batch. Exit 0 when done, 1 on a problem, 2 on wrong arguments.
const USAGE = `用法 usage: npm run keys:rotate -- <${SUBGRAPH_NAMES.join('|')}> [--batch N]`;

function argumentsOf(argv: string[]): { department: SubgraphName; batchSize: number } {
  const [department, ...rest] = argv;
  if (!SUBGRAPH_NAMES.includes(department as SubgraphName)) {
    console.error(USAGE);
    process.exit(2);
  }
  let batchSize = 500;
  if (rest[0] === '--batch') batchSize = Number(rest[1]);
  if (
    !Number.isInteger(batchSize) ||
    batchSize < 1 ||
    batchSize > 10_000 ||
    (rest.length > 0 && rest[0] !== '--batch')
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  return { department: department as SubgraphName, batchSize };
}

async function main(): Promise<void> {
  const { department, batchSize } = argumentsOf(process.argv.slice(2));
  cryptoSelfTestOrExit('keys:rotate');
  const config = loadConfigOrExit();
  const masterKey = loadMasterKey({
    file: config.personalInformation.masterKeyFile,
    production: config.environment === 'production',
  });
  const definition = SUBGRAPHS[department];
  const dataSource = await openDataSource({
    settings: config.subgraphs[department].database,
    dataDir: config.dataDir,
    entities: definition.entities,
    migrations: definition.migrations,
    counters: new Counters(),
    logger: createLogger('keys-rotate', 'warn'),
    masterKey,
  });
  try {
    await personalInformationKeys.load(dataSource, department, masterKey);
    const keys = await dataKeysOf(dataSource);
    const newest = keys.filter((key) => !key.retired).at(-1)!;
    const olderInUse = keys.some((key) => !key.retired && key.id !== newest.id);
    let target = newest.id;
    if (olderInUse) {
      console.log(`续做上次轮换 resuming the rotation to ${target}: older keys are still in use`);
    } else {
      target = await createDataKey(dataSource, department, masterKey);
      await personalInformationKeys.load(dataSource, department, masterKey);
      const waitMs = config.personalInformation.keyRefreshMs;
      console.log(`新数据密钥 new data key ${target}; waiting ${waitMs / 1000} s for running processes to adopt it`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    const started = Date.now();
    const tables = await reencryptPersonalInformation(dataSource, department, {
      batchSize,
      onProgress: (progress) =>
        process.stdout.write(
          `\r${progress.table}: ${progress.rowsRead} rows read, ${progress.rowsRewritten} rewritten`,
        ),
    });
    process.stdout.write('\n');
    const rows = tables.reduce((sum, table) => sum + table.rowsRewritten, 0);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `重新加密 re-encrypted ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s)`,
    );
    // A process that had not refreshed yet may have written under an older key during the pass: check again.
    const remaining = await valuesNotUnder(dataSource, department, target);
    if (remaining > 0) {
      console.log(
        `仍有 ${remaining} 个值使用旧密钥 ${remaining} values are still under older keys; run keys:rotate again to finish`,
      );
      process.exitCode = 1;
      return;
    }
    const retired = (await dataKeysOf(dataSource))
      .filter((key) => !key.retired && key.id !== target)
      .map((key) => key.id);
    await retireDataKeys(dataSource, retired);
    console.log(`已退役 retired and erased: ${retired.join(', ') || '(none)'}; active: ${target}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`密钥轮换失败 key rotation failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
