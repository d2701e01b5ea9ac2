import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { creditSubgraph } from '../credit.subgraph';
import type { CreditChange } from './credit-change';
import { CreditPlatformDelivery } from './credit-platform-delivery.entity';
import { CreditPlatformOutbox } from './credit-platform.outbox';

describe('CreditPlatformOutbox: the versions the platform receives', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  testbedPerTest(creditSubgraph, (opened) => {
    testbed = opened;
  });
  const outbox = new CreditPlatformOutbox();
  const change = (version: number): CreditChange => ({
    recordType: 'REPAIR',
    recordId: '42',
    version,
    payload: { state: `v${version}` },
  });
  const record = (version: number) =>
    inTransaction(testbed.dataSource, (manager) => outbox.record(manager, change(version)));
  const stored = async () =>
    (
      await testbed.dataSource
        .getRepository(CreditPlatformDelivery)
        .find({ where: { recordType: 'REPAIR', recordId: '42' }, order: { version: 'ASC' } })
    ).map((delivery) => [delivery.version, JSON.parse(delivery.payload) as Record<string, unknown>]);

  it('keeps versions that follow on, and a repeated version once', async () => {
    await record(1);
    await record(2);
    await record(2);
    expect(await stored()).toEqual([
      [1, { state: 'v1' }],
      [2, { state: 'v2' }],
    ]);
  });

  it('numbers a record first seen at a later version from 1, carrying its own number in the payload', async () => {
    // Made before the link existed (or by an import): its version 1 was never recorded here.
    await record(3);
    await record(4);
    expect(await stored()).toEqual([
      [1, { state: 'v3', recordVersion: 3 }],
      [2, { state: 'v4', recordVersion: 4 }],
    ]);
  });
});
