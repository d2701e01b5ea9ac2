import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { JIANGSU, NANJING_CARRIER } from '../safety.fixture';
import { safetySubgraph } from '../safety.subgraph';
import { sweepOverdueHazards } from './hazard-overdue.job';
import { HazardLevel } from './hazard-rules';
import { HiddenHazard } from './hidden-hazard.entity';

// What statistics hears of hidden hazards: found, overdue (told once by the sweep), closed.

describe('hidden hazards told to statistics', () => {
  let database: TestbedOf<typeof safetySubgraph>;
  testbedPerTest(safetySubgraph, (testbed) => {
    database = testbed;
  });

  const eventsOf = async <TType extends 'hazard.found' | 'hazard.overdue' | 'hazard.closed'>(type: TType) =>
    (await database.outboxMessages())
      .filter((message) => message.type === type)
      .map((message) => message.envelope.payload as EventPayloads[TType]);

  it('tells each hazard found, each overdue one once, and closes with whether it was counted overdue', async () => {
    const hazards = database.services.hazards;
    await hazards.recordInspection(
      JIANGSU,
      {
        creditCode: NANJING_CARRIER,
        regionCode: '320102',
        inspectedOn: '2026-01-05',
        inspectors: ['张检查 执法证号32010001'],
        findings: '应急出口堵塞；罐车紧急切断装置失效。',
        hazards: [
          { level: HazardLevel.GENERAL, description: '应急出口堵塞', evidence: [] },
          { level: HazardLevel.MAJOR, description: '罐车紧急切断装置失效', evidence: [] },
        ],
      },
      'inspector',
    );
    const [general, major] = await database.dataSource.getRepository(HiddenHazard).find({ order: { id: 'ASC' } });
    expect(await eventsOf('hazard.found')).toEqual([
      expect.objectContaining({ hazardId: general.id, regionCode: '320102', level: 'GENERAL', foundOn: '2026-01-05' }),
      expect.objectContaining({ hazardId: major.id, level: 'MAJOR', deadline: major.deadline }),
    ]);

    // The day after the general deadline, before the major one's: only the general one is overdue.
    const dayAfter = new Date(Date.parse(`${general.deadline}T12:00:00+08:00`) + 86_400_000);
    expect(await sweepOverdueHazards(database.dataSource, database.dependencies.outbox, dayAfter)).toBe(1);
    expect(await sweepOverdueHazards(database.dataSource, database.dependencies.outbox, dayAfter)).toBe(0);
    expect(await eventsOf('hazard.overdue')).toEqual([
      { hazardId: general.id, regionCode: '320102', level: 'GENERAL', deadline: general.deadline },
    ]);
    // The mark is no change an officer must reload for.
    expect((await database.dataSource.getRepository(HiddenHazard).findOneByOrFail({ id: general.id })).version).toBe(
      general.version,
    );

    const evidence = [{ fileName: 'fixed.jpg', contentBase64: Buffer.from('出口已清理').toString('base64') }];
    for (const hazard of [general, major]) {
      await hazards.reportRectification(
        JIANGSU,
        { hazardId: String(hazard.id), note: '已整改', evidence },
        'inspector',
      );
      await hazards.verifyRectification(JIANGSU, { hazardId: String(hazard.id), passed: true, note: '复查' }, 'second');
    }
    const closed = await eventsOf('hazard.closed');
    expect(closed.map((event) => [event.hazardId, event.level, event.overdueCounted])).toEqual([
      [general.id, 'GENERAL', true],
      [major.id, 'MAJOR', false],
    ]);
    // Closed now, long after both deadlines of early 2026 (the spec's clock is real).
    expect(closed.every((event) => event.late)).toBe(true);
    expect(await sweepOverdueHazards(database.dataSource, database.dependencies.outbox)).toBe(0);
  });
});
