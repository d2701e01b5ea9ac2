import type { DataSource, EntityManager } from 'typeorm';
import { expect } from '@jest/globals';
import type { Identity } from '../../../platform/auth/identity';
import { regionScopeOf, SYSTEM_SCOPE, type RegionScope } from '../../../platform/auth/region-scope';
import type { PageRequest } from '../../../platform/graphql/connection';
import { EventOutbox } from '../../../platform/outbox/event-outbox';
import type { EventEnvelope, EventPayloads, EventType } from '../../../platform/outbox/domain-event';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { chinaToday } from '../../../platform/time/china-time';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { safetySubgraph } from '../safety.subgraph';
import { PackingGroup } from './dangerous-goods';
import type { CreateWaybillInput } from './inputs/create-waybill.input';
import { WaybillSequence } from './waybill-sequence.entity';
import { Waybill, WaybillStatus } from './waybill.entity';
import { WaybillService } from './waybill.service';

const NANJING_CARRIER = '91320102MA1MY0R10Q';
const HANGZHOU_CARRIER = '91330100MA27Y8P30J';

function scopeOf(region: string): RegionScope {
  const caller: Identity = {
    subject: region,
    username: region,
    clientId: 'spec',
    roles: new Set(),
    region,
    department: null,
    serviceAccount: false,
    scopes: new Set(),
  };
  return regionScopeOf(caller);
}
const NATIONAL = scopeOf('000000');
const JIANGSU = scopeOf('320000');
const NANJING = scopeOf('320100');

function gasoline(overrides: Partial<CreateWaybillInput> = {}): CreateWaybillInput {
  return {
    carrierCreditCode: NANJING_CARRIER,
    shipperName: '南京扬子石化销售有限公司',
    consigneeName: '杭州西湖能源加油站',
    plateNumber: '苏A12345',
    goodsName: '汽油',
    unNumber: 'UN1203',
    hazardClass: '3',
    packingGroup: PackingGroup.II,
    quantityKg: 20_000,
    originRegionCode: '320102',
    destinationRegionCode: '330106',
    ...overrides,
  };
}

function serialOf(waybillNumber: string): string {
  return waybillNumber.slice(-6);
}

/** Only Date is faked: the database's writer lock keeps its real timers and ticks. */
function freezeClockAt(instant: string): void {
  jest.useFakeTimers({
    now: new Date(instant),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

describe('WaybillService', () => {
  let database: TestbedOf<typeof safetySubgraph>;
  let dataSource: DataSource;
  let waybills: WaybillService;

  beforeEach(async () => {
    database = await openSubgraphTestbed(safetySubgraph);
    dataSource = database.dataSource;
    waybills = database.services.waybills;
  });
  afterEach(async () => {
    jest.useRealTimers();
    await database.close();
  });

  async function stored(waybillNumber: string): Promise<Waybill> {
    return dataSource.getRepository(Waybill).findOneByOrFail({ waybillNumber });
  }

  describe('the workflow', () => {
    it('creates, departs and arrives a waybill, stamping each step and bumping the version', async () => {
      const created = await waybills.create(NATIONAL, gasoline(), 'js-safety-officer');
      expect(created.waybillNumber).toBe(`YD320102${chinaToday().replace(/-/g, '')}000001`);
      expect(await stored(created.waybillNumber)).toMatchObject({
        carrierCreditCode: NANJING_CARRIER,
        plateNumber: '苏A12345',
        unNumber: 'UN1203',
        hazardClass: '3',
        packingGroup: 'II',
        quantityKg: 20_000,
        originRegionCode: '320102',
        destinationRegionCode: '330106',
        status: WaybillStatus.CREATED,
        createdBy: 'js-safety-officer',
        departedAt: null,
        arrivedAt: null,
        version: 1,
      });

      const departed = await waybills.depart(NATIONAL, { waybillNumber: created.waybillNumber, expectedVersion: 1 });
      expect(departed).toMatchObject({ status: WaybillStatus.IN_TRANSIT, version: 2, arrivedAt: null });
      expect(departed.departedAt).toBeInstanceOf(Date);

      const arrived = await waybills.arrive(NATIONAL, { waybillNumber: created.waybillNumber, expectedVersion: 2 });
      expect(arrived).toMatchObject({ status: WaybillStatus.ARRIVED, version: 3 });
      expect(arrived.arrivedAt!.getTime()).toBeGreaterThanOrEqual(arrived.departedAt!.getTime());
      expect(await stored(created.waybillNumber)).toMatchObject({ status: WaybillStatus.ARRIVED, version: 3 });
    });

    it('cancels a waybill that has not left, keeping the reason', async () => {
      const { waybillNumber } = await waybills.create(
        NATIONAL,
        gasoline({ consigneeName: null, packingGroup: null }),
        'js-safety-officer',
      );
      const cancelled = await waybills.cancel(NATIONAL, { waybillNumber, reason: '  托运人取消发货  ' });
      expect(cancelled).toMatchObject({
        status: WaybillStatus.CANCELLED,
        cancellationReason: '托运人取消发货',
        consigneeName: null,
        packingGroup: null,
        version: 2,
      });
      expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    });
  });

  describe('numbering', () => {
    it('numbers waybills one after another per origin region and China calendar day', async () => {
      freezeClockAt('2026-03-01T15:59:00Z'); // 23:59 in Beijing
      const first = await waybills.create(NATIONAL, gasoline(), 'officer');
      const second = await waybills.create(NATIONAL, gasoline(), 'officer');
      const hangzhou = await waybills.create(
        NATIONAL,
        gasoline({ carrierCreditCode: HANGZHOU_CARRIER, plateNumber: '浙AD12345', originRegionCode: '330100' }),
        'officer',
      );
      const third = await waybills.create(NATIONAL, gasoline(), 'officer');
      expect([first, second, third, hangzhou].map((waybill) => waybill.waybillNumber)).toEqual([
        'YD32010220260301000001',
        'YD32010220260301000002',
        'YD32010220260301000003',
        'YD33010020260301000001',
      ]);

      jest.setSystemTime(new Date('2026-03-01T16:00:00Z')); // midnight in Beijing: a new day
      const nextDay = await waybills.create(NATIONAL, gasoline(), 'officer');
      expect(nextDay.waybillNumber).toBe('YD32010220260302000001');
    });

    it('gives concurrent creators distinct consecutive serials', async () => {
      const created = await Promise.all(
        Array.from({ length: 8 }, () => waybills.create(NATIONAL, gasoline(), 'officer')),
      );
      expect(created.map((waybill) => serialOf(waybill.waybillNumber)).sort()).toEqual([
        '000001',
        '000002',
        '000003',
        '000004',
        '000005',
        '000006',
        '000007',
        '000008',
      ]);
    });
  });

  describe('validation', () => {
    const refusals: Array<[string, Partial<CreateWaybillInput>, string]> = [
      ['a UN number without the UN prefix', { unNumber: '1203' }, 'unNumber'],
      ['a UN number with three digits', { unNumber: 'UN120' }, 'unNumber'],
      ['a class that GB 6944 does not have', { hazardClass: '10' }, 'hazardClass'],
      ['a division its class does not have', { hazardClass: '2.4' }, 'hazardClass'],
      ['a division of a class without divisions', { hazardClass: '3.1' }, 'hazardClass'],
      ['a packing group for a gas', { hazardClass: '2.3', packingGroup: PackingGroup.I }, 'packingGroup'],
      ['a quantity of 0 kg', { quantityKg: 0 }, 'quantityKg'],
      ['a quantity of 50,000 kg', { quantityKg: 50_000 }, 'quantityKg'],
      ['a fractional quantity', { quantityKg: 1000.5 }, 'quantityKg'],
      ['a plate with the letter I', { plateNumber: '苏I12345' }, 'plateNumber'],
      ['a plate without a province', { plateNumber: 'A123456' }, 'plateNumber'],
      ['an origin not in GB/T 2260', { originRegionCode: '329999' }, 'originRegionCode'],
      ['a destination that is not six digits', { destinationRegionCode: '33010' }, 'destinationRegionCode'],
      ['a credit code with a wrong check character', { carrierCreditCode: '91320102MA1MY0R10A' }, 'carrierCreditCode'],
      ['an empty shipper name', { shipperName: '   ' }, 'shipperName'],
      ['an empty goods name', { goodsName: '' }, 'goodsName'],
    ];

    it.each(refusals)('refuses %s, naming the field, and writes nothing', async (_case, overrides, field) => {
      await expect(waybills.create(NATIONAL, gasoline(overrides), 'officer')).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field },
      });
      expect(await dataSource.getRepository(Waybill).count()).toBe(0);
      expect(await dataSource.getRepository(WaybillSequence).count()).toBe(0);
      expect(await dataSource.getRepository(OutboxMessage).count()).toBe(0);
    });

    it('accepts the bounds of the quantity and a packing group where the class has one', async () => {
      await waybills.create(NATIONAL, gasoline({ quantityKg: 1 }), 'officer');
      await waybills.create(NATIONAL, gasoline({ quantityKg: 49_000 }), 'officer');
      await waybills.create(
        NATIONAL,
        gasoline({ goodsName: '氰化钠', unNumber: 'UN1689', hazardClass: '6.1', packingGroup: PackingGroup.I }),
        'officer',
      );
      await waybills.create(
        NATIONAL,
        gasoline({ goodsName: '液氯', unNumber: 'UN1017', hazardClass: '2.3', packingGroup: null }),
        'officer',
      );
      expect(await dataSource.getRepository(Waybill).count()).toBe(4);
    });
  });

  describe('transitions', () => {
    it('refuses illegal transitions with CONFLICT and leaves the waybill as it was', async () => {
      const { waybillNumber } = await waybills.create(NATIONAL, gasoline(), 'officer');
      const before = await stored(waybillNumber);
      await expect(waybills.arrive(NATIONAL, { waybillNumber })).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
      });
      expect(await stored(waybillNumber)).toEqual(before);

      const departed = await waybills.depart(NATIONAL, { waybillNumber });
      await expect(waybills.cancel(NATIONAL, { waybillNumber, reason: '取消' })).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
      });
      await expect(waybills.depart(NATIONAL, { waybillNumber })).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
      });
      expect(await stored(waybillNumber)).toEqual(departed);

      const arrived = await waybills.arrive(NATIONAL, { waybillNumber });
      await expect(waybills.depart(NATIONAL, { waybillNumber })).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
      });
      expect(await stored(waybillNumber)).toEqual(arrived);
    });

    it('refuses to depart a cancelled waybill', async () => {
      const { waybillNumber } = await waybills.create(NATIONAL, gasoline(), 'officer');
      const cancelled = await waybills.cancel(NATIONAL, { waybillNumber, reason: '车辆故障' });
      await expect(waybills.depart(NATIONAL, { waybillNumber })).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
      });
      expect(await stored(waybillNumber)).toEqual(cancelled);
    });

    it('refuses a stale version with CONFLICT and leaves the waybill as it was', async () => {
      const { waybillNumber } = await waybills.create(NATIONAL, gasoline(), 'officer');
      await waybills.depart(NATIONAL, { waybillNumber, expectedVersion: 1 });
      const before = await stored(waybillNumber);
      await expect(waybills.arrive(NATIONAL, { waybillNumber, expectedVersion: 1 })).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' },
      });
      expect(await stored(waybillNumber)).toEqual(before);
    });

    it('lets exactly one of two concurrent departures at one version win', async () => {
      const { waybillNumber } = await waybills.create(NATIONAL, gasoline(), 'officer');
      const outcomes = await Promise.allSettled([
        waybills.depart(NATIONAL, { waybillNumber, expectedVersion: 1 }),
        waybills.depart(NATIONAL, { waybillNumber, expectedVersion: 1 }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(refused?.reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect(await stored(waybillNumber)).toMatchObject({ status: WaybillStatus.IN_TRANSIT, version: 2 });
    });

    it('refuses a cancellation without a reason and a nonsense version, changing nothing', async () => {
      const { waybillNumber } = await waybills.create(NATIONAL, gasoline(), 'officer');
      const before = await stored(waybillNumber);
      await expect(waybills.cancel(NATIONAL, { waybillNumber, reason: ' ' })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
      });
      await expect(waybills.depart(NATIONAL, { waybillNumber, expectedVersion: 0 })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'expectedVersion' },
      });
      expect(await stored(waybillNumber)).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown waybill', async () => {
      await expect(waybills.depart(NATIONAL, { waybillNumber: 'YD32010220260101999999' })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    });
  });

  describe('the waybill.created event', () => {
    it('is written to the outbox for statistics in the transaction that creates the waybill', async () => {
      const waybill = await waybills.create(NATIONAL, gasoline(), 'officer');
      const messages = await dataSource.getRepository(OutboxMessage).find();
      expect(messages.map((message) => [message.eventType, message.subscriber, message.deliveredAt])).toEqual([
        ['waybill.created', 'statistics', null],
      ]);
      expect(JSON.parse(messages[0].envelope)).toMatchObject({
        type: 'waybill.created',
        source: 'safety',
        payload: {
          waybillNumber: waybill.waybillNumber,
          carrierCreditCode: NANJING_CARRIER,
          plateNumber: '苏A12345',
          originRegionCode: '320102',
          createdAt: waybill.createdAt.toISOString(),
        },
      });
      // Transitions raise no event.
      await waybills.depart(NATIONAL, { waybillNumber: waybill.waybillNumber });
      expect(await dataSource.getRepository(OutboxMessage).count()).toBe(1);
    });

    it('is not written when the transaction fails, and neither is the waybill nor its serial', async () => {
      /** Publishes, then fails: what a crash between the event and the commit looks like. */
      class FailingOutbox extends EventOutbox {
        override async publish<TType extends EventType>(
          manager: EntityManager,
          type: TType,
          payload: EventPayloads[TType],
        ): Promise<EventEnvelope<TType>> {
          await super.publish(manager, type, payload);
          throw new Error('commit never happened');
        }
      }
      const failing = new WaybillService(
        dataSource,
        new FailingOutbox(
          dataSource,
          { deliver: async () => {} },
          { source: 'safety', pollIntervalMs: 60_000, maxBackoffMs: 1 },
          database.dependencies.logger,
        ),
      );
      await expect(failing.create(NATIONAL, gasoline(), 'officer')).rejects.toThrow('commit never happened');
      expect(await dataSource.getRepository(Waybill).count()).toBe(0);
      expect(await dataSource.getRepository(OutboxMessage).count()).toBe(0);
      // The serial was rolled back with the rest: the next waybill is still number 1.
      expect(serialOf((await waybills.create(NATIONAL, gasoline(), 'officer')).waybillNumber)).toBe('000001');
    });
  });

  describe('lists', () => {
    it('filters by origin region, including the regions under it, and by status, newest first', async () => {
      const nanjing = await waybills.create(NATIONAL, gasoline(), 'officer');
      const suzhou = await waybills.create(NATIONAL, gasoline({ originRegionCode: '320500' }), 'officer');
      const hangzhou = await waybills.create(
        NATIONAL,
        gasoline({ carrierCreditCode: HANGZHOU_CARRIER, plateNumber: '浙AD12345', originRegionCode: '330100' }),
        'officer',
      );
      await waybills.depart(NATIONAL, { waybillNumber: suzhou.waybillNumber });

      const numbers = async (regionCode: string | null, status: WaybillStatus | null) =>
        (await waybills.list(NATIONAL, { regionCode, status }, { limit: 20, afterId: null })).edges.map(
          (edge) => edge.node.waybillNumber,
        );
      expect(await numbers('320000', null)).toEqual([suzhou.waybillNumber, nanjing.waybillNumber]);
      expect(await numbers('320100', null)).toEqual([nanjing.waybillNumber]);
      expect(await numbers(null, WaybillStatus.CREATED)).toEqual([hangzhou.waybillNumber, nanjing.waybillNumber]);
      expect(await numbers('320000', WaybillStatus.IN_TRANSIT)).toEqual([suzhou.waybillNumber]);
      await expect(
        waybills.list(NATIONAL, { regionCode: '999999', status: null }, { limit: 20, afterId: null }),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'regionCode' },
      });
    });

    it('pages with cursors and counts the whole list', async () => {
      for (let index = 0; index < 3; index += 1) await waybills.create(NATIONAL, gasoline(), 'officer');
      const first = await waybills.list(NATIONAL, { regionCode: null, status: null }, { limit: 2, afterId: null });
      expect(first.totalCount).toBe(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const lastId = first.edges[1].node.id;
      const second = await waybills.list(NATIONAL, { regionCode: null, status: null }, { limit: 2, afterId: lastId });
      expect(second.edges.map((edge) => serialOf(edge.node.waybillNumber))).toEqual(['000001']);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it("loads many carriers' and vehicles' waybill pages in a number of statements that does not grow with them", async () => {
      await waybills.create(NATIONAL, gasoline(), 'officer');
      await waybills.create(NATIONAL, gasoline({ plateNumber: '苏A12345D' }), 'officer');
      await waybills.create(
        NATIONAL,
        gasoline({ carrierCreditCode: HANGZHOU_CARRIER, plateNumber: '浙AD12345', originRegionCode: '330100' }),
        'officer',
      );
      const page = { limit: 1, afterId: null };

      const statementsFor = async (load: () => Promise<unknown>) => {
        const before = database.statements();
        await load();
        return database.statements() - before;
      };
      const carriers = [NANJING_CARRIER, HANGZHOU_CARRIER, '91320583MA1NQ2W40E'];
      let pages = await waybills.createCarrierPagesLoader(NATIONAL, page).loadMany(carriers);
      expect(pages.map((connection) => (connection as { totalCount: number }).totalCount)).toEqual([2, 1, 0]);
      const fewCarriers = await statementsFor(() =>
        waybills.createCarrierPagesLoader(NATIONAL, page).loadMany(carriers.slice(0, 1)),
      );
      const allCarriers = await statementsFor(() =>
        waybills.createCarrierPagesLoader(NATIONAL, page).loadMany(carriers),
      );
      expect(fewCarriers).toBeGreaterThan(0);
      expect(allCarriers).toBe(fewCarriers);

      pages = await waybills.createVehiclePagesLoader(NATIONAL, page).loadMany(['苏A12345', '苏A12345D', '浙A5F678']);
      expect(pages.map((connection) => (connection as { totalCount: number }).totalCount)).toEqual([1, 1, 0]);
    });
  });

  describe('region scope', () => {
    const ZHEJIANG = scopeOf('330000');
    const KUNSHAN_CARRIER = '91320583MA1NQ2W40E';
    let zhejiangLocal: Waybill;
    let zhejiangToKunshan: Waybill;
    let nanjingToHangzhou: Waybill;
    let suzhouToHangzhou: Waybill;
    let kunshanToNanjing: Waybill;

    // Created by the system, as the seed does, so each test sees one country-wide set.
    beforeEach(async () => {
      const hangzhou = { carrierCreditCode: HANGZHOU_CARRIER, plateNumber: '浙AD12345', originRegionCode: '330100' };
      const kunshan = { carrierCreditCode: KUNSHAN_CARRIER, plateNumber: '苏E88888' };
      zhejiangLocal = await waybills.create(
        SYSTEM_SCOPE,
        gasoline({ ...hangzhou, destinationRegionCode: '330106' }),
        'system',
      );
      zhejiangToKunshan = await waybills.create(
        SYSTEM_SCOPE,
        gasoline({ ...hangzhou, destinationRegionCode: '320583' }),
        'system',
      );
      nanjingToHangzhou = await waybills.create(SYSTEM_SCOPE, gasoline(), 'system');
      suzhouToHangzhou = await waybills.create(
        SYSTEM_SCOPE,
        gasoline({ ...kunshan, originRegionCode: '320500' }),
        'system',
      );
      kunshanToNanjing = await waybills.create(
        SYSTEM_SCOPE,
        gasoline({ ...kunshan, originRegionCode: '320583', destinationRegionCode: '320102' }),
        'system',
      );
    });

    const listed = async (scope: RegionScope, regionCode: string | null = null) => {
      const connection = await waybills.list(scope, { regionCode, status: null }, { limit: 20, afterId: null });
      return { numbers: connection.edges.map((edge) => edge.node.waybillNumber), totalCount: connection.totalCount };
    };
    const carrierPage = async (
      scope: RegionScope,
      creditCode: string,
      page: PageRequest = { limit: 20, afterId: null },
    ) => {
      const connection = await waybills.createCarrierPagesLoader(scope, page).load(creditCode);
      return { numbers: connection.edges.map((edge) => edge.node.waybillNumber), totalCount: connection.totalCount };
    };
    const vehiclePage = async (scope: RegionScope, plateNumber: string) => {
      const connection = await waybills.createVehiclePagesLoader(scope, { limit: 20, afterId: null }).load(plateNumber);
      return { numbers: connection.edges.map((edge) => edge.node.waybillNumber), totalCount: connection.totalCount };
    };

    it('hides a waybill from Zhejiang to Zhejiang from a Jiangsu officer in lookups, lists, child pages and counts', async () => {
      expect(await waybills.find(JIANGSU, zhejiangLocal.waybillNumber)).toBeNull();
      expect(await waybills.find(ZHEJIANG, zhejiangLocal.waybillNumber)).toMatchObject({
        waybillNumber: zhejiangLocal.waybillNumber,
      });

      expect(await listed(JIANGSU)).toEqual({
        numbers: [kunshanToNanjing, suzhouToHangzhou, nanjingToHangzhou, zhejiangToKunshan].map(
          (waybill) => waybill.waybillNumber,
        ),
        totalCount: 4,
      });
      // Asking for Zhejiang origins shows only what arrives in Jiangsu.
      expect(await listed(JIANGSU, '330000')).toEqual({ numbers: [zhejiangToKunshan.waybillNumber], totalCount: 1 });
      expect(await listed(JIANGSU, '330106')).toEqual({ numbers: [], totalCount: 0 });

      expect(await carrierPage(JIANGSU, HANGZHOU_CARRIER)).toEqual({
        numbers: [zhejiangToKunshan.waybillNumber],
        totalCount: 1,
      });
      expect(await vehiclePage(JIANGSU, '浙AD12345')).toEqual({
        numbers: [zhejiangToKunshan.waybillNumber],
        totalCount: 1,
      });
      // Past the cursor the total is counted apart; it must not count the hidden waybill either.
      expect(await carrierPage(JIANGSU, HANGZHOU_CARRIER, { limit: 1, afterId: zhejiangToKunshan.id })).toEqual({
        numbers: [],
        totalCount: 1,
      });
    });

    it('pages a scoped list with cursors over both origins and destinations', async () => {
      const first = await waybills.list(JIANGSU, { regionCode: null, status: null }, { limit: 3, afterId: null });
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await waybills.list(
        JIANGSU,
        { regionCode: null, status: null },
        { limit: 3, afterId: first.edges[2].node.id },
      );
      expect(second.edges.map((edge) => edge.node.waybillNumber)).toEqual([zhejiangToKunshan.waybillNumber]);
      expect([first.totalCount, second.totalCount, second.pageInfo.hasNextPage]).toEqual([4, 4, false]);
    });

    it('treats acting on a waybill outside scope as acting on one that does not exist', async () => {
      const before = await stored(zhejiangLocal.waybillNumber);
      for (const act of [
        () => waybills.depart(JIANGSU, { waybillNumber: zhejiangLocal.waybillNumber }),
        () => waybills.cancel(JIANGSU, { waybillNumber: zhejiangLocal.waybillNumber, reason: '取消' }),
      ]) {
        await expect(act()).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      }
      expect(await stored(zhejiangLocal.waybillNumber)).toEqual(before);
    });

    it('shows a Jiangsu officer a waybill arriving from Zhejiang but leaves acting on it to Zhejiang', async () => {
      expect(await waybills.find(JIANGSU, zhejiangToKunshan.waybillNumber)).toMatchObject({
        waybillNumber: zhejiangToKunshan.waybillNumber,
      });
      const before = await stored(zhejiangToKunshan.waybillNumber);
      await expect(waybills.depart(JIANGSU, { waybillNumber: zhejiangToKunshan.waybillNumber })).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
        message: expect.stringContaining('330100'),
      });
      await expect(
        waybills.cancel(JIANGSU, { waybillNumber: zhejiangToKunshan.waybillNumber, reason: '取消' }),
      ).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      expect(await stored(zhejiangToKunshan.waybillNumber)).toEqual(before);

      await waybills.depart(ZHEJIANG, { waybillNumber: zhejiangToKunshan.waybillNumber });
      await expect(waybills.arrive(JIANGSU, { waybillNumber: zhejiangToKunshan.waybillNumber })).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      expect(await waybills.arrive(ZHEJIANG, { waybillNumber: zhejiangToKunshan.waybillNumber })).toMatchObject({
        status: WaybillStatus.ARRIVED,
      });
    });

    it('refuses to create a waybill leaving from outside scope, even to a destination within it, and writes nothing', async () => {
      const counts = async () => [
        await dataSource.getRepository(Waybill).count(),
        await dataSource.getRepository(WaybillSequence).count(),
        await dataSource.getRepository(OutboxMessage).count(),
      ];
      const before = await counts();
      await expect(
        waybills.create(
          JIANGSU,
          gasoline({
            carrierCreditCode: HANGZHOU_CARRIER,
            plateNumber: '浙AD12345',
            originRegionCode: '330100',
            destinationRegionCode: '320102',
          }),
          'js-officer',
        ),
      ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('320000') });
      await expect(
        waybills.create(NANJING, gasoline({ originRegionCode: '320500' }), 'nj-officer'),
      ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(await counts()).toEqual(before);

      const created = await waybills.create(
        NANJING,
        gasoline({ originRegionCode: '320102', destinationRegionCode: '330106' }),
        'nj-officer',
      );
      expect(created.originRegionCode).toBe('320102');
    });

    it('keeps a Suzhou waybill from a Nanjing officer, while showing what arrives in Nanjing', async () => {
      expect(await waybills.find(NANJING, suzhouToHangzhou.waybillNumber)).toBeNull();
      expect(await listed(NANJING)).toEqual({
        numbers: [kunshanToNanjing.waybillNumber, nanjingToHangzhou.waybillNumber],
        totalCount: 2,
      });
      expect(await listed(NANJING, '320000')).toEqual({
        numbers: [kunshanToNanjing.waybillNumber, nanjingToHangzhou.waybillNumber],
        totalCount: 2,
      });
      expect(await listed(NANJING, '320500')).toEqual({ numbers: [kunshanToNanjing.waybillNumber], totalCount: 1 });
      expect(await carrierPage(NANJING, KUNSHAN_CARRIER)).toEqual({
        numbers: [kunshanToNanjing.waybillNumber],
        totalCount: 1,
      });
      expect(await vehiclePage(NANJING, '苏E88888')).toEqual({
        numbers: [kunshanToNanjing.waybillNumber],
        totalCount: 1,
      });
      await expect(waybills.depart(NANJING, { waybillNumber: suzhouToHangzhou.waybillNumber })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
      await expect(waybills.depart(NANJING, { waybillNumber: kunshanToNanjing.waybillNumber })).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
    });

    it('shows a national officer every waybill', async () => {
      const all = [kunshanToNanjing, suzhouToHangzhou, nanjingToHangzhou, zhejiangToKunshan, zhejiangLocal].map(
        (waybill) => waybill.waybillNumber,
      );
      expect(await listed(NATIONAL)).toEqual({ numbers: all, totalCount: 5 });
      expect(await listed(NATIONAL, '330000')).toEqual({
        numbers: [zhejiangToKunshan.waybillNumber, zhejiangLocal.waybillNumber],
        totalCount: 2,
      });
      for (const waybillNumber of all) expect(await waybills.find(NATIONAL, waybillNumber)).not.toBeNull();
      expect((await carrierPage(NATIONAL, HANGZHOU_CARRIER)).totalCount).toBe(2);
      expect((await carrierPage(NATIONAL, KUNSHAN_CARRIER)).totalCount).toBe(2);
      expect(await waybills.depart(NATIONAL, { waybillNumber: zhejiangLocal.waybillNumber })).toMatchObject({
        status: WaybillStatus.IN_TRANSIT,
      });
    });

    it("loads scoped carriers' pages in as many statements as unscoped ones", async () => {
      const statementsFor = async (load: () => Promise<unknown>) => {
        const before = database.statements();
        await load();
        return database.statements() - before;
      };
      const carriers = [NANJING_CARRIER, HANGZHOU_CARRIER, KUNSHAN_CARRIER];
      const page = { limit: 1, afterId: null };
      const national = await statementsFor(() => waybills.createCarrierPagesLoader(NATIONAL, page).loadMany(carriers));
      const jiangsu = await statementsFor(() => waybills.createCarrierPagesLoader(JIANGSU, page).loadMany(carriers));
      expect(national).toBeGreaterThan(0);
      expect(jiangsu).toBe(national);
    });
  });
});
