import { expect } from '@jest/globals';
import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import { chinaYear } from '../../../platform/time/china-time';
import { statisticsEventHandlers } from '../counting/event-counting.handlers';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { events, HANGZHOU_CARRIER, KUNSHAN_CARRIER, NANJING_CARRIER } from '../statistics.fixture';
import { statisticsSubgraph } from '../statistics.subgraph';

describe('enterprise activity summaries', () => {
  let database: TestbedOf<typeof statisticsSubgraph>;

  beforeAll(async () => {
    database = await openSubgraphTestbed(statisticsSubgraph);
    const handlers = statisticsEventHandlers(database.services);
    const story = [
      events.permitIssued('320102', '2026-02-01T02:00:00.000Z', NANJING_CARRIER),
      events.waybillCreated('320102', '2026-02-02T02:00:00.000Z', NANJING_CARRIER),
      events.waybillCreated('320102', '2026-02-03T02:00:00.000Z', NANJING_CARRIER),
      events.caseDecided('320583', '2026-02-04T02:00:00.000Z', 250_000, KUNSHAN_CARRIER),
      events.permitIssued('330106', '2025-06-01T02:00:00.000Z', HANGZHOU_CARRIER),
    ];
    for (const envelope of story) await applyEventOnce(database.dataSource, handlers, envelope);
  });
  afterAll(async () => {
    await database.close();
  });

  it('answers many enterprises of a year in one statement, with zeros for those nothing was counted for', async () => {
    const loader = database.services.activity.createYearLoader(2026);
    const before = database.statements();
    const summaries = await Promise.all(
      [NANJING_CARRIER, KUNSHAN_CARRIER, HANGZHOU_CARRIER, '91110000MA00000009'].map((code) => loader.load(code)),
    );
    expect(database.statements() - before).toBe(1);
    expect(
      summaries.map(({ creditCode, year, permitsIssued, casesOpened, casesDecided, finesFen, waybillsCreated }) => ({
        creditCode,
        year,
        permitsIssued,
        casesOpened,
        casesDecided,
        finesFen,
        waybillsCreated,
      })),
    ).toEqual([
      {
        creditCode: NANJING_CARRIER,
        year: 2026,
        permitsIssued: 1,
        casesOpened: 0,
        casesDecided: 0,
        finesFen: 0,
        waybillsCreated: 2,
      },
      {
        creditCode: KUNSHAN_CARRIER,
        year: 2026,
        permitsIssued: 0,
        casesOpened: 0,
        casesDecided: 1,
        finesFen: 250_000,
        waybillsCreated: 0,
      },
      // Hangzhou's permit was in 2025.
      {
        creditCode: HANGZHOU_CARRIER,
        year: 2026,
        permitsIssued: 0,
        casesOpened: 0,
        casesDecided: 0,
        finesFen: 0,
        waybillsCreated: 0,
      },
      {
        creditCode: '91110000MA00000009',
        year: 2026,
        permitsIssued: 0,
        casesOpened: 0,
        casesDecided: 0,
        finesFen: 0,
        waybillsCreated: 0,
      },
    ]);
  });

  it('keeps years apart', async () => {
    expect(await database.services.activity.createYearLoader(2025).load(HANGZHOU_CARRIER)).toMatchObject({
      year: 2025,
      permitsIssued: 1,
    });
  });

  it('defaults to the current year in China and refuses a year out of range', () => {
    expect(database.services.activity.summaryYear(undefined)).toBe(chinaYear());
    expect(database.services.activity.summaryYear(null)).toBe(chinaYear());
    expect(database.services.activity.summaryYear(2024)).toBe(2024);
    expect(() => database.services.activity.summaryYear(1800)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'year' }) }),
    );
  });
});
