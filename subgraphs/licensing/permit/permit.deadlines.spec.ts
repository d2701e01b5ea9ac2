import { pageRequest } from '../../../platform/graphql/connection';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { OFFICER, REVIEWER } from '../licensing.fixture';
import { ApplicationStatus } from './application-status';
import type { PermitApplication } from './permit-application.entity';
import {
  actions,
  ACCEPTANCE_DAY,
  freight,
  JIANGSU,
  KUNSHAN_CARRIER,
  permitsPerTest,
  type PermitSpec,
  ZHEJIANG,
} from './permit.fixture';

// The statutory decision deadline in working days: its one extension, and the overdue, soon-due and
// pending lists.

describe('PermitService: the procedure', () => {
  let testbed: PermitSpec['testbed'],
    outside: PermitSpec['outside'],
    permits: PermitSpec['permits'],
    submitted: PermitSpec['submitted'],
    accepted: PermitSpec['accepted'];
  permitsPerTest((spec) => ({ testbed, outside, permits, submitted, accepted } = spec));

  describe('deadline extension', () => {
    it('moves the decision deadline once by 10 working days with a reviewer approval', async () => {
      const application = await accepted();
      const requested = await permits.requestExtension(
        JIANGSU,
        { applicationNumber: application.applicationNumber, reason: '需现场核查停车场地' },
        OFFICER,
      );
      expect(requested).toMatchObject({ extensionStatus: 'REQUESTED', decisionDueDate: '2026-10-19' });
      const approved = await permits.approveExtension(
        JIANGSU,
        { applicationNumber: application.applicationNumber, comment: '同意' },
        REVIEWER,
      );
      expect(approved).toMatchObject({
        extensionStatus: 'APPROVED',
        extensionDecidedBy: 'js-licensing-reviewer',
        decisionDueDate: '2026-11-02',
        status: ApplicationStatus.ACCEPTED,
      });
      const second = await expectDomainError(
        permits.requestExtension(
          JIANGSU,
          { applicationNumber: application.applicationNumber, reason: '再次延期' },
          OFFICER,
        ),
      );
      expect(second.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXTENSION_ALREADY_REQUESTED' });
      expect(await actions(testbed.dataSource, application.id)).toEqual([
        'SUBMIT:->SUBMITTED',
        'ACCEPT:SUBMITTED>ACCEPTED',
        'REQUEST_EXTENSION:ACCEPTED>ACCEPTED',
        'APPROVE_EXTENSION:ACCEPTED>ACCEPTED',
      ]);
    });

    it('is not asked once the deadline has passed, and a refusal needs a reason and keeps the deadline', async () => {
      const late = await accepted();
      outside.clock.now = new Date('2026-10-20T02:00:00Z');
      expect(
        (
          await expectDomainError(
            permits.requestExtension(JIANGSU, { applicationNumber: late.applicationNumber, reason: '来不及' }, OFFICER),
          )
        ).extensions,
      ).toMatchObject({ reason: 'DEADLINE_PASSED' });

      outside.clock.now = ACCEPTANCE_DAY;
      const refused = await accepted();
      await permits.requestExtension(
        JIANGSU,
        { applicationNumber: refused.applicationNumber, reason: '需专家评审' },
        OFFICER,
      );
      expect(
        (
          await expectDomainError(
            permits.refuseExtension(JIANGSU, { applicationNumber: refused.applicationNumber }, REVIEWER),
          )
        ).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
      const kept = await permits.refuseExtension(
        JIANGSU,
        { applicationNumber: refused.applicationNumber, comment: '材料已齐全，无需延期' },
        REVIEWER,
      );
      expect(kept).toMatchObject({ extensionStatus: 'REFUSED', decisionDueDate: '2026-10-19' });
    });
  });

  describe('overdue and soon-due applications', () => {
    it('lists them per region and per handling officer, on working days in China time', async () => {
      const nanjing = await accepted();
      const kunshan = await accepted(freight({ creditCode: KUNSHAN_CARRIER.creditCode, regionCode: '320583' }));
      const other = await submitted();
      await permits.accept(
        JIANGSU,
        { applicationNumber: other.applicationNumber },
        { username: 'nj-other-officer', roles: new Set(['licensing-officer']) },
      );
      await permits.approve(JIANGSU, { applicationNumber: kunshan.applicationNumber }, REVIEWER);
      const numbers = (connection: { edges: Array<{ node: PermitApplication }> }) =>
        connection.edges.map((edge) => edge.node.applicationNumber).sort();
      const all = { regionCode: null, officer: null };

      // Friday 16 October 2026: due on Monday the 19th, one working day ahead.
      outside.clock.now = new Date('2026-10-16T02:00:00Z');
      expect(numbers(await permits.listOverdue(JIANGSU, all, pageRequest({})))).toEqual([]);
      expect(numbers(await permits.listDueSoon(JIANGSU, all, 0, pageRequest({})))).toEqual([]);
      expect(numbers(await permits.listDueSoon(JIANGSU, all, 1, pageRequest({})))).toEqual(
        [nanjing.applicationNumber, other.applicationNumber].sort(),
      );
      expect(
        numbers(
          await permits.listDueSoon(JIANGSU, { regionCode: null, officer: 'nj-other-officer' }, 1, pageRequest({})),
        ),
      ).toEqual([other.applicationNumber]);
      expect(
        numbers(await permits.listDueSoon(JIANGSU, { regionCode: '320500', officer: null }, 5, pageRequest({}))),
      ).toEqual([]);
      expect(numbers(await permits.listDueSoon(ZHEJIANG, all, 5, pageRequest({})))).toEqual([]);

      // Tuesday 20 October: overdue by one working day; the approved one never is.
      outside.clock.now = new Date('2026-10-20T02:00:00Z');
      const overdue = await permits.listOverdue(
        JIANGSU,
        { regionCode: '320100', officer: 'js-licensing-officer' },
        pageRequest({}),
      );
      expect(numbers(overdue)).toEqual([nanjing.applicationNumber]);
      expect(permits.workingDaysLeft(overdue.edges[0].node)).toBe(-1);
      expect(
        (await expectDomainError(permits.listDueSoon(JIANGSU, all, 31, pageRequest({})))).extensions,
      ).toMatchObject({
        field: 'withinWorkingDays',
      });
    });

    it("lists an officer's pending applications across the statuses still waiting", async () => {
      const waiting = await accepted();
      const done = await accepted();
      await permits.reject(JIANGSU, { applicationNumber: done.applicationNumber, reason: '不符合条件' }, REVIEWER);
      const pending = await permits.listPending(
        JIANGSU,
        { regionCode: null, officer: 'js-licensing-officer' },
        pageRequest({}),
      );
      expect(pending.edges.map((edge) => edge.node.applicationNumber)).toEqual([waiting.applicationNumber]);
    });
  });
});
