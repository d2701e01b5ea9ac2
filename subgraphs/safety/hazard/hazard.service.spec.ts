import { scopeIn } from '../../../platform/testing/callers';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { sm3Hex } from '../../../platform/storage/file-store';
import { SafetyPlatformDelivery } from '../national-platform/safety-platform-delivery.entity';
import { freezeClockAt, JIANGSU, NANJING_CARRIER } from '../safety.fixture';
import { safetySubgraph } from '../safety.subgraph';
import { HazardEvidence } from './hazard-evidence.entity';
import { HazardLevel, HazardStatus } from './hazard-rules';
import { HiddenHazard } from './hidden-hazard.entity';
import type { RecordSafetyInspectionInput } from './inputs/hazard.inputs';
import { SafetyInspection } from './safety-inspection.entity';

const PHOTO = Buffer.from('photo of the blocked emergency exit');

function inspection(overrides: Partial<RecordSafetyInspectionInput> = {}): RecordSafetyInspectionInput {
  return {
    creditCode: NANJING_CARRIER,
    regionCode: '320102',
    inspectedOn: '2026-09-28',
    inspectors: ['张检查 执法证号32010001', '李检查 执法证号32010002'],
    findings: '停车场应急出口堵塞，一辆罐车紧急切断装置失效。',
    hazards: [
      { level: HazardLevel.GENERAL, description: '应急出口堵塞', evidence: [] },
      {
        level: HazardLevel.MAJOR,
        description: '罐车紧急切断装置失效',
        evidence: [{ fileName: 'valve.jpg', contentBase64: PHOTO.toString('base64') }],
      },
    ],
    ...overrides,
  };
}

describe('inspections and hidden hazards', () => {
  afterEach(() => jest.useRealTimers());

  let database: TestbedOf<typeof safetySubgraph>;
  testbedPerTest(safetySubgraph, (testbed) => {
    database = testbed;
  });
  {
    const hazards = () => database.services.hazards;
    const deliveries = () => database.dataSource.getRepository(SafetyPlatformDelivery).find({ order: { id: 'ASC' } });
    const majorOf = async () =>
      database.dataSource.getRepository(HiddenHazard).findOneByOrFail({ level: HazardLevel.MAJOR });

    it('records the hazards with working-day deadlines, evidence digests and the major one reported', async () => {
      freezeClockAt('2026-09-30T02:00:00Z');
      const recorded = await hazards().recordInspection(JIANGSU, inspection(), 'inspector');
      const rows = await database.dataSource.getRepository(HiddenHazard).find({ order: { id: 'ASC' } });
      expect(rows.map((row) => [row.inspectionId, row.level, row.status, row.deadline])).toEqual([
        [recorded.id, HazardLevel.GENERAL, HazardStatus.OPEN, '2026-10-16'],
        [recorded.id, HazardLevel.MAJOR, HazardStatus.OPEN, '2026-11-13'],
      ]);
      const evidence = await database.dataSource.getRepository(HazardEvidence).find();
      expect(evidence.map((item) => [item.hazardId, item.fileName, item.sm3Digest])).toEqual([
        [rows[1].id, 'valve.jpg', sm3Hex(PHOTO)],
      ]);
      expect((await deliveries()).map((row) => [row.reportType, row.reportId, row.version, row.regionCode])).toEqual([
        ['MAJOR_HAZARD', `hidden-hazard-${rows[1].id}`, 1, '320102'],
      ]);
      // Codes and facts only: the description is free text.
      expect((await deliveries())[0].payload).not.toContain('罐车');
    });

    it('refuses bad input by field and writes nothing', async () => {
      freezeClockAt('2026-09-30T02:00:00Z');
      const cases: Array<[Partial<RecordSafetyInspectionInput>, string]> = [
        [{ creditCode: '91320102MA1MY0R10X' }, 'creditCode'],
        [{ inspectedOn: '2026-10-01' }, 'inspectedOn'],
        [{ inspectedOn: '2026-02-30' }, 'inspectedOn'],
        [{ inspectors: [] }, 'inspectors'],
        [{ hazards: [{ level: HazardLevel.MAJOR, description: '  ' }] }, 'hazards.0.description'],
        [
          {
            hazards: [
              { level: HazardLevel.MAJOR, description: '隐患', evidence: [{ fileName: 'a.jpg', contentBase64: '!!' }] },
            ],
          },
          'hazards.0.evidence.0.contentBase64',
        ],
      ];
      for (const [overrides, field] of cases) {
        await expect(hazards().recordInspection(JIANGSU, inspection(overrides), 'inspector')).rejects.toMatchObject({
          extensions: { code: 'BAD_USER_INPUT', field },
        });
      }
      await expect(hazards().recordInspection(scopeIn('330000'), inspection(), 'inspector')).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      expect(await database.dataSource.getRepository(SafetyInspection).count()).toBe(0);
      expect(await database.dataSource.getRepository(HiddenHazard).count()).toBe(0);
      expect(await deliveries()).toEqual([]);
    });

    it('closes a hazard only on a second officer’s verification, and reopens it on a failed one', async () => {
      await hazards().recordInspection(JIANGSU, inspection(), 'inspector');
      const major = await majorOf();
      const evidence = [{ fileName: 'fixed.jpg', contentBase64: Buffer.from('new valve').toString('base64') }];
      const rectify = (actor: string) =>
        hazards().reportRectification(JIANGSU, { hazardId: String(major.id), note: '已更换', evidence }, actor);
      const verify = (actor: string, passed: boolean) =>
        hazards().verifyRectification(JIANGSU, { hazardId: String(major.id), passed, note: '复查' }, actor);

      expect((await rectify('inspector')).status).toBe(HazardStatus.RECTIFIED);
      await expect(verify('inspector', true)).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN', reason: 'HAZARD_SAME_OFFICER' },
      });
      expect((await verify('second', false)).status).toBe(HazardStatus.OPEN);
      await expect(verify('second', true)).rejects.toMatchObject({
        extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
      });
      expect((await rectify('enterprise-liaison')).status).toBe(HazardStatus.RECTIFIED);
      await expect(verify('enterprise-liaison', true)).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN', reason: 'HAZARD_SAME_OFFICER' },
      });
      const closed = await verify('second', true);
      expect([closed.status, closed.verifiedBy, closed.closedAt]).toEqual([
        HazardStatus.CLOSED,
        'second',
        expect.any(Date),
      ]);
      expect(
        (await deliveries()).map((row) => [
          row.reportId,
          row.version,
          (JSON.parse(row.payload) as { event: string }).event,
        ]),
      ).toEqual([
        [`hidden-hazard-${major.id}`, 1, 'FOUND'],
        [`hidden-hazard-${major.id}`, 2, 'CLOSED'],
      ]);
      expect((await database.dataSource.getRepository(HazardEvidence).findBy({ hazardId: major.id })).length).toBe(3);
    });

    it('treats a hazard outside the caller’s region as not there', async () => {
      await hazards().recordInspection(JIANGSU, inspection(), 'inspector');
      const major = await majorOf();
      await expect(
        hazards().verifyRectification(
          scopeIn('330000'),
          { hazardId: String(major.id), passed: true, note: '复查' },
          'x',
        ),
      ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(await database.services.hazardQueries.hazard(scopeIn('330000'), String(major.id))).toBeNull();
    });

    it('counts overdue hazards per region and per enterprise in one statement each', async () => {
      freezeClockAt('2026-09-30T02:00:00Z');
      await hazards().recordInspection(JIANGSU, inspection(), 'inspector');
      freezeClockAt('2026-10-19T02:00:00Z');
      const queries = database.services.hazardQueries;
      expect(await queries.overdueByRegion(JIANGSU, null)).toEqual([
        { regionCode: '320102', overdue: 1, majorOverdue: 0, oldestDeadline: '2026-10-16' },
      ]);
      expect(await queries.overdueByRegion(scopeIn('330000'), null)).toEqual([]);
      const before = database.statements();
      const loader = queries.createOpenHazardsLoader(JIANGSU);
      const [carrier, other] = await Promise.all([loader.load(NANJING_CARRIER), loader.load('91330100MA27Y8P30J')]);
      expect(database.statements() - before).toBe(1);
      expect(carrier).toEqual({ total: 2, major: 1, overdue: 1 });
      expect(other).toEqual({ total: 0, major: 0, overdue: 0 });
      const overdue = await queries.list(
        JIANGSU,
        { regionCode: null, level: null, status: null, overdue: true },
        { limit: 10, afterId: null },
      );
      expect(overdue.edges.map((edge) => edge.node.level)).toEqual([HazardLevel.GENERAL]);
    });
  }
});
