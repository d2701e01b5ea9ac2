import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { InboxEvent } from '../../../platform/outbox/inbox-event.entity';
import { EnterpriseYearActivity } from '../activity/enterprise-year-activity.entity';
import { IndicatorCount } from '../indicator/indicator-count.entity';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { events, HANGZHOU_CARRIER, NANJING_CARRIER } from '../statistics.fixture';
import { statisticsSubgraph } from '../statistics.subgraph';
import { statisticsEventHandlers } from './event-counting.handlers';

describe("counting the departments' events", () => {
  let database: TestbedOf<typeof statisticsSubgraph>;
  const apply = (envelope: EventEnvelope) =>
    applyEventOnce(database.dataSource, statisticsEventHandlers(database.services), envelope);

  /** The counts at county level: where each event happened, before rolling up. */
  async function regionCounts(): Promise<Array<[string, string, string, number]>> {
    const rows = await database.dataSource
      .getRepository(IndicatorCount)
      .find({ order: { regionCode: 'ASC', month: 'ASC', indicator: 'ASC' } });
    return rows
      .filter((row) => !row.regionCode.endsWith('00'))
      .map((row) => [row.regionCode, row.month, row.indicator, row.value]);
  }

  async function countsOf(indicator: string): Promise<Array<[string, string, string, number]>> {
    const rows = await database.dataSource
      .getRepository(IndicatorCount)
      .find({ where: { indicator }, order: { regionCode: 'ASC', month: 'ASC', dimension: 'ASC' } });
    return rows.map((row) => [row.regionCode, row.month, row.dimension, row.value]);
  }

  async function activityOf(creditCode: string, year: number) {
    return database.dataSource.getRepository(EnterpriseYearActivity).findOneBy({ creditCode, year });
  }

  beforeEach(async () => {
    database = await openSubgraphTestbed(statisticsSubgraph);
  });
  afterEach(async () => {
    await database.close();
  });

  it("counts a permit for the issuing region's month, every region above it, by kind, and the holder's year", async () => {
    expect(await apply(events.permitIssued('320102', '2026-03-10T02:00:00.000Z'))).toBe('applied');
    expect(await countsOf('PERMITS_ISSUED')).toEqual([
      ['000000', '2026-03', 'ROAD_FREIGHT_TRANSPORT', 1],
      ['320000', '2026-03', 'ROAD_FREIGHT_TRANSPORT', 1],
      ['320100', '2026-03', 'ROAD_FREIGHT_TRANSPORT', 1],
      ['320102', '2026-03', 'ROAD_FREIGHT_TRANSPORT', 1],
    ]);
    expect(await activityOf(NANJING_CARRIER, 2026)).toMatchObject({
      permitsIssued: 1,
      casesOpened: 0,
      casesDecided: 0,
      finesFen: 0,
      waybillsCreated: 0,
    });
  });

  it('counts a filed case, and only for the region when the case names no enterprise', async () => {
    await apply(events.caseFiled('320583', '2026-03-10T02:00:00.000Z'));
    await apply(events.caseFiled('320583', '2026-03-11T02:00:00.000Z', null));
    expect(await regionCounts()).toEqual([['320583', '2026-03', 'CASES_OPENED', 2]]);
    expect(await activityOf(NANJING_CARRIER, 2026)).toMatchObject({ casesOpened: 1, permitsIssued: 0 });
    expect(await database.dataSource.getRepository(EnterpriseYearActivity).count()).toBe(1);
  });

  it('counts a decision and adds its fine in fen; a decision without a fine adds no money', async () => {
    await apply(events.caseDecided('330106', '2026-05-02T01:00:00.000Z', 500_000, HANGZHOU_CARRIER));
    await apply(events.caseDecided('330106', '2026-05-20T01:00:00.000Z', 3_000_000_000, HANGZHOU_CARRIER));
    await apply(events.caseDecided('330106', '2026-05-21T01:00:00.000Z', null, HANGZHOU_CARRIER));
    expect(await regionCounts()).toEqual([
      ['330106', '2026-05', 'CASES_DECIDED', 3],
      ['330106', '2026-05', 'FINES_FEN', 3_000_500_000],
    ]);
    expect(await activityOf(HANGZHOU_CARRIER, 2026)).toMatchObject({
      casesDecided: 3,
      finesFen: 3_000_500_000,
      casesOpened: 0,
    });
  });

  it('counts a waybill for its origin region and its carrier', async () => {
    await apply(events.waybillCreated('320102', '2026-07-01T00:00:00.000Z'));
    await apply(events.waybillCreated('320106', '2026-07-02T00:00:00.000Z'));
    expect(await regionCounts()).toEqual([
      ['320102', '2026-07', 'WAYBILLS_CREATED', 1],
      ['320106', '2026-07', 'WAYBILLS_CREATED', 1],
    ]);
    expect(await activityOf(NANJING_CARRIER, 2026)).toMatchObject({ waybillsCreated: 2 });
  });

  it('dates by China Standard Time: 16:30 UTC on 31 December is already the next year there', async () => {
    await apply(events.permitIssued('320102', '2025-12-31T16:30:00.000Z'));
    await apply(events.permitIssued('320102', '2025-12-31T15:30:00.000Z'));
    expect(await regionCounts()).toEqual([
      ['320102', '2025-12', 'PERMITS_ISSUED', 1],
      ['320102', '2026-01', 'PERMITS_ISSUED', 1],
    ]);
    expect(await activityOf(NANJING_CARRIER, 2025)).toMatchObject({ permitsIssued: 1 });
    expect(await activityOf(NANJING_CARRIER, 2026)).toMatchObject({ permitsIssued: 1 });
  });

  it('counts an envelope delivered twice once', async () => {
    const decided = events.caseDecided('320102', '2026-03-10T02:00:00.000Z', 200_000);
    expect(await apply(decided)).toBe('applied');
    expect(await apply(decided)).toBe('duplicate');
    expect(await regionCounts()).toEqual([
      ['320102', '2026-03', 'CASES_DECIDED', 1],
      ['320102', '2026-03', 'FINES_FEN', 200_000],
    ]);
    expect(await activityOf(NANJING_CARRIER, 2026)).toMatchObject({ casesDecided: 1, finesFen: 200_000 });
  });

  it('acknowledges an event with unusable facts without counting it, and says so', async () => {
    const broken = events.caseDecided('32010', '2026-03-10T02:00:00.000Z', 100);
    expect(await apply(broken)).toBe('applied');
    expect(await apply(events.permitIssued('320102', 'yesterday'))).toBe('applied');
    expect(await apply(events.caseDecided('320102', '2026-03-10T02:00:00.000Z', -5))).toBe('applied');
    expect(await database.dataSource.getRepository(IndicatorCount).count()).toBe(0);
    expect(await database.dataSource.getRepository(EnterpriseYearActivity).count()).toBe(0);
    expect(database.warnings).toEqual(['event not counted', 'event not counted', 'event not counted']);
    expect(await database.dataSource.getRepository(InboxEvent).existsBy({ eventId: broken.id })).toBe(true);
  });
});
