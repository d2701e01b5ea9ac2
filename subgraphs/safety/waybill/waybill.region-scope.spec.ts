import { expect } from '@jest/globals';
import { SYSTEM_SCOPE, type RegionScope } from '../../../platform/auth/region-scope';
import type { PageRequest } from '../../../platform/graphql/connection';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { scopeIn } from '../../../platform/testing/callers';
import {
  gasoline,
  HANGZHOU_CARRIER,
  JIANGSU,
  NANJING,
  NANJING_CARRIER,
  NATIONAL,
  waybillsPerTest,
  type WaybillSpec,
} from '../safety.fixture';
import { WaybillSequence } from './waybill-sequence.entity';
import { Waybill, WaybillStatus } from './waybill.entity';

// What a caller's region scope shows of waybills and lets it do: origins and destinations within it are seen,
// only the origin region acts.

describe('WaybillService', () => {
  let database: WaybillSpec['database'],
    dataSource: WaybillSpec['dataSource'],
    waybills: WaybillSpec['waybills'],
    stored: WaybillSpec['stored'];
  waybillsPerTest((spec) => ({ database, dataSource, waybills, stored } = spec));

  describe('region scope', () => {
    const ZHEJIANG = scopeIn('330000');
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
