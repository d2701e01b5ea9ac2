import { expect } from '@jest/globals';
import { chinaToday } from '../../../platform/time/china-time';
import { gasoline, NANJING_CARRIER, NATIONAL, waybillsPerTest, type WaybillSpec } from '../safety.fixture';
import { WaybillStatus } from './waybill.entity';

// A waybill's journey: created, departed, arrived or cancelled, and the transitions and versions it refuses.

describe('WaybillService', () => {
  let waybills: WaybillSpec['waybills'], stored: WaybillSpec['stored'];
  waybillsPerTest((spec) => ({ waybills, stored } = spec));

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
        gasoline({ goodsName: '液氯', unNumber: 'UN1017', hazardClass: '2.3', packingGroup: null }),
        'js-safety-officer',
      );
      const cancelled = await waybills.cancel(NATIONAL, { waybillNumber, reason: '  托运人取消发货  ' });
      expect(cancelled).toMatchObject({
        status: WaybillStatus.CANCELLED,
        cancellationReason: '托运人取消发货',
        consigneeName: '杭州西湖能源加油站',
        packingGroup: null,
        version: 2,
      });
      expect(cancelled.cancelledAt).toBeInstanceOf(Date);
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
});
