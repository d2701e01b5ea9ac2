import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MixedList } from 'typeorm';
import { InitialEnforcement1764000000000 } from '../../migrations/enforcement/1764000000000-initial-enforcement';
import { CaseShare1764100000000 } from '../../migrations/enforcement/1764100000000-case-share';
import { openDataSource, type EntityClass, type MigrationClass } from '../../platform/database/data-source.factory';
import { createLogger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import { enforcementSubgraph } from './enforcement.subgraph';

// A database with cases from before the full procedure (filed, investigated, decided, shared) migrates
// with their meaning kept: steps say what they did and in which region, the share is a read share.

describe('the case lifecycle migration on a database with earlier cases', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'enforcement-migration-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = (migrations: MixedList<MigrationClass>, entities: EntityClass[] = []) =>
    openDataSource({
      settings: { kind: 'embedded', schema: 'enforcement', poolSize: 1 },
      dataDir,
      entities,
      migrations,
      counters: new Counters(),
      logger: createLogger('spec', 'error'),
    });

  it('backfills the steps’ action and region and keeps cases, steps and shares', async () => {
    const before = await open([InitialEnforcement1764000000000, CaseShare1764100000000]);
    await before.query(
      `INSERT INTO enforcement_case (case_number, region_code, status, cause, credit_code, filed_by, filed_at, decision_due_date, version)
       VALUES ('3301062025000001', '330106', 'DECIDED', '擅自改装车辆', '91330106MA2H4K1L0X', 'old', '2025-03-01 02:00:00', '2025-05-30', 3)`,
    );
    const steps = [
      [null, 'FILED', null],
      ['FILED', 'FILED', 'shared with 320000: 请协助核查'],
      ['FILED', 'INVESTIGATING', null],
      ['INVESTIGATING', 'DECIDED', '罚款'],
    ];
    for (const [from, to, comment] of steps) {
      await before.query(
        `INSERT INTO case_step (case_id, from_status, to_status, actor, occurred_at, comment) VALUES (1, ?, ?, 'old', '2025-03-01 02:00:00', ?)`,
        [from, to, comment],
      );
    }
    await before.query(
      `INSERT INTO case_share (case_id, region_code, reason, shared_by, shared_at) VALUES (1, '320000', '请协助核查', 'old', '2025-03-01 02:00:00')`,
    );
    await before.destroy();

    const after = await open(enforcementSubgraph.migrations);
    expect(await after.query('SELECT action, region_code FROM case_step ORDER BY id')).toEqual([
      { action: 'FILING_SUBMITTED', region_code: '330106' },
      { action: 'SHARED', region_code: '330106' },
      { action: 'INVESTIGATION_STARTED', region_code: '330106' },
      { action: 'DECIDED', region_code: '330106' },
    ]);
    expect(await after.query('SELECT kind, region_code FROM case_share')).toEqual([
      { kind: 'READ', region_code: '320000' },
    ]);
    expect(
      await after.query('SELECT case_number, status, version, deadline_extension_days FROM enforcement_case'),
    ).toEqual([{ case_number: '3301062025000001', status: 'DECIDED', version: 3, deadline_extension_days: 0 }]);
    // TypeORM turns SQLite's foreign keys off around pending migrations, not around an undo: do it here.
    await after.query('PRAGMA foreign_keys = OFF');
    await after.undoLastMigration({ transaction: 'none' });
    expect(await after.query('SELECT COUNT(*) AS steps FROM case_step')).toEqual([{ steps: 4 }]);
    await after.destroy();
  });
});
