import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayloads } from '../../../platform/outbox/domain-event';
import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import { InboxEvent } from '../../../platform/outbox/inbox-event.entity';
import { enforcementSubgraph } from '../enforcement.subgraph';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { RegisteredVehicle } from './registered-vehicle.entity';

const KUNSHAN = '91320583MA1NQ2W40E';
const NANJING = '91320100MA1R5D2U0T';

function vehicleRegistered(
  payload: Partial<EventPayloads['vehicle.registered']> = {},
  id = randomUUID(),
): EventEnvelope<'vehicle.registered'> {
  return {
    id,
    type: 'vehicle.registered',
    source: 'licensing',
    occurredAt: new Date().toISOString(),
    payload: {
      plateNumber: '苏E88888',
      ownerCreditCode: KUNSHAN,
      regionCode: '320583',
      registeredAt: '2026-03-01T02:00:00.000Z',
      ...payload,
    },
  };
}

describe('the vehicle projection (licensing vehicle.registered -> registered_vehicle)', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  const deliver = (envelope: EventEnvelope) =>
    applyEventOnce(testbed.dataSource, enforcementSubgraph.eventHandlers!(testbed.services), envelope);
  const rows = () => testbed.dataSource.getRepository(RegisteredVehicle).find({ order: { plateNumber: 'ASC' } });
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
  });
  afterEach(async () => {
    await testbed.close();
  });

  it('records plate -> owner and certifying region, once however often the event is delivered', async () => {
    const event = vehicleRegistered();
    expect(await deliver(event)).toBe('applied');
    expect(await deliver(event)).toBe('duplicate');
    expect(await rows()).toEqual([
      {
        plateNumber: '苏E88888',
        ownerCreditCode: KUNSHAN,
        regionCode: '320583',
        registeredAt: new Date('2026-03-01T02:00:00.000Z'),
      },
    ]);
    expect(await testbed.dataSource.getRepository(InboxEvent).count()).toBe(1);
  });

  it('is an idempotent upsert: the same registration under another event id changes nothing, an older one never overwrites a newer one', async () => {
    await deliver(vehicleRegistered());
    await deliver(vehicleRegistered());
    await deliver(
      vehicleRegistered({ ownerCreditCode: NANJING, regionCode: '320100', registeredAt: '2025-12-01T00:00:00.000Z' }),
    );
    expect(await rows()).toEqual([
      {
        plateNumber: '苏E88888',
        ownerCreditCode: KUNSHAN,
        regionCode: '320583',
        registeredAt: new Date('2026-03-01T02:00:00.000Z'),
      },
    ]);

    // A later registration of the plate (the vehicle changed hands) replaces it.
    await deliver(
      vehicleRegistered({ ownerCreditCode: NANJING, regionCode: '320100', registeredAt: '2026-05-01T00:00:00.000Z' }),
    );
    expect(await rows()).toEqual([
      {
        plateNumber: '苏E88888',
        ownerCreditCode: NANJING,
        regionCode: '320100',
        registeredAt: new Date('2026-05-01T00:00:00.000Z'),
      },
    ]);
  });

  it('answers the owners of many plates in one statement, leaving out plates never announced', async () => {
    await deliver(vehicleRegistered());
    await deliver(vehicleRegistered({ plateNumber: '苏A9L628', ownerCreditCode: NANJING, regionCode: '320100' }));
    const before = testbed.statements();
    const owners = await testbed.services.vehicleRegistry.ownersOf(['苏E88888', '苏A9L628', '浙A00001', '苏E88888']);
    expect(testbed.statements() - before).toBe(1);
    expect(Object.fromEntries([...owners].map(([plate, vehicle]) => [plate, vehicle.ownerCreditCode]))).toEqual({
      苏E88888: KUNSHAN,
      苏A9L628: NANJING,
    });
  });
});
