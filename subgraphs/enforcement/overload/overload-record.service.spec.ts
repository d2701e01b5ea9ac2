import { randomUUID } from 'node:crypto';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { pageRequest } from '../../../platform/graphql/connection';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { chinaYear } from '../../../platform/time/china-time';
import { CaseStatus } from '../enforcement-case/case-status';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { CaseStep } from '../enforcement-case/case-step.entity';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { enforcementSubgraph } from '../enforcement.subgraph';
import type { OverloadRecordInput } from './inputs/submit-overload-records.input';
import { OverloadRecord } from './overload-record.entity';
import { OverloadRecordOutcome, type SubmitOverloadRecordsPayload } from './overload-record.payload';
import type { OverloadRecordService } from './overload-record.service';
import { scopeIn } from '../../../platform/testing/callers';

const KUNSHAN_CARRIER = '91320583MA1NQ2W40E';
const KUNSHAN_STATION = '3205830001'; // 昆山市
const NANJING_STATION = '3201150001'; // 江宁区
const HANGZHOU_STATION = '3301060001'; // 西湖区
const STATION = { clientId: 'weigh-station-js-0001', actor: 'service-account-weigh-station-js-0001' };
const NOW = new Date('2026-06-01T04:00:00.000Z');
const HOUR = 3600_000;
const YEAR = chinaYear();

const NATIONAL = scopeIn('000000');
const JIANGSU = scopeIn('320000');
const NANJING = scopeIn('320100');
const ZHEJIANG = scopeIn('330000');

let serial = 0;
/** A six-axle vehicle weighed at Kunshan an hour before NOW, within its 49 t limit unless told otherwise. */
function detection(overrides: Partial<OverloadRecordInput> = {}): OverloadRecordInput {
  serial += 1;
  return {
    stationCode: KUNSHAN_STATION,
    stationRecordId: `KS-${serial}`,
    detectedAt: new Date(NOW.getTime() - HOUR),
    plateNumber: '苏E88888',
    axleCount: 6,
    grossWeightKg: 40_000,
    limitKg: 49_000,
    ...overrides,
  };
}
const overloaded = (overrides: Partial<OverloadRecordInput> = {}) => detection({ grossWeightKg: 56_000, ...overrides });

describe('OverloadRecordService', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  let overload: OverloadRecordService;
  const submit = (records: OverloadRecordInput[], scope = JIANGSU, now = NOW) =>
    overload.submit(scope, STATION, records, now);
  const outcomes = (payload: SubmitOverloadRecordsPayload) =>
    payload.results.map((result) => [result.outcome, result.overloaded]);
  const storedRecords = () => testbed.dataSource.getRepository(OverloadRecord).find({ order: { id: 'ASC' } });
  const storedCases = () => testbed.dataSource.getRepository(EnforcementCase).find({ order: { id: 'ASC' } });
  const filedEvents = async () =>
    (
      await testbed.dataSource
        .getRepository(OutboxMessage)
        .find({ where: { eventType: 'case.filed' }, order: { id: 'ASC' } })
    ).map((message) => (JSON.parse(message.envelope) as EventEnvelope<'case.filed'>).payload);
  const registerVehicle = (plateNumber: string, ownerCreditCode: string, id = randomUUID()) =>
    applyEventOnce(testbed.dataSource, enforcementSubgraph.eventHandlers!(testbed.services), {
      id,
      type: 'vehicle.registered',
      source: 'licensing',
      occurredAt: new Date().toISOString(),
      payload: { plateNumber, ownerCreditCode, regionCode: '320583', registeredAt: new Date().toISOString() },
    } satisfies EventEnvelope<'vehicle.registered'>);

  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
    overload = testbed.services.overload;
  });
  afterEach(async () => {
    await testbed.close();
  });

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
      await testbed.close();
      testbed = await openSubgraphTestbed(enforcementSubgraph, { environment: { OVERLOAD_TOLERANCE_PERCENT: '10' } });
      overload = testbed.services.overload;
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

  describe('region scope', () => {
    it("refuses a batch naming a station outside the caller's region as FORBIDDEN, writing nothing of it", async () => {
      const refused = await expectDomainError(submit([overloaded(), overloaded({ stationCode: HANGZHOU_STATION })]));
      expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.message).toBe(
        `records[1].stationCode: station ${HANGZHOU_STATION} lies outside your region 320000; nothing was recorded`,
      );
      expect(await storedRecords()).toEqual([]);
      expect(await storedCases()).toEqual([]);
    });

    it('shows records where the responsible region is in scope, and where their case is seen (handled or shared)', async () => {
      await submit([
        overloaded({ stationRecordId: 'KS-A' }),
        detection({ stationRecordId: 'KS-B', plateNumber: '苏A9L628' }),
      ]);
      await submit(
        [overloaded({ stationRecordId: 'HZ-A', stationCode: HANGZHOU_STATION, plateNumber: '浙A23456' })],
        NATIONAL,
      );
      const listed = async (
        scope: RegionScope,
        filter = { regionCode: null as string | null, plateNumber: null as string | null },
      ) => {
        const page = await overload.list(scope, filter, pageRequest({}));
        expect(page.totalCount).toBe(page.edges.length);
        return page.edges.map((edge) => edge.node.stationRecordId);
      };
      expect(await listed(NATIONAL)).toEqual(['HZ-A', 'KS-B', 'KS-A']);
      expect(await listed(JIANGSU)).toEqual(['KS-B', 'KS-A']);
      expect(await listed(NANJING)).toEqual([]);
      expect(await listed(ZHEJIANG)).toEqual(['HZ-A']);
      expect(await listed(NATIONAL, { regionCode: '320500', plateNumber: null })).toEqual(['KS-B', 'KS-A']);
      expect(await listed(JIANGSU, { regionCode: null, plateNumber: '苏A9L628' })).toEqual(['KS-B']);
      expect(await listed(JIANGSU, { regionCode: '330000', plateNumber: null })).toEqual([]);

      // Kunshan shares its draft with Zhejiang (the vehicle is checked there): Zhejiang now sees that record, and only that one.
      const kunshanDraft = (await storedCases()).find((found) => found.regionCode === '320583')!;
      await testbed.services.cases.share(
        JIANGSU,
        { caseNumber: kunshanDraft.caseNumber, regionCode: '330000', reason: '请协助核查车辆' },
        'js-enforcement-supervisor',
      );
      expect(await listed(ZHEJIANG)).toEqual(['HZ-A', 'KS-A']);
      const ofCase = await overload.createCaseRecordsLoader(ZHEJIANG, pageRequest({})).load(String(kunshanDraft.id));
      expect(ofCase.edges.map((edge) => edge.node.stationRecordId)).toEqual(['KS-A']);
      expect((await overload.createCasesLoader(ZHEJIANG).load(kunshanDraft.id))?.caseNumber).toBe(
        kunshanDraft.caseNumber,
      );
      const ofVehicle = await overload
        .createVehicleRecordsLoader(NANJING, pageRequest({}))
        .loadMany(['苏E88888', '浙A23456']);
      expect(ofVehicle.map((page) => (page instanceof Error ? page : page.totalCount))).toEqual([0, 0]);
      const zhejiangCase = (await storedCases()).find((found) => found.regionCode === '330106')!;
      expect(await overload.createCasesLoader(JIANGSU).load(zhejiangCase.id)).toBeNull();
      expect(
        await overload.createCaseRecordsLoader(JIANGSU, pageRequest({})).load(String(zhejiangCase.id)),
      ).toMatchObject({ totalCount: 0, edges: [] });
    });
  });

  it('shows records where their case goes on a transfer: the receiving region while it reviews and once it handles the case, the region that handed it over its own records, no one else', async () => {
    const XIHU = scopeIn('330106');
    const SHANGHAI = scopeIn('310000');
    await submit([overloaded({ stationRecordId: 'KS-T' })]);
    await submit(
      [overloaded({ stationRecordId: 'HZ-T', stationCode: HANGZHOU_STATION, plateNumber: '浙A23456' })],
      NATIONAL,
    );
    const kunshanDraft = (await storedCases()).find((found) => found.regionCode === '320583')!;
    const seenBy = async (scope: RegionScope) => ({
      listed: (await overload.list(scope, { regionCode: null, plateNumber: null }, pageRequest({}))).edges.map(
        (edge) => edge.node.stationRecordId,
      ),
      ofCase: (await overload.createCaseRecordsLoader(scope, pageRequest({})).load(String(kunshanDraft.id))).edges.map(
        (edge) => edge.node.stationRecordId,
      ),
      case: (await overload.createCasesLoader(scope).load(kunshanDraft.id))?.regionCode ?? null,
    });
    const nothing = { listed: [], ofCase: [], case: null };
    const propose = () =>
      testbed.services.transfers.propose(
        JIANGSU,
        {
          caseNumber: kunshanDraft.caseNumber,
          toRegionCode: '330106',
          reason: '车辆登记地在杭州市西湖区，移送属地管辖',
        },
        'js-enforcement-supervisor',
      );

    await testbed.services.cases.approveFiling(
      JIANGSU,
      { caseNumber: kunshanDraft.caseNumber },
      'js-enforcement-supervisor',
    );
    await propose();
    // Under review (TRANSFER_REVIEW): the receiving region reads the whole case, its records included.
    expect(await seenBy(XIHU)).toEqual({ listed: ['HZ-T', 'KS-T'], ofCase: ['KS-T'], case: '320583' });
    expect(await seenBy(SHANGHAI)).toEqual(nothing);
    expect(await seenBy(NANJING)).toEqual(nothing);

    await testbed.services.transfers.decline(
      XIHU,
      { caseNumber: kunshanDraft.caseNumber, reason: '车辆已过户，不属本地管辖' },
      'xh-enforcement-supervisor',
    );
    expect(await seenBy(XIHU)).toEqual({ listed: ['HZ-T'], ofCase: [], case: null });

    await propose();
    await testbed.services.transfers.accept(XIHU, { caseNumber: kunshanDraft.caseNumber }, 'xh-enforcement-supervisor');
    expect(await seenBy(XIHU)).toEqual({ listed: ['HZ-T', 'KS-T'], ofCase: ['KS-T'], case: '330106' });
    // Handed over (TRANSFERRED_FROM): Jiangsu keeps the case and the records of its own station.
    expect(await seenBy(JIANGSU)).toEqual({ listed: ['KS-T'], ofCase: ['KS-T'], case: '330106' });
    expect(await seenBy(SHANGHAI)).toEqual(nothing);
    expect(await seenBy(NANJING)).toEqual(nothing);
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
