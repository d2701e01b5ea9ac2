import type { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '../../kit/auth/identity';
import { regionScopeOf, type RegionScope } from '../../kit/auth/region-scope';
import { residentIdCheckCharacter } from '../../kit/codes/resident-id';
import { DomainError } from '../../kit/errors/domain-error';
import { pageRequest } from '../../kit/graphql/connection';
import { EventOutbox } from '../../kit/outbox/event-outbox';
import type { EventEnvelope, EventPayloads, EventType } from '../../kit/outbox/domain-event';
import { OutboxMessage } from '../../kit/outbox/outbox-message.entity';
import { chinaDate, chinaYear } from '../../kit/time/china-time';
import { openEnforcementTestbed, type EnforcementTestbed } from '../enforcement.testbed';
import { CaseNumberSequence } from './case-number-sequence.entity';
import { CaseShare } from './case-share.entity';
import { CaseStatus } from './case-status';
import { CaseStep } from './case-step.entity';
import { EnforcementCase } from './enforcement-case.entity';
import type { EnforcementCaseService } from './enforcement-case.service';
import type { FileCaseInput } from './inputs/file-case.input';
import { PenaltyKind } from './penalty-kind';

const CARRIER = '91320102MA1MY0R10Q';
const KUNSHAN = '91320583MA1NQ2W40E';
const HANGZHOU = '91330106MA2H4K1L0X';
const PERSON_ID = `32010219900101123${residentIdCheckCharacter('32010219900101123')}`;
const YEAR = chinaYear();

function scopeOf(region: string): RegionScope {
  const caller: Identity = { subject: region, username: region, clientId: 'spec', roles: new Set(), region, department: null, serviceAccount: false, scopes: new Set() };
  return regionScopeOf(caller);
}
const NATIONAL = scopeOf('000000');
const NANJING = scopeOf('320100');
const JIANGSU = scopeOf('320000');
const ZHEJIANG = scopeOf('330000');
const SHANGHAI = scopeOf('310000');

const OFFICER = 'nj-enforcement-officer';
const SUPERVISOR = 'js-enforcement-supervisor';

function filing(overrides: Partial<FileCaseInput> = {}): FileCaseInput {
  return { regionCode: '320102', cause: '危险货物运输车辆未按规定进行维护和检测', creditCode: CARRIER, ...overrides };
}

/** The error a call fails with, so a test can look at its code, reason and field. */
async function failure(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function outboxRows(dataSource: DataSource): Promise<Array<{ type: string; subscriber: string; envelope: EventEnvelope }>> {
  const rows = await dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
  return rows.map((row) => ({ type: row.eventType, subscriber: row.subscriber, envelope: JSON.parse(row.envelope) as EventEnvelope }));
}

/** Everything this subgraph writes, to show a refused action wrote nothing. */
async function everything(dataSource: DataSource) {
  return {
    cases: await dataSource.getRepository(EnforcementCase).find({ order: { id: 'ASC' } }),
    steps: await dataSource.getRepository(CaseStep).count(),
    sequences: await dataSource.getRepository(CaseNumberSequence).find(),
    outbox: await dataSource.getRepository(OutboxMessage).count(),
  };
}

describe('EnforcementCaseService', () => {
  let testbed: EnforcementTestbed;
  let cases: EnforcementCaseService;
  beforeEach(async () => {
    testbed = await openEnforcementTestbed();
    cases = testbed.services.cases;
  });
  afterEach(async () => {
    await testbed.close();
  });

  async function investigated(input: FileCaseInput = filing()): Promise<EnforcementCase> {
    const filed = await cases.file(NATIONAL, input, OFFICER);
    return cases.startInvestigation(NATIONAL, { caseNumber: filed.caseNumber }, OFFICER);
  }

  describe('the procedure', () => {
    it('takes a case from filing through investigation and decision to closing, recording every step', async () => {
      const filed = await cases.file(NATIONAL, filing({ plateNumber: '苏A12345' }), OFFICER);
      expect(filed).toMatchObject({
        caseNumber: `320102${YEAR}000001`,
        regionCode: '320102',
        status: CaseStatus.FILED,
        creditCode: CARRIER,
        plateNumber: '苏A12345',
        penalty: null,
        fineFen: null,
        filedBy: OFFICER,
        version: 1,
      });
      const due = new Date(`${chinaDate(filed.filedAt)}T00:00:00Z`);
      due.setUTCDate(due.getUTCDate() + 90);
      expect(filed.decisionDueDate).toBe(due.toISOString().slice(0, 10));

      const investigating = await cases.startInvestigation(NATIONAL, { caseNumber: filed.caseNumber, expectedVersion: 1, comment: '现场检查' }, OFFICER);
      expect(investigating).toMatchObject({ status: CaseStatus.INVESTIGATING, version: 2 });

      const decided = await cases.decide(NATIONAL, 
        { caseNumber: filed.caseNumber, expectedVersion: 2, penalty: PenaltyKind.FINE, fineFen: 2_000_000, decisionSummary: '处罚款人民币贰万元' },
        SUPERVISOR,
      );
      expect(decided).toMatchObject({ status: CaseStatus.DECIDED, version: 3, penalty: PenaltyKind.FINE, fineFen: 2_000_000, decisionSummary: '处罚款人民币贰万元', decidedBy: SUPERVISOR });
      expect(decided.decidedAt).toBeInstanceOf(Date);

      const closed = await cases.close(NATIONAL, { caseNumber: filed.caseNumber, expectedVersion: 3 }, SUPERVISOR);
      expect(closed).toMatchObject({ status: CaseStatus.CLOSED, version: 4, fineFen: 2_000_000 });
      expect(closed.closedAt).toBeInstanceOf(Date);

      const steps = await cases.createStepsLoader(NATIONAL).load(filed.id);
      expect(steps.map((step) => [step.fromStatus, step.toStatus, step.actor, step.comment])).toEqual([
        [null, CaseStatus.FILED, OFFICER, null],
        [CaseStatus.FILED, CaseStatus.INVESTIGATING, OFFICER, '现场检查'],
        [CaseStatus.INVESTIGATING, CaseStatus.DECIDED, SUPERVISOR, '处罚款人民币贰万元'],
        [CaseStatus.DECIDED, CaseStatus.CLOSED, SUPERVISOR, null],
      ]);
    });

    it('dismisses an undecided case with its reason, after which it cannot move on', async () => {
      const filed = await cases.file(NATIONAL, filing(), OFFICER);
      const dismissed = await cases.dismiss(NATIONAL, { caseNumber: filed.caseNumber, reason: '违法事实不能成立' }, SUPERVISOR);
      expect(dismissed).toMatchObject({ status: CaseStatus.DISMISSED, dismissalReason: '违法事实不能成立', penalty: null, version: 2 });
      expect(dismissed.closedAt).toBeInstanceOf(Date);
      const refused = await failure(cases.startInvestigation(NATIONAL, { caseNumber: filed.caseNumber }, OFFICER));
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    });

    it('records the permit a suspension acts on', async () => {
      const open = await investigated();
      const decided = await cases.decide(NATIONAL, 
        { caseNumber: open.caseNumber, penalty: PenaltyKind.PERMIT_SUSPENSION, permitNumber: '3201022026WH000123', decisionSummary: '暂扣道路运输经营许可证三个月' },
        SUPERVISOR,
      );
      expect(decided).toMatchObject({ penalty: PenaltyKind.PERMIT_SUSPENSION, permitNumber: '3201022026WH000123', fineFen: null });
    });

    it('says NOT_FOUND for an action on a case that does not exist', async () => {
      const refused = await failure(cases.startInvestigation(NATIONAL, { caseNumber: `320102${YEAR}999999` }, OFFICER));
      expect(refused.extensions).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('case numbers', () => {
    it('run sequentially per region and year, each region counting on its own', async () => {
      await testbed.dataSource.getRepository(CaseNumberSequence).insert({ regionCode: '320102', year: YEAR - 1, lastSerial: 57 });
      const numbers: string[] = [];
      for (const regionCode of ['320102', '320102', '330106', '320102', '330106']) {
        numbers.push((await cases.file(NATIONAL, filing({ regionCode, creditCode: regionCode === '330106' ? HANGZHOU : CARRIER }), OFFICER)).caseNumber);
      }
      expect(numbers).toEqual([
        `320102${YEAR}000001`,
        `320102${YEAR}000002`,
        `330106${YEAR}000001`,
        `320102${YEAR}000003`,
        `330106${YEAR}000002`,
      ]);
      const lastYear = await testbed.dataSource.getRepository(CaseNumberSequence).findOneByOrFail({ regionCode: '320102', year: YEAR - 1 });
      expect(lastYear.lastSerial).toBe(57);
    });

    it('are not used up by a filing that rolls back', async () => {
      let failNext = false;
      class SometimesFailingOutbox extends EventOutbox {
        override async publish<TType extends EventType>(manager: EntityManager, type: TType, payload: EventPayloads[TType]): Promise<EventEnvelope<TType>> {
          if (failNext) throw new Error('outbox unavailable');
          return super.publish(manager, type, payload);
        }
      }
      await testbed.close();
      testbed = await openEnforcementTestbed((dataSource, transport) =>
        new SometimesFailingOutbox(dataSource, transport, { source: 'enforcement', pollIntervalMs: 60_000, maxBackoffMs: 1 }, { debug() {}, info() {}, warn() {}, error() {} }),
      );
      cases = testbed.services.cases;
      expect((await cases.file(NATIONAL, filing(), OFFICER)).caseNumber).toBe(`320102${YEAR}000001`);
      failNext = true;
      await expect(cases.file(NATIONAL, filing(), OFFICER)).rejects.toThrow('outbox unavailable');
      failNext = false;
      expect((await cases.file(NATIONAL, filing(), OFFICER)).caseNumber).toBe(`320102${YEAR}000002`);
      expect(await testbed.dataSource.getRepository(EnforcementCase).count()).toBe(2);
      expect(await testbed.dataSource.getRepository(CaseStep).count()).toBe(2);
    });
  });

  describe('refuses bad input before writing anything', () => {
    it('a case against nobody', async () => {
      const refused = await failure(cases.file(NATIONAL, { regionCode: '320102', cause: '无主体案件' }, OFFICER));
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
      expect(refused.message).toMatch(/plateNumber or partyName/);
      expect(await everything(testbed.dataSource)).toEqual({ cases: [], steps: 0, sequences: [], outbox: 0 });
    });

    it('a resident ID number whose check character is wrong, naming partyIdNumber', async () => {
      const wrongCheck = PERSON_ID.slice(0, 17) + (PERSON_ID[17] === '0' ? '1' : '0');
      const refused = await failure(cases.file(NATIONAL, filing({ creditCode: null, partyName: '张三', partyIdNumber: wrongCheck }), OFFICER));
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyIdNumber' });
      expect(refused.message).toMatch(/check character/);
      expect(await everything(testbed.dataSource)).toEqual({ cases: [], steps: 0, sequences: [], outbox: 0 });
    });

    it('a party name without the ID number, and the reverse', async () => {
      const withoutId = await failure(cases.file(NATIONAL, filing({ partyName: '张三' }), OFFICER));
      expect(withoutId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyIdNumber' });
      const withoutName = await failure(cases.file(NATIONAL, filing({ partyIdNumber: PERSON_ID }), OFFICER));
      expect(withoutName.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyName' });
      expect(await everything(testbed.dataSource)).toEqual({ cases: [], steps: 0, sequences: [], outbox: 0 });
    });

    it.each([
      ['regionCode', { regionCode: '329999' }],
      ['creditCode', { creditCode: '91320102MA1MY0R10A' }],
      ['plateNumber', { plateNumber: '苏I12345' }],
      ['cause', { cause: '   ' }],
    ])('a bad %s', async (field, overrides) => {
      const refused = await failure(cases.file(NATIONAL, filing(overrides), OFFICER));
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await everything(testbed.dataSource)).toEqual({ cases: [], steps: 0, sequences: [], outbox: 0 });
    });

    it('a fine without its amount, or an amount or permit that does not fit the penalty', async () => {
      const open = await investigated();
      const before = await everything(testbed.dataSource);
      const attempts: Array<[string, Parameters<EnforcementCaseService['decide']>[1]]> = [
        ['fineFen', { caseNumber: open.caseNumber, penalty: PenaltyKind.FINE, decisionSummary: '罚款' }],
        ['fineFen', { caseNumber: open.caseNumber, penalty: PenaltyKind.FINE, fineFen: 0, decisionSummary: '罚款' }],
        ['fineFen', { caseNumber: open.caseNumber, penalty: PenaltyKind.FINE, fineFen: 100.5, decisionSummary: '罚款' }],
        ['fineFen', { caseNumber: open.caseNumber, penalty: PenaltyKind.WARNING, fineFen: 100, decisionSummary: '警告' }],
        ['permitNumber', { caseNumber: open.caseNumber, penalty: PenaltyKind.PERMIT_REVOCATION, decisionSummary: '吊销' }],
        ['permitNumber', { caseNumber: open.caseNumber, penalty: PenaltyKind.WARNING, permitNumber: '3201022026WH000123', decisionSummary: '警告' }],
        ['decisionSummary', { caseNumber: open.caseNumber, penalty: PenaltyKind.WARNING, decisionSummary: '' }],
        ['expectedVersion', { caseNumber: open.caseNumber, expectedVersion: 0, penalty: PenaltyKind.WARNING, decisionSummary: '警告' }],
      ];
      for (const [field, input] of attempts) {
        const refused = await failure(cases.decide(NATIONAL, input, SUPERVISOR));
        expect([field, refused.extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
      }
      expect(await everything(testbed.dataSource)).toEqual(before);
    });
  });

  describe('refuses with CONFLICT and leaves the case as it was', () => {
    it('deciding a case that was never investigated (ILLEGAL_TRANSITION)', async () => {
      const filed = await cases.file(NATIONAL, filing(), OFFICER);
      const before = await everything(testbed.dataSource);
      const refused = await failure(
        cases.decide(NATIONAL, { caseNumber: filed.caseNumber, penalty: PenaltyKind.FINE, fineFen: 500_000, decisionSummary: '罚款' }, SUPERVISOR),
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect(await cases.find(NATIONAL, filed.caseNumber)).toMatchObject({ status: CaseStatus.FILED, version: 1, penalty: null, fineFen: null });
    });

    it('acting on a version someone else has already moved on (STALE_VERSION)', async () => {
      const filed = await cases.file(NATIONAL, filing(), OFFICER);
      await cases.startInvestigation(NATIONAL, { caseNumber: filed.caseNumber, expectedVersion: 1 }, OFFICER);
      const before = await everything(testbed.dataSource);
      const refused = await failure(cases.dismiss(NATIONAL, { caseNumber: filed.caseNumber, expectedVersion: 1, reason: '撤销' }, SUPERVISOR));
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect(await cases.find(NATIONAL, filed.caseNumber)).toMatchObject({ status: CaseStatus.INVESTIGATING, version: 2, dismissalReason: null });
    });

    it('closing twice', async () => {
      const open = await investigated();
      await cases.decide(NATIONAL, { caseNumber: open.caseNumber, penalty: PenaltyKind.WARNING, decisionSummary: '警告' }, SUPERVISOR);
      await cases.close(NATIONAL, { caseNumber: open.caseNumber }, SUPERVISOR);
      const refused = await failure(cases.close(NATIONAL, { caseNumber: open.caseNumber }, SUPERVISOR));
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    });
  });

  describe('events', () => {
    it('writes case.filed for statistics and case.decided for credit and statistics, without personal information', async () => {
      const filed = await cases.file(NATIONAL, filing({ plateNumber: '苏A12345', partyName: '张三', partyIdNumber: PERSON_ID }), OFFICER);
      let rows = await outboxRows(testbed.dataSource);
      expect(rows.map((row) => [row.type, row.subscriber])).toEqual([['case.filed', 'statistics']]);
      expect(rows[0].envelope).toMatchObject({ type: 'case.filed', source: 'enforcement' });
      expect(rows[0].envelope.payload).toEqual({
        caseNumber: filed.caseNumber,
        regionCode: '320102',
        creditCode: CARRIER,
        plateNumber: '苏A12345',
        filedAt: filed.filedAt.toISOString(),
      });

      await cases.startInvestigation(NATIONAL, { caseNumber: filed.caseNumber }, OFFICER);
      const decided = await cases.decide(NATIONAL, 
        { caseNumber: filed.caseNumber, penalty: PenaltyKind.FINE, fineFen: 2_000_000, decisionSummary: '处罚款人民币贰万元' },
        SUPERVISOR,
      );
      rows = await outboxRows(testbed.dataSource);
      const decidedRows = rows.filter((row) => row.type === 'case.decided');
      expect(decidedRows.map((row) => row.subscriber).sort()).toEqual(['credit', 'licensing', 'statistics']);
      expect(decidedRows[0].envelope.id).toBe(decidedRows[1].envelope.id);
      expect(decidedRows[0].envelope.payload).toEqual({
        caseNumber: filed.caseNumber,
        regionCode: '320102',
        creditCode: CARRIER,
        plateNumber: '苏A12345',
        penalty: 'FINE',
        fineFen: 2_000_000,
        permitNumber: null,
        summary: '处罚款人民币贰万元',
        decidedAt: decided.decidedAt!.toISOString(),
      });
      const everyEnvelope = JSON.stringify(rows.map((row) => row.envelope));
      expect(everyEnvelope).not.toContain('张三');
      expect(everyEnvelope).not.toContain(PERSON_ID);
      expect(everyEnvelope).not.toContain(PERSON_ID.slice(6, 14));
    });

    it('publishes nothing for investigation, closing or dismissal', async () => {
      const open = await investigated();
      await cases.decide(NATIONAL, { caseNumber: open.caseNumber, penalty: PenaltyKind.NO_PENALTY, decisionSummary: '不予处罚' }, SUPERVISOR);
      await cases.close(NATIONAL, { caseNumber: open.caseNumber }, SUPERVISOR);
      await cases.dismiss(NATIONAL, { caseNumber: (await cases.file(NATIONAL, filing(), OFFICER)).caseNumber, reason: '撤销' }, SUPERVISOR);
      expect((await outboxRows(testbed.dataSource)).map((row) => `${row.type}:${row.subscriber}`)).toEqual([
        'case.filed:statistics',
        'case.decided:credit',
        'case.decided:statistics',
        'case.decided:licensing',
        'case.filed:statistics',
      ]);
    });

    it('commits the decision and its event together: when the event cannot be written the case stays undecided', async () => {
      let failDecided = false;
      class FailingOutbox extends EventOutbox {
        override async publish<TType extends EventType>(manager: EntityManager, type: TType, payload: EventPayloads[TType]): Promise<EventEnvelope<TType>> {
          const envelope = await super.publish(manager, type, payload);
          if (failDecided && type === 'case.decided') throw new Error('outbox unavailable');
          return envelope;
        }
      }
      await testbed.close();
      testbed = await openEnforcementTestbed((dataSource, transport) =>
        new FailingOutbox(dataSource, transport, { source: 'enforcement', pollIntervalMs: 60_000, maxBackoffMs: 1 }, { debug() {}, info() {}, warn() {}, error() {} }),
      );
      cases = testbed.services.cases;
      const open = await investigated();
      const before = await everything(testbed.dataSource);
      failDecided = true;
      await expect(
        cases.decide(NATIONAL, { caseNumber: open.caseNumber, penalty: PenaltyKind.FINE, fineFen: 100_000, decisionSummary: '罚款' }, SUPERVISOR),
      ).rejects.toThrow('outbox unavailable');
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect(await cases.find(NATIONAL, open.caseNumber)).toMatchObject({ status: CaseStatus.INVESTIGATING, penalty: null, version: 2 });
    });
  });

  describe('lists', () => {
    async function fileAcrossRegions(): Promise<Record<string, EnforcementCase>> {
      const nanjing = await cases.file(NATIONAL, filing(), OFFICER);
      const kunshan = await cases.file(NATIONAL, filing({ regionCode: '320583', creditCode: KUNSHAN }), OFFICER);
      const hangzhou = await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER);
      const decided = await investigated(filing({ regionCode: '320583', creditCode: KUNSHAN }));
      await cases.decide(NATIONAL, { caseNumber: decided.caseNumber, penalty: PenaltyKind.WARNING, decisionSummary: '警告' }, SUPERVISOR);
      const dismissed = await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER);
      await cases.dismiss(NATIONAL, { caseNumber: dismissed.caseNumber, reason: '撤销' }, SUPERVISOR);
      const investigating = await investigated(filing({ regionCode: '330106', creditCode: HANGZHOU }));
      return { nanjing, kunshan, hangzhou, decided, dismissed, investigating };
    }

    it('filter by a province with the regions under it and by status, newest first, in pages', async () => {
      const filed = await fileAcrossRegions();
      const jiangsu = await cases.list(NATIONAL, { regionCode: '320000', status: null }, pageRequest({}));
      expect(jiangsu.totalCount).toBe(3);
      expect(jiangsu.edges.map((edge) => edge.node.caseNumber)).toEqual([filed.decided, filed.kunshan, filed.nanjing].map((found) => found.caseNumber));

      const kunshanFiled = await cases.list(NATIONAL, { regionCode: '320583', status: CaseStatus.FILED }, pageRequest({}));
      expect(kunshanFiled.edges.map((edge) => edge.node.caseNumber)).toEqual([filed.kunshan.caseNumber]);

      const first = await cases.list(NATIONAL, { regionCode: null, status: null }, pageRequest({ first: 4 }));
      const second = await cases.list(NATIONAL, { regionCode: null, status: null }, pageRequest({ first: 4, after: first.pageInfo.endCursor }));
      expect(first.totalCount).toBe(6);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const ids = [...first.edges, ...second.edges].map((edge) => edge.node.id);
      expect(ids).toEqual([...ids].sort((left, right) => right - left));
      expect(new Set(ids).size).toBe(6);

      const refused = await failure(cases.list(NATIONAL, { regionCode: '329999', status: null }, pageRequest({})));
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
    });

    it('show as overdue only undecided cases whose decision due date has passed', async () => {
      const filed = await fileAcrossRegions();
      expect((await cases.listOverdue(NATIONAL, null, pageRequest({}))).totalCount).toBe(0);
      // 91 days on, every case filed today is past its due date.
      const later = new Date(Date.now() + 91 * 24 * 3600_000);
      const overdue = await cases.listOverdue(NATIONAL, null, pageRequest({}), chinaDate(later));
      expect(overdue.edges.map((edge) => edge.node.caseNumber)).toEqual(
        [filed.investigating, filed.hangzhou, filed.kunshan, filed.nanjing].map((found) => found.caseNumber),
      );
      const zhejiang = await cases.listOverdue(NATIONAL, '330000', pageRequest({}), chinaDate(later));
      expect(zhejiang.edges.map((edge) => edge.node.caseNumber)).toEqual([filed.investigating, filed.hangzhou].map((found) => found.caseNumber));
      // On the due date itself a case is not yet overdue.
      expect((await cases.listOverdue(NATIONAL, null, pageRequest({}), filed.nanjing.decisionDueDate)).totalCount).toBe(0);
    });
  });

  describe('loaders', () => {
    it('page the cases of many enterprises and vehicles in two statements, whatever their number', async () => {
      for (let index = 0; index < 3; index += 1) await cases.file(NATIONAL, filing({ plateNumber: '苏A12345' }), OFFICER);
      await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU, plateNumber: '浙A23456' }), OFFICER);

      const statementsFor = async (codes: string[]) => {
        const loader = cases.createEnterpriseCasesLoader(NATIONAL, pageRequest({ first: 2 }));
        const start = testbed.statements();
        const pages = await Promise.all(codes.map((code) => loader.load(code)));
        return { pages, statements: testbed.statements() - start };
      };
      const alone = await statementsFor([CARRIER]);
      const together = await statementsFor([CARRIER, HANGZHOU, KUNSHAN]);
      expect(alone.statements).toBe(2);
      expect(together.statements).toBe(2);
      const [carrier, hangzhou, nobody] = together.pages;
      expect(carrier).toEqual(alone.pages[0]);
      expect([carrier.totalCount, carrier.edges.length, carrier.pageInfo.hasNextPage]).toEqual([3, 2, true]);
      expect(hangzhou.totalCount).toBe(1);
      expect(nobody).toMatchObject({ totalCount: 0, edges: [] });

      const vehicles = await cases.createVehicleCasesLoader(NATIONAL, pageRequest({})).loadMany(['苏A12345', '浙A23456']);
      expect(vehicles.map((page) => (page instanceof Error ? page : page.totalCount))).toEqual([3, 1]);
    });

    it('read the steps of many cases in one statement', async () => {
      const one = await investigated();
      const two = await cases.file(NATIONAL, filing(), OFFICER);
      const loader = cases.createStepsLoader(NATIONAL);
      const start = testbed.statements();
      const [oneSteps, twoSteps] = await Promise.all([loader.load(one.id), loader.load(two.id)]);
      expect(testbed.statements() - start).toBe(1);
      expect(oneSteps.map((step) => step.toStatus)).toEqual([CaseStatus.FILED, CaseStatus.INVESTIGATING]);
      expect(twoSteps.map((step) => step.toStatus)).toEqual([CaseStatus.FILED]);
    });
  });

  describe('the party', () => {
    it('is stored in full (GraphQL masks it, see the schema spec)', async () => {
      const filed = await cases.file(NATIONAL, filing({ creditCode: null, partyName: '欧阳明华', partyIdNumber: PERSON_ID }), OFFICER);
      expect([filed.partyName, filed.partyIdNumber]).toEqual(['欧阳明华', PERSON_ID]);
      const [stored] = await testbed.dataSource.query('SELECT party_name, party_id_number FROM enforcement_case');
      expect(stored).toEqual({ party_name: '欧阳明华', party_id_number: PERSON_ID });
    });
  });

  describe('sharing a case with another region', () => {
    const REASON = '车辆登记地在江苏，请协助核查';

    /** A Hangzhou (西湖区) case with the Hangzhou vehicle, shared by Zhejiang with Jiangsu. */
    async function sharedWithJiangsu(): Promise<EnforcementCase> {
      const hangzhou = await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU, plateNumber: '浙A23456' }), OFFICER);
      await cases.share(ZHEJIANG, { caseNumber: hangzhou.caseNumber, regionCode: '320000', reason: REASON }, 'zj-enforcement-supervisor');
      return hangzhou;
    }

    /** Everything the subgraph writes, shares included. */
    async function written() {
      return { ...(await everything(testbed.dataSource)), shares: await testbed.dataSource.getRepository(CaseShare).find({ order: { id: 'ASC' } }) };
    }

    /** What a caller in `scope` sees of the case: lookup, lists with their counts, child pages, steps and shares. */
    async function seenBy(scope: RegionScope, shared: EnforcementCase) {
      const numbers = (connection: { edges: Array<{ node: EnforcementCase }> }) => connection.edges.map((edge) => edge.node.caseNumber);
      const listed = await cases.list(scope, { regionCode: null, status: null }, pageRequest({}));
      const zhejiangOnly = await cases.list(scope, { regionCode: '330000', status: CaseStatus.FILED }, pageRequest({}));
      const overdue = await cases.listOverdue(scope, null, pageRequest({}), '2999-01-01');
      const enterprise = await cases.createEnterpriseCasesLoader(scope, pageRequest({})).load(HANGZHOU);
      const vehicle = await cases.createVehicleCasesLoader(scope, pageRequest({})).load('浙A23456');
      return {
        lookup: (await cases.find(scope, shared.caseNumber))?.caseNumber ?? null,
        list: [numbers(listed).includes(shared.caseNumber), listed.totalCount],
        handledInZhejiang: [numbers(zhejiangOnly), zhejiangOnly.totalCount],
        overdue: [numbers(overdue).includes(shared.caseNumber), overdue.totalCount],
        enterprise: [numbers(enterprise), enterprise.totalCount],
        vehicle: [numbers(vehicle), vehicle.totalCount],
        steps: (await cases.createStepsLoader(scope).load(shared.id)).map((step) => step.comment),
        sharedWith: (await cases.createSharesLoader(scope).load(shared.id)).map((share) => share.regionCode),
      };
    }

    it('makes the case visible, read-only, to the region shared with and to no other', async () => {
      const own = await cases.file(NATIONAL, filing({ regionCode: '320102' }), OFFICER);
      const shared = await sharedWithJiangsu();
      expect(await seenBy(JIANGSU, shared)).toEqual({
        lookup: shared.caseNumber,
        list: [true, 2],
        // The region filter still means the handling region: Zhejiang's cases Jiangsu sees are the shared one.
        handledInZhejiang: [[shared.caseNumber], 1],
        overdue: [true, 2],
        enterprise: [[shared.caseNumber], 1],
        vehicle: [[shared.caseNumber], 1],
        steps: [null, `shared with 320000: ${REASON}`],
        sharedWith: ['320000'],
      });
      // Jiangsu's own list filtered to Jiangsu is its own case only.
      const jiangsuOnly = await cases.list(JIANGSU, { regionCode: '320000', status: null }, pageRequest({}));
      expect(jiangsuOnly.edges.map((edge) => edge.node.caseNumber)).toEqual([own.caseNumber]);

      const nothing = {
        lookup: null,
        list: [false, 0],
        handledInZhejiang: [[], 0],
        overdue: [false, 0],
        enterprise: [[], 0],
        vehicle: [[], 0],
        steps: [],
        sharedWith: [],
      };
      expect(await seenBy(SHANGHAI, shared)).toEqual(nothing);
      // A share with the province reaches callers whose scope holds 320000, not a city's officers.
      expect(await seenBy(NANJING, shared)).toEqual({ ...nothing, list: [false, 1], overdue: [false, 1] });
      // The handling region and the country see it as before.
      expect((await seenBy(ZHEJIANG, shared)).lookup).toBe(shared.caseNumber);
      expect((await cases.list(NATIONAL, { regionCode: null, status: null }, pageRequest({}))).totalCount).toBe(2);
    });

    it('hides the case from the region again once the share is revoked, and allows sharing anew', async () => {
      const shared = await sharedWithJiangsu();
      const revoked = await cases.revokeShare(ZHEJIANG, { caseNumber: shared.caseNumber, regionCode: '320000' }, 'zj-enforcement-supervisor');
      expect(revoked).toMatchObject({ caseNumber: shared.caseNumber, status: CaseStatus.FILED, version: 1 });
      expect(await seenBy(JIANGSU, shared)).toMatchObject({ lookup: null, list: [false, 0], enterprise: [[], 0], vehicle: [[], 0], steps: [], sharedWith: [] });
      expect(await testbed.dataSource.getRepository(CaseShare).findOneByOrFail({ caseId: shared.id })).toMatchObject({
        regionCode: '320000',
        revokedBy: 'zj-enforcement-supervisor',
        revokedAt: expect.any(Date),
      });
      const steps = await cases.createStepsLoader(ZHEJIANG).load(shared.id);
      expect(steps.map((step) => [step.fromStatus, step.toStatus, step.comment])).toEqual([
        [null, CaseStatus.FILED, null],
        [CaseStatus.FILED, CaseStatus.FILED, `shared with 320000: ${REASON}`],
        [CaseStatus.FILED, CaseStatus.FILED, 'share with 320000 revoked'],
      ]);

      const before = await written();
      const again = await failure(cases.revokeShare(ZHEJIANG, { caseNumber: shared.caseNumber, regionCode: '320000' }, 'zj-enforcement-supervisor'));
      expect(again.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(await written()).toEqual(before);

      await cases.share(ZHEJIANG, { caseNumber: shared.caseNumber, regionCode: '320000', reason: '再次请求协助核查' }, 'zj-enforcement-supervisor');
      expect((await seenBy(JIANGSU, shared)).lookup).toBe(shared.caseNumber);
    });

    it('lets only the handling region act: FORBIDDEN to the region shared with, NOT_FOUND to any other', async () => {
      const shared = await sharedWithJiangsu();
      const before = await written();
      const caseNumber = shared.caseNumber;
      const attempts: Array<[string, (scope: RegionScope) => Promise<unknown>]> = [
        ['startInvestigation', (scope) => cases.startInvestigation(scope, { caseNumber }, OFFICER)],
        ['decide', (scope) => cases.decide(scope, { caseNumber, penalty: PenaltyKind.WARNING, decisionSummary: '警告' }, SUPERVISOR)],
        ['close', (scope) => cases.close(scope, { caseNumber }, SUPERVISOR)],
        ['dismiss', (scope) => cases.dismiss(scope, { caseNumber, reason: '撤销' }, SUPERVISOR)],
        ['share', (scope) => cases.share(scope, { caseNumber, regionCode: '310000', reason: '请上海协助核查' }, SUPERVISOR)],
        ['revokeShare', (scope) => cases.revokeShare(scope, { caseNumber, regionCode: '320000' }, SUPERVISOR)],
      ];
      for (const [action, attempt] of attempts) {
        const byJiangsu = await failure(attempt(JIANGSU));
        expect([action, byJiangsu.extensions, byJiangsu.message]).toEqual([
          action,
          expect.objectContaining({ code: 'FORBIDDEN' }),
          `Case ${caseNumber} is shared with your region for reading; only the handling region 330106 acts on it`,
        ]);
        const byShanghai = await failure(attempt(SHANGHAI));
        expect([action, byShanghai.extensions]).toEqual([action, expect.objectContaining({ code: 'NOT_FOUND' })]);
      }
      expect(await written()).toEqual(before);
      expect(await cases.startInvestigation(ZHEJIANG, { caseNumber }, 'zj-enforcement-officer')).toMatchObject({ status: CaseStatus.INVESTIGATING, version: 2 });
    });

    it('refuses a region that sees the case already, a bad region or reason, and a second active share, writing nothing', async () => {
      const shared = await sharedWithJiangsu();
      const before = await written();
      const caseNumber = shared.caseNumber;
      const refusals: Array<[string, Parameters<EnforcementCaseService['share']>[1], Record<string, string>]> = [
        ['the handling region itself', { caseNumber, regionCode: '330106', reason: REASON }, { code: 'BAD_USER_INPUT', field: 'regionCode' }],
        ['the city above it', { caseNumber, regionCode: '330100', reason: REASON }, { code: 'BAD_USER_INPUT', field: 'regionCode' }],
        ['its province', { caseNumber, regionCode: '330000', reason: REASON }, { code: 'BAD_USER_INPUT', field: 'regionCode' }],
        ['an unknown region', { caseNumber, regionCode: '329999', reason: REASON }, { code: 'BAD_USER_INPUT', field: 'regionCode' }],
        ['the national code', { caseNumber, regionCode: '000000', reason: REASON }, { code: 'BAD_USER_INPUT', field: 'regionCode' }],
        ['a reason under four characters', { caseNumber, regionCode: '310000', reason: ' 核查 ' }, { code: 'BAD_USER_INPUT', field: 'reason' }],
        ['a reason over 500 characters', { caseNumber, regionCode: '310000', reason: '查'.repeat(501) }, { code: 'BAD_USER_INPUT', field: 'reason' }],
        ['an active share again', { caseNumber, regionCode: '320000', reason: '重复共享' }, { code: 'CONFLICT', reason: 'ALREADY_SHARED' }],
        ['a case nobody filed', { caseNumber: `330106${YEAR}999999`, regionCode: '310000', reason: REASON }, { code: 'NOT_FOUND' }],
      ];
      for (const [what, input, expected] of refusals) {
        const refused = await failure(cases.share(ZHEJIANG, input, 'zj-enforcement-supervisor'));
        expect([what, refused.extensions]).toEqual([what, expect.objectContaining(expected)]);
      }
      expect(await written()).toEqual(before);
      // A sibling county is not within the handling region: sharing there is allowed.
      await cases.share(ZHEJIANG, { caseNumber, regionCode: '330102', reason: '请上城区协助核查' }, 'zj-enforcement-supervisor');
      expect((await cases.createSharesLoader(ZHEJIANG).load(shared.id)).map((share) => share.regionCode)).toEqual(['320000', '330102']);
    });

    it('of two identical shares at once, writes one and refuses the other', async () => {
      const hangzhou = await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER);
      const input = { caseNumber: hangzhou.caseNumber, regionCode: '320000', reason: REASON };
      const outcomes = await Promise.allSettled([cases.share(ZHEJIANG, input, 'one'), cases.share(ZHEJIANG, input, 'two')]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await testbed.dataSource.getRepository(CaseShare).countBy({ caseId: hangzhou.id })).toBe(1);
    });

    it('shows a region that sees the case only through a share just the shares within its scope, in one statement', async () => {
      const shared = await sharedWithJiangsu();
      await cases.share(ZHEJIANG, { caseNumber: shared.caseNumber, regionCode: '310000', reason: '请上海协助核查' }, 'zj-enforcement-supervisor');
      await cases.share(ZHEJIANG, { caseNumber: shared.caseNumber, regionCode: '320583', reason: '请昆山协助核查' }, 'zj-enforcement-supervisor');
      const other = await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER);
      await cases.share(ZHEJIANG, { caseNumber: other.caseNumber, regionCode: '320100', reason: '请南京协助核查' }, 'zj-enforcement-supervisor');

      const sharesSeenBy = async (scope: RegionScope) => {
        const loader = cases.createSharesLoader(scope);
        const start = testbed.statements();
        const shares = await Promise.all([loader.load(shared.id), loader.load(other.id)]);
        expect(testbed.statements() - start).toBe(1);
        return shares.map((ofCase) => ofCase.map((share) => share.regionCode));
      };
      expect(await sharesSeenBy(ZHEJIANG)).toEqual([['320000', '310000', '320583'], ['320100']]);
      expect(await sharesSeenBy(NATIONAL)).toEqual([['320000', '310000', '320583'], ['320100']]);
      expect(await sharesSeenBy(JIANGSU)).toEqual([['320000', '320583'], ['320100']]);
      expect(await sharesSeenBy(NANJING)).toEqual([[], ['320100']]);
      expect(await sharesSeenBy(SHANGHAI)).toEqual([['310000'], []]);
    });
  });

  describe("the caller's region scope", () => {
    it('hides cases handled outside it, from lookups, lists, child pages and actions alike', async () => {
      const nanjing = await cases.file(NATIONAL, filing({ regionCode: '320102' }), OFFICER);
      const kunshan = await cases.file(NATIONAL, filing({ regionCode: '320583' }), OFFICER);
      expect((await cases.find(NANJING, nanjing.caseNumber))?.caseNumber).toBe(nanjing.caseNumber);
      expect(await cases.find(NANJING, kunshan.caseNumber)).toBeNull();

      const listed = await cases.list(NANJING, { regionCode: null, status: null }, pageRequest({}));
      expect(listed.edges.map((edge) => edge.node.caseNumber)).toEqual([nanjing.caseNumber]);
      // Asking for a region outside the scope answers an empty list, not someone else's cases.
      expect((await cases.list(NANJING, { regionCode: '320500', status: null }, pageRequest({}))).totalCount).toBe(0);
      // Asking for the whole province is narrowed to the scope.
      expect((await cases.list(NANJING, { regionCode: '320000', status: null }, pageRequest({}))).totalCount).toBe(1);
      expect((await cases.listOverdue(NANJING, null, pageRequest({}), '2999-01-01')).totalCount).toBe(1);

      const page = await cases.createEnterpriseCasesLoader(NANJING, pageRequest({})).load(CARRIER);
      expect(page.edges.map((edge) => edge.node.caseNumber)).toEqual([nanjing.caseNumber]);
      expect(page.totalCount).toBe(1);

      const before = await everything(testbed.dataSource);
      const hidden = await failure(cases.startInvestigation(NANJING, { caseNumber: kunshan.caseNumber }, OFFICER));
      expect(hidden.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const elsewhere = await failure(cases.file(NANJING, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER));
      expect(elsewhere.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect((await cases.startInvestigation(NANJING, { caseNumber: nanjing.caseNumber }, OFFICER)).status).toBe(CaseStatus.INVESTIGATING);
    });
  });
});
