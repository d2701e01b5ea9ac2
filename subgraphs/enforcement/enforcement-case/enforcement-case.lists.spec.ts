import { expect } from '@jest/globals';
import { pageRequest } from '../../../platform/graphql/connection';
import { chinaDate } from '../../../platform/time/china-time';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import {
  A_FINE,
  CARRIER,
  enforcementPerTest,
  everything,
  filing,
  HANGZHOU,
  KUNSHAN,
  NANJING,
  NATIONAL,
  OFFICER,
  SUPERVISOR,
  type EnforcementSpec,
  type EnforcementTestbed,
} from '../enforcement.fixture';
import { CaseStatus } from './case-status';
import type { EnforcementCase } from './enforcement-case.entity';
import type { EnforcementCaseService } from './enforcement-case.service';

// Reading cases: lists and the overdue list, the batched loaders, and the caller's region scope over them.

describe('EnforcementCaseService', () => {
  let testbed: EnforcementTestbed, cases: EnforcementCaseService, story: EnforcementSpec['story'];
  enforcementPerTest((spec) => ({ testbed, cases, story } = spec));

  describe('lists', () => {
    async function fileAcrossRegions(): Promise<Record<string, EnforcementCase>> {
      const nanjing = await story.opened();
      const kunshan = await story.opened(filing({ regionCode: '320583', creditCode: KUNSHAN }));
      const hangzhou = await story.opened(filing({ regionCode: '330106', creditCode: HANGZHOU }));
      const decided = await story.decided(A_FINE, filing({ regionCode: '320583', creditCode: KUNSHAN }));
      const investigating = await story.investigating(filing({ regionCode: '330106', creditCode: HANGZHOU }));
      const pending = await cases.file(NATIONAL, filing({ regionCode: '320102' }), OFFICER);
      const dismissed = await story.opened(filing({ regionCode: '330106', creditCode: HANGZHOU }));
      await cases.dismiss(NATIONAL, { caseNumber: dismissed.caseNumber, reason: '撤销' }, SUPERVISOR);
      return { nanjing, kunshan, hangzhou, decided, investigating, pending, dismissed };
    }

    it('filter by handling region (a province includes its cities and counties) and status, newest first, paged', async () => {
      const filed = await fileAcrossRegions();
      const jiangsu = await cases.list(NATIONAL, { regionCode: '320000', status: null }, pageRequest({}));
      expect(jiangsu.edges.map((edge) => edge.node.caseNumber)).toEqual(
        [filed.pending, filed.decided, filed.kunshan, filed.nanjing].map((found) => found.caseNumber),
      );
      const kunshanFiled = await cases.list(
        NATIONAL,
        { regionCode: '320583', status: CaseStatus.FILED },
        pageRequest({}),
      );
      expect(kunshanFiled.edges.map((edge) => edge.node.caseNumber)).toEqual([filed.kunshan.caseNumber]);

      const first = await cases.list(NATIONAL, { regionCode: null, status: null }, pageRequest({ first: 4 }));
      const second = await cases.list(
        NATIONAL,
        { regionCode: null, status: null },
        pageRequest({ first: 4, after: first.pageInfo.endCursor }),
      );
      expect(first.totalCount).toBe(7);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const ids = [...first.edges, ...second.edges].map((edge) => edge.node.id);
      expect(ids).toEqual([...ids].sort((left, right) => right - left));
      expect(new Set(ids).size).toBe(7);

      const refused = await expectDomainError(
        cases.list(NATIONAL, { regionCode: '329999', status: null }, pageRequest({})),
      );
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
    });

    it('show as overdue only undecided cases whose decision due date has passed, pending filings included', async () => {
      const filed = await fileAcrossRegions();
      expect((await cases.listOverdue(NATIONAL, null, pageRequest({}))).totalCount).toBe(0);
      const later = chinaDate(new Date(Date.now() + 91 * 24 * 3600_000));
      const overdue = await cases.listOverdue(NATIONAL, null, pageRequest({}), later);
      expect(overdue.edges.map((edge) => edge.node.caseNumber)).toEqual(
        [filed.pending, filed.investigating, filed.hangzhou, filed.kunshan, filed.nanjing].map(
          (found) => found.caseNumber,
        ),
      );
      const zhejiang = await cases.listOverdue(NATIONAL, '330000', pageRequest({}), later);
      expect(zhejiang.edges.map((edge) => edge.node.caseNumber)).toEqual(
        [filed.investigating, filed.hangzhou].map((found) => found.caseNumber),
      );
      // On the due date itself a case is not yet overdue.
      expect((await cases.listOverdue(NATIONAL, null, pageRequest({}), filed.nanjing.decisionDueDate)).totalCount).toBe(
        0,
      );
    });
  });

  describe('loaders', () => {
    it('page the cases of many enterprises and vehicles in two statements, whatever their number', async () => {
      for (let index = 0; index < 3; index += 1)
        await cases.file(NATIONAL, filing({ plateNumber: '苏A12345' }), OFFICER);
      await cases.file(
        NATIONAL,
        filing({ regionCode: '330106', creditCode: HANGZHOU, plateNumber: '浙A23456' }),
        OFFICER,
      );

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

      const vehicles = await cases
        .createVehicleCasesLoader(NATIONAL, pageRequest({}))
        .loadMany(['苏A12345', '浙A23456']);
      expect(vehicles.map((page) => (page instanceof Error ? page : page.totalCount))).toEqual([3, 1]);
    });

    it('read the steps of many cases in one statement', async () => {
      const one = await story.investigating();
      const two = await cases.file(NATIONAL, filing(), OFFICER);
      const loader = cases.createStepsLoader(NATIONAL);
      const start = testbed.statements();
      const [oneSteps, twoSteps] = await Promise.all([loader.load(one.id), loader.load(two.id)]);
      expect(testbed.statements() - start).toBe(1);
      expect(oneSteps.map((step) => step.toStatus)).toEqual([
        CaseStatus.FILING_PENDING,
        CaseStatus.FILED,
        CaseStatus.INVESTIGATING,
      ]);
      expect(twoSteps.map((step) => step.toStatus)).toEqual([CaseStatus.FILING_PENDING]);
    });
  });

  describe("the caller's region scope", () => {
    it('hides cases handled outside it, from lookups, lists, child pages and actions alike', async () => {
      const nanjing = await story.opened(filing({ regionCode: '320102' }));
      const kunshan = await story.opened(filing({ regionCode: '320583' }));
      expect((await cases.find(NANJING, nanjing.caseNumber))?.caseNumber).toBe(nanjing.caseNumber);
      expect(await cases.find(NANJING, kunshan.caseNumber)).toBeNull();

      const listed = await cases.list(NANJING, { regionCode: null, status: null }, pageRequest({}));
      expect(listed.edges.map((edge) => edge.node.caseNumber)).toEqual([nanjing.caseNumber]);
      expect((await cases.list(NANJING, { regionCode: '320500', status: null }, pageRequest({}))).totalCount).toBe(0);
      expect((await cases.list(NANJING, { regionCode: '320000', status: null }, pageRequest({}))).totalCount).toBe(1);
      expect((await cases.listOverdue(NANJING, null, pageRequest({}), '2999-01-01')).totalCount).toBe(1);

      const page = await cases.createEnterpriseCasesLoader(NANJING, pageRequest({})).load(CARRIER);
      expect(page.edges.map((edge) => edge.node.caseNumber)).toEqual([nanjing.caseNumber]);
      expect(page.totalCount).toBe(1);

      const before = await everything(testbed.dataSource);
      const hidden = await expectDomainError(
        cases.startInvestigation(NANJING, { caseNumber: kunshan.caseNumber }, OFFICER),
      );
      expect(hidden.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const elsewhere = await expectDomainError(
        cases.file(NANJING, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER),
      );
      expect(elsewhere.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect((await cases.startInvestigation(NANJING, { caseNumber: nanjing.caseNumber }, OFFICER)).status).toBe(
        CaseStatus.INVESTIGATING,
      );
    });
  });
});
