import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { statisticsEventHandlers } from '../counting/event-counting.handlers';
import { scopeIn } from '../../../platform/testing/callers';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { events, HANGZHOU_CARRIER, KUNSHAN_CARRIER } from '../statistics.fixture';
import { statisticsSubgraph } from '../statistics.subgraph';
import { Indicator } from '../catalogue/indicator-catalogue';

const NATIONAL = scopeIn('000000');

describe('indicators over regions and months', () => {
  let database: TestbedOf<typeof statisticsSubgraph>;

  beforeAll(async () => {
    database = await openSubgraphTestbed(statisticsSubgraph);
    const story: EventEnvelope[] = [
      // Jiangsu: Nanjing's 玄武区 and 鼓楼区, Suzhou's 昆山市, and one permit issued by the province itself.
      events.permitIssued('320102', '2026-01-05T02:00:00.000Z'),
      events.permitIssued('320102', '2026-01-20T02:00:00.000Z'),
      events.permitIssued('320106', '2026-03-01T02:00:00.000Z'),
      events.permitIssued('320583', '2026-03-15T02:00:00.000Z', KUNSHAN_CARRIER),
      events.permitIssued('320000', '2026-04-15T02:00:00.000Z'),
      // Outside the range asked for, and in another province.
      events.permitIssued('320102', '2025-12-31T15:00:00.000Z'),
      events.permitIssued('330106', '2026-02-10T02:00:00.000Z', HANGZHOU_CARRIER),
      // Other indicators in the same regions and months.
      events.caseFiled('320102', '2026-01-06T02:00:00.000Z'),
      events.caseDecided('320102', '2026-02-06T02:00:00.000Z', 500_000),
      events.caseDecided('320583', '2026-02-07T02:00:00.000Z', 300_000, KUNSHAN_CARRIER),
      events.caseDecided('330106', '2026-02-08T02:00:00.000Z', 100_000, HANGZHOU_CARRIER),
      events.waybillCreated('320583', '2026-06-01T02:00:00.000Z', KUNSHAN_CARRIER),
    ];
    const handlers = statisticsEventHandlers(database.services);
    for (const envelope of story) await applyEventOnce(database.dataSource, handlers, envelope);
  });
  afterAll(async () => {
    await database.close();
  });

  describe('a monthly series', () => {
    it('sums a province over its prefectures and counties, one point per month, zero months included', async () => {
      const series = await database.services.indicators.series(
        NATIONAL,
        Indicator.PERMITS_ISSUED,
        '320000',
        '2026-01',
        '2026-05',
      );
      expect(series).toMatchObject({
        indicator: 'PERMITS_ISSUED',
        regionCode: '320000',
        regionName: '江苏省',
        total: 5,
      });
      expect(series.points).toEqual([
        { month: '2026-01', value: 2 },
        { month: '2026-02', value: 0 },
        { month: '2026-03', value: 2 },
        { month: '2026-04', value: 1 },
        { month: '2026-05', value: 0 },
      ]);
    });

    it('narrows to a prefecture and to a county', async () => {
      const nanjing = await database.services.indicators.series(
        NATIONAL,
        Indicator.PERMITS_ISSUED,
        '320100',
        '2026-01',
        '2026-03',
      );
      expect(nanjing.points.map((point) => point.value)).toEqual([2, 0, 1]);
      expect(nanjing.regionName).toBe('南京市');
      const xuanwu = await database.services.indicators.series(
        NATIONAL,
        Indicator.PERMITS_ISSUED,
        '320102',
        '2025-12',
        '2026-03',
      );
      expect(xuanwu.points.map((point) => point.value)).toEqual([1, 2, 0, 0]);
    });

    it('covers the whole country under 000000 and reads only the indicator asked for', async () => {
      const fines = await database.services.indicators.series(
        NATIONAL,
        Indicator.FINES_FEN,
        '000000',
        '2026-01',
        '2026-03',
      );
      expect(fines).toMatchObject({ regionName: '全国', total: 900_000 });
      expect(fines.points).toEqual([
        { month: '2026-01', value: 0 },
        { month: '2026-02', value: 900_000 },
        { month: '2026-03', value: 0 },
      ]);
      const oneMonth = await database.services.indicators.series(
        NATIONAL,
        Indicator.CASES_OPENED,
        '000000',
        '2026-01',
        '2026-01',
      );
      expect(oneMonth.points).toEqual([{ month: '2026-01', value: 1 }]);
    });

    it('spans years and allows 120 months', async () => {
      const decade = await database.services.indicators.series(
        NATIONAL,
        Indicator.PERMITS_ISSUED,
        '000000',
        '2017-01',
        '2026-12',
      );
      expect(decade.points).toHaveLength(120);
      expect(decade.points[0].month).toBe('2017-01');
      expect(decade.points[119].month).toBe('2026-12');
      expect(decade.total).toBe(7);
    });

    it.each([
      ['regionCode', ['329999', '2026-01', '2026-02']],
      ['regionCode', ['32', '2026-01', '2026-02']],
      ['fromMonth', ['320000', '2026-13', '2026-12']],
      ['fromMonth', ['320000', '2026-1', '2026-12']],
      ['toMonth', ['320000', '2026-01', '26-12']],
      ['toMonth', ['320000', '2026-03', '2026-02']],
      ['toMonth', ['320000', '2017-01', '2027-01']],
    ])('refuses a bad %s with BAD_USER_INPUT naming it (%j)', async (field, [regionCode, fromMonth, toMonth]) => {
      await expect(
        database.services.indicators.series(NATIONAL, Indicator.PERMITS_ISSUED, regionCode, fromMonth, toMonth),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    });
  });

  describe('a yearly overview', () => {
    it('gives the country its totals and each province with counts', async () => {
      const country = await database.services.indicators.overview(NATIONAL, '000000', 2026);
      expect(country).toMatchObject({
        regionCode: '000000',
        regionName: '全国',
        year: 2026,
        permitsIssued: 6,
        casesOpened: 1,
        casesDecided: 3,
        finesFen: 900_000,
        waybillsCreated: 1,
      });
      expect(country.subRegions).toEqual([
        {
          regionCode: '320000',
          regionName: '江苏省',
          permitsIssued: 5,
          casesOpened: 1,
          casesDecided: 2,
          finesFen: 800_000,
          waybillsCreated: 1,
        },
        {
          regionCode: '330000',
          regionName: '浙江省',
          permitsIssued: 1,
          casesOpened: 0,
          casesDecided: 1,
          finesFen: 100_000,
          waybillsCreated: 0,
        },
      ]);
    });

    it("breaks a province down by prefecture, keeping counts at the province's own level in its totals only", async () => {
      const jiangsu = await database.services.indicators.overview(NATIONAL, '320000', 2026);
      expect(jiangsu).toMatchObject({ regionName: '江苏省', permitsIssued: 5, finesFen: 800_000 });
      expect(
        jiangsu.subRegions.map((region) => [
          region.regionCode,
          region.regionName,
          region.permitsIssued,
          region.finesFen,
        ]),
      ).toEqual([
        ['320100', '南京市', 3, 500_000],
        ['320500', '苏州市', 1, 300_000],
      ]);
    });

    it('breaks a prefecture down by county, and a county not at all', async () => {
      const nanjing = await database.services.indicators.overview(NATIONAL, '320100', 2026);
      expect(nanjing.subRegions.map((region) => [region.regionCode, region.regionName, region.permitsIssued])).toEqual([
        ['320102', '玄武区', 2],
        ['320106', '鼓楼区', 1],
      ]);
      const xuanwu = await database.services.indicators.overview(NATIONAL, '320102', 2026);
      expect(xuanwu).toMatchObject({ permitsIssued: 2, casesOpened: 1, casesDecided: 1, subRegions: [] });
    });

    it('counts only the year asked for, and answers zeros for a year with nothing', async () => {
      expect(await database.services.indicators.overview(NATIONAL, '320102', 2025)).toMatchObject({
        permitsIssued: 1,
        casesOpened: 0,
        subRegions: [],
      });
      expect(await database.services.indicators.overview(NATIONAL, '000000', 2024)).toMatchObject({
        permitsIssued: 0,
        finesFen: 0,
        subRegions: [],
      });
    });

    it('refuses a bad region code or year with BAD_USER_INPUT naming it', async () => {
      await expect(database.services.indicators.overview(NATIONAL, '320199', 2026)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'regionCode' },
      });
      await expect(database.services.indicators.overview(NATIONAL, '320000', 1999)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'year' },
      });
      await expect(database.services.indicators.overview(NATIONAL, '320000', 2026.5)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'year' },
      });
    });
  });

  describe("a caller's region scope", () => {
    it('lets a provincial analyst read the province and the regions under it', async () => {
      const jiangsu = scopeIn('320000');
      expect((await database.services.indicators.overview(jiangsu, '320000', 2026)).permitsIssued).toBe(5);
      expect(
        (await database.services.indicators.series(jiangsu, Indicator.PERMITS_ISSUED, '320100', '2026-01', '2026-01'))
          .total,
      ).toBe(2);
    });

    it('refuses a wider or another region with FORBIDDEN rather than a total labelled with more than it sums', async () => {
      const nanjing = scopeIn('320100');
      for (const regionCode of ['000000', '320000', '320500', '330106']) {
        await expect(database.services.indicators.overview(nanjing, regionCode, 2026)).rejects.toMatchObject({
          extensions: { code: 'FORBIDDEN' },
        });
        await expect(
          database.services.indicators.series(nanjing, Indicator.FINES_FEN, regionCode, '2026-01', '2026-02'),
        ).rejects.toMatchObject({
          extensions: { code: 'FORBIDDEN' },
        });
      }
    });
  });
});
