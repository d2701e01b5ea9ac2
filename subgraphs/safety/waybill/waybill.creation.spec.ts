import type { EntityManager } from 'typeorm';
import { expect } from '@jest/globals';
import { EventOutbox } from '../../../platform/outbox/event-outbox';
import type { EventEnvelope, EventPayloads, EventType } from '../../../platform/outbox/domain-event';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import {
  freezeClockAt,
  gasoline,
  HANGZHOU_CARRIER,
  NANJING_CARRIER,
  NATIONAL,
  serialOf,
  waybillsPerTest,
  type WaybillSpec,
} from '../safety.fixture';
import { PackingGroup } from './dangerous-goods';
import type { CreateWaybillInput } from './inputs/create-waybill.input';
import { WaybillSequence } from './waybill-sequence.entity';
import { Waybill } from './waybill.entity';
import { WaybillService } from './waybill.service';

// Creating a waybill: its number, the checks on dangerous goods and the rest of the input, and the
// waybill.created event written in the same transaction.

describe('WaybillService', () => {
  let database: WaybillSpec['database'], dataSource: WaybillSpec['dataSource'], waybills: WaybillSpec['waybills'];
  waybillsPerTest((spec) => ({ database, dataSource, waybills } = spec));

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
          hazardClass: '3',
          destinationRegionCode: '330106',
          routeProvinceCodes: ['320000', '330000'],
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
});
