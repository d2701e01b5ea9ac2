import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { InitialGateway1764000000000 } from '../../migrations/gateway/1764000000000-initial-gateway';
import { openDataSource } from '../../platform/database/data-source.factory';
import { createLogger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import { chainHash } from './audit-chain';
import { AuditRecord, AuditRecordKind } from './audit-record.entity';
import { AuditTrail } from './audit-trail';
import { entry } from './audit-entry.fixture';

describe('the audit trail', () => {
  let dataSource: DataSource;
  let trail: AuditTrail;

  beforeEach(async () => {
    dataSource = await openDataSource({
      settings: { kind: 'embedded', schema: 'gateway', poolSize: 1 },
      dataDir: mkdtempSync(join(tmpdir(), 'audit-spec-')),
      entities: [AuditRecord],
      migrations: [InitialGateway1764000000000],
      counters: new Counters(),
      logger: createLogger('spec', 'error'),
    });
    trail = new AuditTrail(dataSource, createLogger('spec', 'error'));
  });
  afterEach(async () => {
    await dataSource.destroy();
  });

  it('chains records appended concurrently and verifies them', async () => {
    await Promise.all(Array.from({ length: 120 }, (_, index) => trail.append(entry({ requestId: `r${index}` }))));
    const records = await dataSource.getRepository(AuditRecord).find({ order: { id: 'ASC' } });
    expect(records).toHaveLength(120);
    for (let index = 1; index < records.length; index += 1)
      expect(records[index].previousHash).toBe(records[index - 1].hash);
    expect(await trail.verify(50)).toMatchObject({ intact: true, recordsChecked: 120, firstBrokenId: null });
  });

  it('names the first record whose content was edited', async () => {
    for (let index = 0; index < 5; index += 1) await trail.append(entry({ requestId: `r${index}` }));
    const third = (await dataSource.getRepository(AuditRecord).find({ order: { id: 'ASC' } }))[2];
    await dataSource.query(`UPDATE audit_record SET outcome = 'REFUSED' WHERE id = ?`, [third.id]);
    expect(await trail.verify()).toMatchObject({ intact: false, firstBrokenId: third.id, recordsChecked: 2 });
  });

  it('names the record after one that was deleted', async () => {
    for (let index = 0; index < 5; index += 1) await trail.append(entry({ requestId: `r${index}` }));
    const records = await dataSource.getRepository(AuditRecord).find({ order: { id: 'ASC' } });
    await dataSource.query('DELETE FROM audit_record WHERE id = ?', [records[1].id]);
    expect(await trail.verify()).toMatchObject({ intact: false, firstBrokenId: records[2].id });
  });

  it('prunes records past retention and stays verifiable through the checkpoint', async () => {
    const old = new Date(Date.now() - 200 * 86_400_000);
    for (let index = 0; index < 4; index += 1) await trail.append(entry({ requestId: `old${index}`, occurredAt: old }));
    for (let index = 0; index < 3; index += 1) await trail.append(entry({ requestId: `new${index}` }));
    expect(await trail.prune(184)).toBe(4);
    const remaining = await dataSource.getRepository(AuditRecord).find({ order: { id: 'ASC' } });
    expect(remaining.map((record) => record.kind)).toEqual([
      AuditRecordKind.REQUEST,
      AuditRecordKind.REQUEST,
      AuditRecordKind.REQUEST,
      AuditRecordKind.CHECKPOINT,
    ]);
    const result = await trail.verify();
    expect(result).toMatchObject({ intact: true, recordsChecked: 4 });
    expect(result.anchoredAt).toBeGreaterThan(0);
    // A forged checkpoint cannot hide a deleted record: it is itself chained.
    const checkpoint = remaining[3];
    await dataSource.query('UPDATE audit_record SET variables = ? WHERE id = ?', [
      JSON.stringify({ prunedThroughId: 99, prunedThroughHash: 'f'.repeat(64) }),
      checkpoint.id,
    ]);
    expect((await trail.verify()).intact).toBe(false);
  });

  it('hashes with SM3 over the canonical content', () => {
    const content = { ...entry(), kind: AuditRecordKind.REQUEST, previousHash: '0'.repeat(64) };
    expect(chainHash(content)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash({ ...content, durationMs: 13 })).not.toBe(chainHash(content));
  });
});
