import { chinaYear } from '../../../platform/time/china-time';
import { CaseStatus } from '../enforcement-case/case-status';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { CaseStep } from '../enforcement-case/case-step.entity';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import {
  detection,
  JIANGSU,
  KUNSHAN_CARRIER,
  KUNSHAN_STATION,
  NOW,
  outcomes,
  overloaded,
  overloadPerTest,
  STATION,
  type OverloadSpec,
} from './overload-record.fixture';
import { OverloadRecordOutcome } from './overload-record.payload';

// What a weigh station submits: each detection recorded once, judged against its limit and the tolerance,
// checked field by field, and stored in bulk.

const YEAR = chinaYear();

describe('OverloadRecordService', () => {
  let testbed: OverloadSpec['testbed'],
    submit: OverloadSpec['submit'],
    storedRecords: OverloadSpec['storedRecords'],
    storedCases: OverloadSpec['storedCases'],
    filedEvents: OverloadSpec['filedEvents'],
    registerVehicle: OverloadSpec['registerVehicle'];
  const reopen = overloadPerTest(
    (spec) => ({ testbed, submit, storedRecords, storedCases, filedEvents, registerVehicle } = spec),
  );

  describe('dedupe', () => {
    it('records a detection once: sent again it is a DUPLICATE and nothing new is written', async () => {
      const record = detection();
      expect(outcomes(await submit([record]))).toEqual([[OverloadRecordOutcome.ACCEPTED, false]]);
      const again = await submit([{ ...record }]);
      expect(again).toMatchObject({ acceptedCount: 0, duplicateCount: 1, rejectedCount: 0 });
      expect(again.results).toEqual([
        {
          index: 0,
          stationRecordId: record.stationRecordId,
          outcome: OverloadRecordOutcome.DUPLICATE,
          overloaded: false,
          problems: [],
        },
      ]);
      expect(await storedRecords()).toHaveLength(1);
      expect(await storedCases()).toEqual([]);
    });

    it('an overloaded record submitted twice makes one record and one draft case, naming the owner from the vehicle projection', async () => {
      await registerVehicle('苏E88888', KUNSHAN_CARRIER);
      const record = overloaded({ detectedAt: new Date('2026-06-01T01:30:00.000Z') });
      expect(outcomes(await submit([record]))).toEqual([[OverloadRecordOutcome.ACCEPTED, true]]);
      expect(outcomes(await submit([record]))).toEqual([[OverloadRecordOutcome.DUPLICATE, true]]);

      const [draft] = await storedCases();
      expect(await storedCases()).toHaveLength(1);
      expect(draft).toMatchObject({
        caseNumber: `320583${YEAR}000001`,
        regionCode: '320583',
        status: CaseStatus.FILING_PENDING,
        creditCode: KUNSHAN_CARRIER,
        plateNumber: '苏E88888',
        filedBy: STATION.actor,
        partyName: null,
        version: 1,
      });
      expect(draft.cause).toBe(
        '超限运输（非现场执法）：车辆 苏E88888 于 2026-06-01 09:30（北京时间）经超限检测站 3205830001 检测，6 轴，车货总质量 56000 kg，超过限值 49000 kg（超限 7000 kg，14.3%）。',
      );
      const [stored] = await storedRecords();
      expect(stored).toMatchObject({
        stationCode: KUNSHAN_STATION,
        regionCode: '320583',
        overloaded: true,
        ownerCreditCode: KUNSHAN_CARRIER,
        caseId: draft.id,
        submittedBy: STATION.clientId,
      });
      expect(stored.excessKg).toBe(7000);
      // Recorded like an officer's filing: submitted, awaiting a supervisor's approval (立案审批).
      const steps = await testbed.dataSource.getRepository(CaseStep).findBy({ caseId: draft.id });
      expect(
        steps.map((step) => [step.action, step.fromStatus, step.toStatus, step.actor, step.regionCode, step.comment]),
      ).toEqual([
        [
          CaseStepAction.FILING_SUBMITTED,
          null,
          CaseStatus.FILING_PENDING,
          STATION.actor,
          '320583',
          `opened from overload record ${KUNSHAN_STATION}/${record.stationRecordId}`,
        ],
      ]);
      // Other departments hear of the case only once the filing is approved.
      expect(await filedEvents()).toEqual([]);
      const approved = await testbed.services.cases.approveFiling(
        JIANGSU,
        { caseNumber: draft.caseNumber },
        'js-enforcement-supervisor',
      );
      expect(approved).toMatchObject({ status: CaseStatus.FILED, filingApprovedBy: 'js-enforcement-supervisor' });
      expect(await filedEvents()).toEqual([
        {
          caseNumber: draft.caseNumber,
          regionCode: '320583',
          creditCode: KUNSHAN_CARRIER,
          plateNumber: '苏E88888',
          filedAt: approved.filingApprovedAt!.toISOString(),
        },
      ]);
    });

    it('rejects a resubmission that changes the record, naming stationRecordId, and keeps what was recorded', async () => {
      const record = detection();
      await submit([record]);
      const changed = await submit([{ ...record, grossWeightKg: 60_000 }]);
      expect(changed.results[0]).toMatchObject({ outcome: OverloadRecordOutcome.REJECTED, overloaded: null });
      expect(changed.results[0].problems).toEqual([
        {
          field: 'records[0].stationRecordId',
          message: 'was submitted before with different values; a recorded detection is never changed',
        },
      ]);
      expect((await storedRecords()).map((stored) => stored.grossWeightKg)).toEqual([40_000]);
      expect(await storedCases()).toEqual([]);
    });

    it('answers a record repeated within one batch like its first occurrence', async () => {
      const record = overloaded();
      const batch = await submit([record, { ...record }, { ...record, grossWeightKg: 57_000 }]);
      expect(outcomes(batch)).toEqual([
        [OverloadRecordOutcome.ACCEPTED, true],
        [OverloadRecordOutcome.DUPLICATE, true],
        [OverloadRecordOutcome.REJECTED, null],
      ]);
      expect(batch.results[2].problems).toEqual([
        { field: 'records[2].stationRecordId', message: 'repeats records[0].stationRecordId with different values' },
      ]);
      expect(await storedRecords()).toHaveLength(1);
      expect(await storedCases()).toHaveLength(1);
    });
  });

  describe('the tolerance', () => {
    it('makes a case only above limit x (1 + OVERLOAD_TOLERANCE_PERCENT): 49 000 kg + 5 % is 51 450 kg', async () => {
      const batch = await submit([
        detection({ plateNumber: '苏E00001', grossWeightKg: 49_000 }),
        detection({ plateNumber: '苏E00002', grossWeightKg: 51_450 }),
        detection({ plateNumber: '苏E00003', grossWeightKg: 51_451 }),
      ]);
      expect(outcomes(batch)).toEqual([
        [OverloadRecordOutcome.ACCEPTED, false],
        [OverloadRecordOutcome.ACCEPTED, false],
        [OverloadRecordOutcome.ACCEPTED, true],
      ]);
      expect((await storedCases()).map((found) => found.plateNumber)).toEqual(['苏E00003']);
    });

    it('takes the goods-vehicle limit for the axles when the station declares none (3 axles: 25 t, so 26 250 kg is the last within)', async () => {
      const batch = await submit([
        detection({ plateNumber: '苏E00004', axleCount: 3, limitKg: null, grossWeightKg: 26_250 }),
        detection({ plateNumber: '苏E00005', axleCount: 3, limitKg: null, grossWeightKg: 26_251 }),
        // A three-axle combination (汽车列车) may be declared at 27 t.
        detection({ plateNumber: '苏E00006', axleCount: 3, limitKg: 27_000, grossWeightKg: 28_000 }),
      ]);
      expect(outcomes(batch)).toEqual([
        [OverloadRecordOutcome.ACCEPTED, false],
        [OverloadRecordOutcome.ACCEPTED, true],
        [OverloadRecordOutcome.ACCEPTED, false],
      ]);
      expect((await storedRecords()).map((stored) => stored.limitKg)).toEqual([25_000, 25_000, 27_000]);
    });

    it('follows the configured tolerance', async () => {
      await reopen({ environment: { OVERLOAD_TOLERANCE_PERCENT: '10' } });
      expect(
        outcomes(
          await submit([
            detection({ grossWeightKg: 53_900 }),
            detection({ plateNumber: '苏E00007', grossWeightKg: 53_901 }),
          ]),
        ),
      ).toEqual([
        [OverloadRecordOutcome.ACCEPTED, false],
        [OverloadRecordOutcome.ACCEPTED, true],
      ]);
    });
  });

  describe('validation', () => {
    it('names the record and the field of every problem, rejects only those records, and stores the rest', async () => {
      const batch = await submit([
        detection(),
        detection({ plateNumber: '苏I12345' }),
        detection({ detectedAt: new Date(NOW.getTime() + 5 * 60_000) }),
        detection({ axleCount: 4, limitKg: 40_000 }),
        detection({
          stationCode: '3299990001',
          stationRecordId: 'has space',
          grossWeightKg: 0,
          axleCount: 1,
          limitKg: null,
        }),
      ]);
      expect(batch).toMatchObject({ acceptedCount: 1, duplicateCount: 0, rejectedCount: 4 });
      expect(batch.results.map((result) => result.problems.map((problem) => problem.field))).toEqual([
        [],
        ['records[1].plateNumber'],
        ['records[2].detectedAt'],
        ['records[3].limitKg'],
        ['records[4].stationCode', 'records[4].stationRecordId', 'records[4].axleCount', 'records[4].grossWeightKg'],
      ]);
      expect(batch.results[2].problems[0].message).toBe('is in the future');
      expect(batch.results[3].problems[0].message).toBe('exceeds the GB 1589-2016 limit of 36000 kg for 4 axles');
      expect(batch.results[4].problems[0].message).toMatch(/329999 is not in the GB\/T 2260 code table/);
      expect(await storedRecords()).toHaveLength(1);
    });

    it('refuses an empty batch or one above 1000 records as a whole, naming records', async () => {
      for (const records of [[], Array.from({ length: 1001 }, () => detection())]) {
        const refused = await expectDomainError(submit(records));
        expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'records' });
      }
      expect(await storedRecords()).toEqual([]);
    });
  });

  it('stores a batch of 500 in a handful of statements, however many records and drafts', async () => {
    const records = Array.from({ length: 500 }, (_, index) =>
      index % 10 === 0
        ? overloaded({ plateNumber: `苏E${String(10_000 + index).slice(-5)}` })
        : detection({ plateNumber: `苏E${String(20_000 + index).slice(-5)}` }),
    );
    const before = testbed.statements();
    const batch = await submit(records);
    const statements = testbed.statements() - before;
    expect(batch).toMatchObject({ acceptedCount: 500, rejectedCount: 0 });
    expect(await storedCases()).toHaveLength(50);
    // Lookups, the serial row, the transaction, then one INSERT each for the cases, their steps and join
    // rows, and two for the records (250 rows per INSERT); no events until the filings are approved.
    expect(await filedEvents()).toEqual([]);
    expect(statements).toBeLessThanOrEqual(20);
  });
});
