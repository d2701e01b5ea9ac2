import { randomUUID } from 'node:crypto';
import { chinaYear } from '../../../platform/time/china-time';
import { CaseStatus } from '../enforcement-case/case-status';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { CaseStep } from '../enforcement-case/case-step.entity';
import {
  HOUR,
  JIANGSU,
  KUNSHAN_CARRIER,
  NANJING_STATION,
  NOW,
  detection,
  overloaded,
  overloadPerTest,
  STATION,
  type OverloadSpec,
} from './overload-record.fixture';
import { OverloadRecord } from './overload-record.entity';

// The draft cases overloaded detections open (awaiting a supervisor's filing approval): which records join
// one draft, and the owner the vehicle registry names later.

const YEAR = chinaYear();

describe('OverloadRecordService', () => {
  let testbed: OverloadSpec['testbed'],
    submit: OverloadSpec['submit'],
    storedRecords: OverloadSpec['storedRecords'],
    storedCases: OverloadSpec['storedCases'],
    filedEvents: OverloadSpec['filedEvents'],
    registerVehicle: OverloadSpec['registerVehicle'];
  overloadPerTest((spec) => ({ testbed, submit, storedRecords, storedCases, filedEvents, registerVehicle } = spec));

  describe('the join window', () => {
    const at = (hours: number) => new Date(NOW.getTime() - 48 * HOUR + hours * HOUR);
    const caseOf = async (stationRecordId: string) =>
      (await testbed.dataSource.getRepository(OverloadRecord).findOneByOrFail({ stationRecordId })).caseId;

    it("joins records of one vehicle in one region within OVERLOAD_JOIN_WINDOW_HOURS of the draft's first record, and opens a new draft after it", async () => {
      await submit([overloaded({ stationRecordId: 'W-0', detectedAt: at(0) })]);
      await submit([
        overloaded({ stationRecordId: 'W-23', detectedAt: at(23) }),
        overloaded({ stationRecordId: 'W-24', detectedAt: at(24) }),
      ]);
      await submit([overloaded({ stationRecordId: 'W-25', detectedAt: at(25) })]);
      const first = await caseOf('W-0');
      expect(await caseOf('W-23')).toBe(first);
      expect(await caseOf('W-24')).toBe(first);
      expect(await caseOf('W-25')).not.toBe(first);
      expect(await storedCases()).toHaveLength(2);
      // Records within the limit join nothing.
      await submit([detection({ stationRecordId: 'W-1', detectedAt: at(1) })]);
      expect(await caseOf('W-1')).toBeNull();
    });

    it('lets the earliest record of a batch open the draft whatever the order sent, and keeps other vehicles and regions apart', async () => {
      const batch = await submit([
        overloaded({ stationRecordId: 'B-late', detectedAt: at(10) }),
        overloaded({ stationRecordId: 'B-early', detectedAt: at(2) }),
        overloaded({ stationRecordId: 'B-other-vehicle', detectedAt: at(3), plateNumber: '苏E12345' }),
        overloaded({ stationRecordId: 'B-nanjing', detectedAt: at(4), stationCode: NANJING_STATION }),
      ]);
      expect(batch.acceptedCount).toBe(4);
      expect(await caseOf('B-late')).toBe(await caseOf('B-early'));
      const cases = await storedCases();
      expect(cases.map((found) => [found.plateNumber, found.regionCode])).toEqual([
        ['苏E88888', '320583'],
        ['苏E12345', '320583'],
        ['苏E88888', '320115'],
      ]);
      expect(cases[0].cause).toContain('2026-05-30 14:00'); // the early record's time, China time
      expect(cases.map((found) => found.caseNumber)).toEqual([
        `320583${YEAR}000001`,
        `320583${YEAR}000002`,
        `320115${YEAR}000001`,
      ]);
    });

    it('stops joining a draft once a supervisor has approved or refused its filing', async () => {
      await submit([overloaded({ stationRecordId: 'I-0', detectedAt: at(0) })]);
      const [draft] = await storedCases();
      await testbed.services.cases.approveFiling(
        JIANGSU,
        { caseNumber: draft.caseNumber },
        'js-enforcement-supervisor',
      );
      await submit([overloaded({ stationRecordId: 'I-1', detectedAt: at(1) })]);
      const second = await caseOf('I-1');
      expect(second).not.toBe(draft.id);
      const [, secondDraft] = await storedCases();
      await testbed.services.cases.rejectFiling(
        JIANGSU,
        { caseNumber: secondDraft.caseNumber, reason: '检测设备检定过期，数据不予采信' },
        'js-enforcement-supervisor',
      );
      await submit([overloaded({ stationRecordId: 'I-2', detectedAt: at(2) })]);
      expect([draft.id, second]).not.toContain(await caseOf('I-2'));
      expect((await storedCases()).map((found) => found.status)).toEqual([
        CaseStatus.FILED,
        CaseStatus.NOT_FILED,
        CaseStatus.FILING_PENDING,
      ]);
    });
  });

  it('names the enterprise on records and drafts stored before the registry announced the plate', async () => {
    await submit([overloaded({ stationRecordId: 'P-1' })]);
    const [draft] = await storedCases();
    expect(draft.creditCode).toBeNull();
    const event = randomUUID();
    expect(await registerVehicle('苏E88888', KUNSHAN_CARRIER, event)).toBe('applied');
    expect(await registerVehicle('苏E88888', KUNSHAN_CARRIER, event)).toBe('duplicate');
    // The case changed: an officer holding version 1 is told to reload before acting on it.
    expect((await storedCases())[0]).toMatchObject({ creditCode: KUNSHAN_CARRIER, version: 2 });
    expect((await storedRecords())[0].ownerCreditCode).toBe(KUNSHAN_CARRIER);
    const steps = await testbed.dataSource
      .getRepository(CaseStep)
      .find({ where: { caseId: draft.id }, order: { id: 'ASC' } });
    expect(steps.map((step) => [step.action, step.toStatus, step.actor, step.regionCode, step.comment])).toEqual([
      [
        CaseStepAction.FILING_SUBMITTED,
        CaseStatus.FILING_PENDING,
        STATION.actor,
        '320583',
        'opened from overload record 3205830001/P-1',
      ],
      [
        CaseStepAction.OWNER_IDENTIFIED,
        CaseStatus.FILING_PENDING,
        'vehicle-registry',
        '320583',
        `enterprise ${KUNSHAN_CARRIER} named from the vehicle registry as the owner of 苏E88888`,
      ],
    ]);
    // The approval announces the case with the enterprise named.
    await testbed.services.cases.approveFiling(
      JIANGSU,
      { caseNumber: draft.caseNumber, expectedVersion: 2 },
      'js-enforcement-supervisor',
    );
    expect((await filedEvents()).map((payload) => payload.creditCode)).toEqual([KUNSHAN_CARRIER]);
  });

  it('leaves a draft whose filing was approved as it is when the registry names the owner later', async () => {
    await submit([overloaded({ stationRecordId: 'P-2' })]);
    const [draft] = await storedCases();
    await testbed.services.cases.approveFiling(JIANGSU, { caseNumber: draft.caseNumber }, 'js-enforcement-supervisor');
    await registerVehicle('苏E88888', KUNSHAN_CARRIER);
    expect((await storedRecords())[0].ownerCreditCode).toBe(KUNSHAN_CARRIER);
    expect((await storedCases())[0]).toMatchObject({ status: CaseStatus.FILED, creditCode: null, version: 2 });
  });
});
