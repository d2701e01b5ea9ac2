import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { PurposeCode } from '../../../platform/auth/purpose';
import { openDataSource } from '../../../platform/database/data-source.factory';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../../audit/audit-database';
import { GrantBook, type NewGrant } from '../grants/grant-book';
import { GrantDirectorySync } from './grant-directory.sync';
import type { PartnerDirectory } from './partner-directory';

const logger = createLogger('grant-sync-spec', 'error');

/** The identity provider as the sync sees it: each client's categories, and outages on demand. */
class RecordingDirectory implements PartnerDirectory {
  readonly categories = new Map<string, string[]>();
  calls = 0;
  failuresLeft = 0;

  setCategories(clientId: string, categories: ReadonlySet<string>): Promise<void> {
    this.calls += 1;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      return Promise.reject(new Error('identity provider unreachable'));
    }
    this.categories.set(clientId, [...categories].sort());
    return Promise.resolve();
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const SEED: Record<string, string[]> = { 'partner-ndrc': ['credit', 'registry'] };

function grant(overrides: Partial<NewGrant> = {}): NewGrant {
  return {
    clientId: 'partner-ndrc',
    coordinate: 'HazardousWaybill.cargo',
    department: 'safety',
    category: 'safety',
    purposes: [PurposeCode.LICENSING_REVIEW],
    grantedBy: 'ministry-safety-approver',
    ...overrides,
  };
}

describe('grant sync to the identity provider', () => {
  let dataSource: DataSource;
  let grants: GrantBook;
  let directory: RecordingDirectory;
  let sync: GrantDirectorySync;

  const startSync = (intervalMs = 60_000) => {
    sync = new GrantDirectorySync({
      grants,
      directory,
      grantedClients: () => grants.clientsWithGrants(),
      seedCategories: (clientId) => new Set(SEED[clientId] ?? []),
      logger,
      intervalMs,
      retryMs: 10,
    });
    sync.start();
  };

  beforeEach(async () => {
    dataSource = await openDataSource({
      settings: { kind: 'embedded', schema: 'gateway', poolSize: 1 },
      dataDir: mkdtempSync(join(tmpdir(), 'grant-sync-spec-')),
      entities: GATEWAY_ENTITIES,
      migrations: GATEWAY_MIGRATIONS,
      counters: new Counters(),
      logger,
    });
    grants = new GrantBook(() => dataSource);
    directory = new RecordingDirectory();
  });
  afterEach(async () => {
    await sync.close();
    await dataSource.destroy();
  });

  it('gives a client its seed categories plus the granted one, and takes it away on revocation', async () => {
    startSync();
    const recorded = await grants.record(grant());
    await until(() => directory.categories.get('partner-ndrc')?.includes('safety') === true, 'the grant');
    expect(directory.categories.get('partner-ndrc')).toEqual(['credit', 'registry', 'safety']);

    await grants.revoke(recorded.id, 'ministry-safety-approver');
    await until(() => directory.categories.get('partner-ndrc')?.includes('safety') === false, 'the revocation');
    // The seed categories stay: the demo partner keeps what the realm file gives it.
    expect(directory.categories.get('partner-ndrc')).toEqual(['credit', 'registry']);
  });

  it('keeps a category another grant in force still needs', async () => {
    startSync();
    const first = await grants.record(grant({ clientId: 'partner-mps' }));
    await grants.record(grant({ clientId: 'partner-mps', coordinate: 'HazardousWaybill.route' }));
    await grants.revoke(first.id, 'ministry-safety-approver');
    await sync.settled();
    await until(() => directory.categories.has('partner-mps'), 'the client');
    expect(directory.categories.get('partner-mps')).toEqual(['safety']);
  });

  it('applies grants recorded while the gateway was down when it starts', async () => {
    await grants.record(grant({ clientId: 'partner-mps', category: 'enforcement' }));
    startSync();
    await until(() => directory.categories.has('partner-mps'), 'the first pass');
    expect(directory.categories.get('partner-mps')).toEqual(['enforcement']);
  });

  it('takes an expired grant away on the next periodic pass', async () => {
    startSync(50);
    await grants.record(grant({ expiresAt: new Date(Date.now() + 300) }));
    await until(() => directory.categories.get('partner-ndrc')?.includes('safety') === true, 'the grant');
    await until(() => directory.categories.get('partner-ndrc')?.includes('safety') === false, 'the expiry');
    expect(directory.categories.get('partner-ndrc')).toEqual(['credit', 'registry']);
  });

  it('retries while the identity provider is down and loses no change', async () => {
    directory.failuresLeft = 3;
    startSync();
    await grants.record(grant());
    await until(() => directory.categories.has('partner-ndrc'), 'the retried application');
    expect(directory.calls).toBeGreaterThanOrEqual(4);
    expect(directory.categories.get('partner-ndrc')).toEqual(['credit', 'registry', 'safety']);
  });
});
