import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { creditSubgraph } from '../../subgraphs/credit/credit.subgraph';
import { enforcementSubgraph } from '../../subgraphs/enforcement/enforcement.subgraph';
import { safetySubgraph } from '../../subgraphs/safety/safety.subgraph';
import { expectDomainError } from './expect-domain-error';
import { openSubgraphTestbed } from './subgraph-testbed';

const spareDirectories = (prefix: string) => readdirSync(tmpdir()).filter((name) => name.startsWith(prefix)).length;

describe('the subgraph testbed', () => {
  it('builds a subgraph from its definition on a migrated database, and close() removes its directory', async () => {
    const testbed = await openSubgraphTestbed(creditSubgraph);
    expect(existsSync(testbed.config.dataDir)).toBe(true);
    expect(await testbed.dataSource.query('SELECT COUNT(*) AS total FROM credit_record')).toEqual([{ total: 0 }]);
    expect(testbed.statements()).toBeGreaterThan(0);
    await testbed.close();
    expect(existsSync(testbed.config.dataDir)).toBe(false);
  });

  it('reads the department settings from the environment with the process rules', async () => {
    const testbed = await openSubgraphTestbed(enforcementSubgraph, { environment: { CASE_DECISION_DAYS: '30' } });
    try {
      expect(testbed.settings).toMatchObject({ decisionDays: 30, majorFineFen: 1_000_000 });
    } finally {
      await testbed.close();
    }
    const before = spareDirectories('enforcement-spec-');
    await expect(
      openSubgraphTestbed(enforcementSubgraph, { environment: { CASE_DECISION_DAYS: '0' } }),
    ).rejects.toThrow(/CASE_DECISION_DAYS/);
    expect(spareDirectories('enforcement-spec-')).toBe(before);
  });

  it('records what the outbox publishes and delivers nothing', async () => {
    const testbed = await openSubgraphTestbed(safetySubgraph);
    try {
      const payload = {
        waybillNumber: 'W320102202600001',
        carrierCreditCode: '91320102MA1MY0R10Q',
        plateNumber: '苏A12345',
        originRegionCode: '320102',
        createdAt: '2026-03-02T06:00:00.000Z',
      };
      await testbed.dataSource.transaction((manager) =>
        testbed.dependencies.outbox.publish(manager, 'waybill.created', payload),
      );
      const recorded = await testbed.outboxMessages();
      expect(recorded.map((message) => [message.type, message.subscriber])).toEqual([
        ['waybill.created', 'statistics'],
      ]);
      expect(recorded[0].envelope).toMatchObject({ source: 'safety', payload });
      // The relay is never started: the message stays undelivered in the table.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await testbed.outboxMessages()).toHaveLength(1);
    } finally {
      await testbed.close();
    }
  });
});

describe('expectDomainError', () => {
  it('returns the domain error when its extensions match, and fails otherwise', async () => {
    const refusal = () => Promise.reject(new DomainError(ErrorCode.CONFLICT, 'stale', { reason: 'STALE_STATE' }));
    expect((await expectDomainError(refusal(), { code: 'CONFLICT', reason: 'STALE_STATE' })).message).toBe('stale');
    await expect(expectDomainError(refusal(), { code: 'CONFLICT', reason: 'OTHER' })).rejects.toThrow();
    await expect(expectDomainError(Promise.resolve('done'))).rejects.toThrow(/succeeded/);
    await expect(expectDomainError(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
