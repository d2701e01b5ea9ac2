import { expect } from '@jest/globals';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { pageRequest } from '../../../platform/graphql/connection';
import { chinaYear } from '../../../platform/time/china-time';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import {
  enforcementPerTest,
  everything,
  filing,
  HANGZHOU,
  JIANGSU,
  NANJING,
  NATIONAL,
  OFFICER,
  SHANGHAI,
  SUPERVISOR,
  type EnforcementSpec,
  type EnforcementTestbed,
  ZHEJIANG,
} from '../enforcement.fixture';
import { CaseShare } from './case-share.entity';
import { CaseStatus } from './case-status';
import { CaseStepAction } from './case-step-action';
import type { EnforcementCase } from './enforcement-case.entity';
import type { EnforcementCaseService } from './enforcement-case.service';
import { PenaltyKind } from './penalty-kind';

// Sharing a case with another region (案件共享): read-only there, acted on only by the handling region.

const YEAR = chinaYear();

describe('EnforcementCaseService', () => {
  let testbed: EnforcementTestbed, cases: EnforcementCaseService, story: EnforcementSpec['story'];
  enforcementPerTest((spec) => ({ testbed, cases, story } = spec));

  describe('sharing a case with another region', () => {
    const REASON = '车辆登记地在江苏，请协助核查';

    /** A Hangzhou (西湖区) case with the Hangzhou vehicle, shared by Zhejiang with Jiangsu. */
    async function sharedWithJiangsu(): Promise<EnforcementCase> {
      const hangzhou = await story.opened(
        filing({ regionCode: '330106', creditCode: HANGZHOU, plateNumber: '浙A23456' }),
      );
      await cases.share(
        ZHEJIANG,
        { caseNumber: hangzhou.caseNumber, regionCode: '320000', reason: REASON },
        'zj-enforcement-supervisor',
      );
      return hangzhou;
    }

    /** What a caller in `scope` sees of the case: lookup, lists with their counts, child pages, steps and shares. */
    async function seenBy(scope: RegionScope, shared: EnforcementCase) {
      const numbers = (connection: { edges: Array<{ node: EnforcementCase }> }) =>
        connection.edges.map((edge) => edge.node.caseNumber);
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
        steps: (await cases.createStepsLoader(scope).load(shared.id)).map((step) => step.action),
        sharedWith: (await cases.createSharesLoader(scope).load(shared.id)).map((share) => share.regionCode),
      };
    }

    it('makes the case visible, read-only, to the region shared with and to no other', async () => {
      const own = await story.opened(filing({ regionCode: '320102' }));
      const shared = await sharedWithJiangsu();
      expect(await seenBy(JIANGSU, shared)).toEqual({
        lookup: shared.caseNumber,
        list: [true, 2],
        // The region filter still means the handling region: Zhejiang's cases Jiangsu sees are the shared one.
        handledInZhejiang: [[shared.caseNumber], 1],
        overdue: [true, 2],
        enterprise: [[shared.caseNumber], 1],
        vehicle: [[shared.caseNumber], 1],
        steps: [CaseStepAction.FILING_SUBMITTED, CaseStepAction.FILING_APPROVED, CaseStepAction.SHARED],
        sharedWith: ['320000'],
      });
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
      expect((await seenBy(ZHEJIANG, shared)).lookup).toBe(shared.caseNumber);
      expect((await cases.list(NATIONAL, { regionCode: null, status: null }, pageRequest({}))).totalCount).toBe(2);
    });

    it('hides the case from the region again once the share is revoked, and allows sharing anew', async () => {
      const shared = await sharedWithJiangsu();
      const revoked = await cases.revokeShare(
        ZHEJIANG,
        { caseNumber: shared.caseNumber, regionCode: '320000' },
        'zj-enforcement-supervisor',
      );
      expect(revoked).toMatchObject({ caseNumber: shared.caseNumber, status: CaseStatus.FILED, version: 2 });
      expect(await seenBy(JIANGSU, shared)).toMatchObject({
        lookup: null,
        list: [false, 0],
        enterprise: [[], 0],
        vehicle: [[], 0],
        steps: [],
        sharedWith: [],
      });
      expect(await testbed.dataSource.getRepository(CaseShare).findOneByOrFail({ caseId: shared.id })).toMatchObject({
        regionCode: '320000',
        revokedBy: 'zj-enforcement-supervisor',
        revokedAt: expect.any(Date),
      });
      const steps = await cases.createStepsLoader(ZHEJIANG).load(shared.id);
      expect(steps.slice(2).map((step) => [step.action, step.fromStatus, step.toStatus, step.comment])).toEqual([
        [CaseStepAction.SHARED, CaseStatus.FILED, CaseStatus.FILED, `shared with 320000: ${REASON}`],
        [CaseStepAction.SHARE_REVOKED, CaseStatus.FILED, CaseStatus.FILED, 'share with 320000 revoked'],
      ]);

      const before = await everything(testbed.dataSource);
      const again = await expectDomainError(
        cases.revokeShare(
          ZHEJIANG,
          { caseNumber: shared.caseNumber, regionCode: '320000' },
          'zj-enforcement-supervisor',
        ),
      );
      expect(again.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(await everything(testbed.dataSource)).toEqual(before);

      await cases.share(
        ZHEJIANG,
        { caseNumber: shared.caseNumber, regionCode: '320000', reason: '再次请求协助核查' },
        'zj-enforcement-supervisor',
      );
      expect((await seenBy(JIANGSU, shared)).lookup).toBe(shared.caseNumber);
    });

    it('lets only the handling region act: FORBIDDEN to the region shared with, NOT_FOUND to any other', async () => {
      const shared = await sharedWithJiangsu();
      const before = await everything(testbed.dataSource);
      const caseNumber = shared.caseNumber;
      const { penalties } = testbed.services;
      const attempts: Array<[string, (scope: RegionScope) => Promise<unknown>]> = [
        ['startInvestigation', (scope) => cases.startInvestigation(scope, { caseNumber }, OFFICER)],
        [
          'propose',
          (scope) => penalties.propose(scope, { caseNumber, penalty: PenaltyKind.WARNING, summary: '警告' }, OFFICER),
        ],
        [
          'decide',
          (scope) =>
            penalties.decide(
              scope,
              { caseNumber, penalty: PenaltyKind.NO_PENALTY, decisionSummary: '不予处罚' },
              SUPERVISOR,
            ),
        ],
        ['close', (scope) => cases.close(scope, { caseNumber }, SUPERVISOR)],
        ['dismiss', (scope) => cases.dismiss(scope, { caseNumber, reason: '撤销' }, SUPERVISOR)],
        [
          'extendDeadline',
          (scope) => cases.extendDeadline(scope, { caseNumber, days: 10, reason: '延期' }, SUPERVISOR),
        ],
        [
          'share',
          (scope) => cases.share(scope, { caseNumber, regionCode: '310000', reason: '请上海协助核查' }, SUPERVISOR),
        ],
        ['revokeShare', (scope) => cases.revokeShare(scope, { caseNumber, regionCode: '320000' }, SUPERVISOR)],
      ];
      for (const [action, attempt] of attempts) {
        const byJiangsu = await expectDomainError(attempt(JIANGSU));
        expect([action, byJiangsu.extensions, byJiangsu.message]).toEqual([
          action,
          expect.objectContaining({ code: 'FORBIDDEN' }),
          `Case ${caseNumber} is shared with your region for reading; only the handling region 330106 acts on it`,
        ]);
        const byShanghai = await expectDomainError(attempt(SHANGHAI));
        expect([action, byShanghai.extensions]).toEqual([action, expect.objectContaining({ code: 'NOT_FOUND' })]);
      }
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect(await cases.startInvestigation(ZHEJIANG, { caseNumber }, 'zj-enforcement-officer')).toMatchObject({
        status: CaseStatus.INVESTIGATING,
        version: 3,
      });
    });

    it('refuses a region that sees the case already, a bad region or reason, and a second active share, writing nothing', async () => {
      const shared = await sharedWithJiangsu();
      const before = await everything(testbed.dataSource);
      const caseNumber = shared.caseNumber;
      const refusals: Array<[string, Parameters<EnforcementCaseService['share']>[1], Record<string, string>]> = [
        [
          'the handling region itself',
          { caseNumber, regionCode: '330106', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'the city above it',
          { caseNumber, regionCode: '330100', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'its province',
          { caseNumber, regionCode: '330000', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'an unknown region',
          { caseNumber, regionCode: '329999', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'the national code',
          { caseNumber, regionCode: '000000', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'a reason under four characters',
          { caseNumber, regionCode: '310000', reason: ' 核查 ' },
          { code: 'BAD_USER_INPUT', field: 'reason' },
        ],
        [
          'a reason over 500 characters',
          { caseNumber, regionCode: '310000', reason: '查'.repeat(501) },
          { code: 'BAD_USER_INPUT', field: 'reason' },
        ],
        [
          'an active share again',
          { caseNumber, regionCode: '320000', reason: '重复共享' },
          { code: 'CONFLICT', reason: 'ALREADY_SHARED' },
        ],
        [
          'a case nobody filed',
          { caseNumber: `330106${YEAR}999999`, regionCode: '310000', reason: REASON },
          { code: 'NOT_FOUND' },
        ],
      ];
      for (const [what, input, expected] of refusals) {
        const refused = await expectDomainError(cases.share(ZHEJIANG, input, 'zj-enforcement-supervisor'));
        expect([what, refused.extensions]).toEqual([what, expect.objectContaining(expected)]);
      }
      expect(await everything(testbed.dataSource)).toEqual(before);
      // A sibling county is not within the handling region: sharing there is allowed.
      await cases.share(
        ZHEJIANG,
        { caseNumber, regionCode: '330102', reason: '请上城区协助核查' },
        'zj-enforcement-supervisor',
      );
      expect((await cases.createSharesLoader(ZHEJIANG).load(shared.id)).map((share) => share.regionCode)).toEqual([
        '320000',
        '330102',
      ]);
    });

    it('of two identical shares at once, writes one and refuses the other', async () => {
      const hangzhou = await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER);
      const input = { caseNumber: hangzhou.caseNumber, regionCode: '320000', reason: REASON };
      const outcomes = await Promise.allSettled([
        cases.share(ZHEJIANG, input, 'one'),
        cases.share(ZHEJIANG, input, 'two'),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await testbed.dataSource.getRepository(CaseShare).countBy({ caseId: hangzhou.id })).toBe(1);
    });

    it('shows a region that sees the case only through a share just the shares within its scope, in one statement', async () => {
      const shared = await sharedWithJiangsu();
      await cases.share(
        ZHEJIANG,
        { caseNumber: shared.caseNumber, regionCode: '310000', reason: '请上海协助核查' },
        'zj-enforcement-supervisor',
      );
      await cases.share(
        ZHEJIANG,
        { caseNumber: shared.caseNumber, regionCode: '320583', reason: '请昆山协助核查' },
        'zj-enforcement-supervisor',
      );
      const other = await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER);
      await cases.share(
        ZHEJIANG,
        { caseNumber: other.caseNumber, regionCode: '320100', reason: '请南京协助核查' },
        'zj-enforcement-supervisor',
      );

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
});
