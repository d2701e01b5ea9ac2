import { expect } from '@jest/globals';
import {
  gasoline,
  HANGZHOU_CARRIER,
  NANJING_CARRIER,
  NATIONAL,
  serialOf,
  waybillsPerTest,
  type WaybillSpec,
} from '../safety.fixture';
import { WaybillStatus } from './waybill.entity';

// Listing waybills: filters, cursors, and the carrier and vehicle pages loaded in batches.

describe('WaybillService', () => {
  let database: WaybillSpec['database'], waybills: WaybillSpec['waybills'];
  waybillsPerTest((spec) => ({ database, waybills } = spec));

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
});
