import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InitialLicensing1764000000000 } from '../../../migrations/licensing/1764000000000-initial-licensing';
import { openDataSource } from '../../kit/database/data-source.factory';
import { createLogger } from '../../kit/observability/logger';
import { Counters } from '../../kit/observability/metrics';
import { licensingSubgraph } from '../licensing.subgraph';
import { ApplicationTransition } from './application-transition.entity';

describe('the permit workflow migration', () => {
  it('keeps existing applications and gives them their submission and decision as history', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'licensing-migration-'));
    const open = (migrations: Function[]) =>
      openDataSource({ settings: { kind: 'embedded', schema: 'licensing', poolSize: 1 }, dataDir, entities: licensingSubgraph.entities, migrations, counters: new Counters(), logger: createLogger('spec', 'error') });
    try {
      const before = await open([InitialLicensing1764000000000]);
      const insert = `INSERT INTO permit_application (application_number, credit_code, kind, scope, region_code, status, submitted_by, submitted_at, accepted_at, decided_by, decided_at, decision_comment, permit_number, version)
                      VALUES (?, '91320102MA1MY0R10Q', 'ROAD_FREIGHT_TRANSPORT', '普通货运', '320102', ?, 'old-officer', '2026-03-02 01:00:00', ?, ?, ?, ?, NULL, ?)`;
      await before.query(insert, ['XK-OLD-1', 'SUBMITTED', null, null, null, null, 1]);
      await before.query(insert, ['XK-OLD-2', 'APPROVED', '2026-03-03 01:00:00', 'old-reviewer', '2026-03-10 01:00:00', '限普通货运', 3]);
      await before.query(insert, ['XK-OLD-3', 'REJECTED', null, 'old-reviewer', '2026-03-04 01:00:00', '材料不全', 2]);
      await before.destroy();

      const after = await open(licensingSubgraph.migrations as Function[]);
      const rows = await after.getRepository(ApplicationTransition).find({ order: { applicationId: 'ASC', occurredAt: 'ASC' } });
      expect(rows.map((row) => [row.applicationId, row.action, row.fromStatus, row.toStatus, row.actor, row.comment])).toEqual([
        [1, 'SUBMIT', null, 'SUBMITTED', 'old-officer', null],
        [2, 'SUBMIT', null, 'SUBMITTED', 'old-officer', null],
        [2, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', 'unrecorded', null],
        [2, 'APPROVE', 'ACCEPTED', 'APPROVED', 'old-reviewer', '限普通货运'],
        [3, 'SUBMIT', null, 'SUBMITTED', 'old-officer', null],
        [3, 'REJECT', 'SUBMITTED', 'REJECTED', 'old-reviewer', '材料不全'],
      ]);
      await after.destroy();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
