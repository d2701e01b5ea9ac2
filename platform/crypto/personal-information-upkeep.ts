import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import type { MasterKeyProvider } from './master-key';
import { personalInformationKeys } from './personal-information-keys';
import { reencryptPersonalInformation } from './reencryption';

export interface UpkeepOptions {
  dataSource: DataSource;
  department: string;
  masterKey: MasterKeyProvider;
  refreshMs: number;
  logger: Logger;
}

/**
 * What a subgraph process does for its department's personal information while it runs: re-reads the keys
 * every `refreshMs` (so a key made by `npm run keys:rotate` encrypts here too within that time), and runs the
 * re-encryption pass in the background at start and whenever the active key changes (values stored in plain
 * text before encryption came, or under an older key). Returns a stop that waits for the pass in flight.
 */
export function startPersonalInformationUpkeep(options: UpkeepOptions): () => Promise<void> {
  const { dataSource, department, logger } = options;
  const abort = new AbortController();
  let running: Promise<void> = Promise.resolve();
  let passKeyId: string | null = null;

  const pass = () => {
    const keyId = personalInformationKeys.activeKey(department).id;
    if (keyId === passKeyId) return;
    passKeyId = keyId;
    running = running
      .then(() => reencryptPersonalInformation(dataSource, department, { signal: abort.signal }))
      .then((tables) => {
        const rewritten = tables.reduce((sum, table) => sum + table.rowsRewritten, 0);
        if (rewritten > 0) logger.info('personal information re-encrypted', { keyId, rowsRewritten: rewritten });
      })
      .catch((error: unknown) => {
        // Tried again at the next refresh: the pass resumes where it stopped.
        passKeyId = null;
        if (!abort.signal.aborted)
          logger.warn('personal information re-encryption stopped', { error: (error as Error).message });
      });
  };

  pass();
  const timer = setInterval(() => {
    personalInformationKeys
      .load(dataSource, department, options.masterKey)
      .then(pass)
      .catch((error: unknown) =>
        logger.warn('personal information keys not refreshed', { error: (error as Error).message }),
      );
  }, options.refreshMs);
  timer.unref();

  return async () => {
    clearInterval(timer);
    abort.abort();
    await running;
  };
}
