import type { DataSource } from 'typeorm';
import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { DEMO_ENTERPRISES } from '../../../platform/demo/demo-dataset';
import { pageRequest } from '../../../platform/graphql/connection';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { licensingStandIns, type LicensingStandIns, OFFICER, REVIEWER } from '../licensing.fixture';
import { licensingSubgraph } from '../licensing.subgraph';
import type { Actor } from './actor';
import { ApplicationStatus, ReviewRecommendation } from './application-status';
import { ApplicationTransition } from './application-transition.entity';
import type { SubmitPermitApplicationInput } from './inputs/permit-application.inputs';
import { PermitApplication } from './permit-application.entity';
import { PERMIT_KINDS, PermitKind } from './permit-kind';
import { Permit } from './permit.entity';
import type { PermitService } from './permit.service';
import { attachStandInMaterials } from '../attachment/stand-in-materials';

const NANJING_CARRIER = DEMO_ENTERPRISES[0]; // 320102
const KUNSHAN_CARRIER = DEMO_ENTERPRISES[2]; // 320583
const HANGZHOU_CARRIER = DEMO_ENTERPRISES[5]; // 330106
const JIANGSU = scopeIn('320000');
const ZHEJIANG = scopeIn('330000');
const NANJING = scopeIn('320100');
const PDF = Buffer.from('%PDF-1.7 材料扫描件').toString('base64');

/** Tuesday 15 September 2026, 10:00 China time: 20 working days later is Monday 19 October (see the calendar spec). */
const ACCEPTANCE_DAY = new Date('2026-09-15T02:00:00Z');

function freight(overrides: Partial<SubmitPermitApplicationInput> = {}): SubmitPermitApplicationInput {
  return {
    creditCode: NANJING_CARRIER.creditCode,
    kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
    scope: '普通货运',
    regionCode: NANJING_CARRIER.regionCode,
    ...overrides,
  };
}

/** Everything the workflow writes, to show a refused action wrote nothing. */
async function everything(dataSource: DataSource) {
  return {
    applications: await dataSource.getRepository(PermitApplication).find({ order: { id: 'ASC' } }),
    transitions: await dataSource.getRepository(ApplicationTransition).count(),
    permits: await dataSource.getRepository(Permit).count(),
    outbox: await dataSource.getRepository(OutboxMessage).count(),
  };
}

async function actions(dataSource: DataSource, applicationId: number): Promise<string[]> {
  const rows = await dataSource
    .getRepository(ApplicationTransition)
    .find({ where: { applicationId }, order: { id: 'ASC' } });
  return rows.map((row) => `${row.action}:${row.fromStatus ?? '-'}>${row.toStatus}`);
}

describe('the permit kinds table', () => {
  it('declares for every kind its materials, the roles of each step and its statutory deadlines', () => {
    expect(Object.keys(PERMIT_KINDS).sort()).toEqual(Object.values(PermitKind).sort());
    for (const definition of Object.values(PERMIT_KINDS)) {
      const codes = definition.materials.map((material) => material.code);
      expect(codes.length).toBeGreaterThanOrEqual(4);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toContain('APPLICATION_FORM');
      for (const step of ['submit', 'accept', 'review', 'decide'] as const)
        expect(definition.roles[step].length).toBeGreaterThan(0);
      expect(definition.extensionWorkingDays).toBe(10);
      expect(definition.issueWorkingDays).toBe(10);
    }
    expect(PERMIT_KINDS.ROAD_FREIGHT_TRANSPORT.decisionWorkingDays).toBe(20);
    expect(PERMIT_KINDS.CROSS_PROVINCE_OVERSIZE_TRANSPORT.decisionWorkingDays).toBe(15);
    expect(PERMIT_KINDS.HIGHWAY_CONSTRUCTION).toMatchObject({ investmentProjectRequired: true, reviewRequired: true });
    expect(PERMIT_KINDS.CROSS_PROVINCE_OVERSIZE_TRANSPORT.parallelApprovalByRoute).toBe(true);
  });
});

describe('PermitService: the procedure', () => {
  let testbed: TestbedOf<typeof licensingSubgraph>;
  let outside: LicensingStandIns;
  let permits: PermitService;
  beforeEach(async () => {
    outside = licensingStandIns(ACCEPTANCE_DAY);
    testbed = await openSubgraphTestbed(licensingSubgraph, { externals: outside.externals });
    permits = testbed.services.permits;
    for (const enterprise of [NANJING_CARRIER, KUNSHAN_CARRIER, HANGZHOU_CARRIER])
      await testbed.services.enterprises.register(SYSTEM_SCOPE, enterprise);
  });
  afterEach(async () => {
    await testbed.close();
  });

  /** A submitted application with every material its kind requires attached. */
  const submitted = async (input = freight(), actor: Actor = OFFICER) => {
    const application = await permits.submit(JIANGSU, input, actor);
    await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER);
    return application;
  };
  const accepted = async (input = freight()) => {
    const application = await submitted(input);
    return permits.accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
  };

  it('submits, accepts with the deadline in working days, approves and issues the permit with its certificate in one transaction', async () => {
    const application = await submitted();
    expect(application).toMatchObject({
      status: ApplicationStatus.SUBMITTED,
      submittedBy: 'js-licensing-officer',
      version: 1,
      decisionDueDate: null,
    });

    const acceptance = await permits.accept(
      JIANGSU,
      { applicationNumber: application.applicationNumber, expectedVersion: 1 },
      OFFICER,
    );
    expect(acceptance).toMatchObject({
      status: ApplicationStatus.ACCEPTED,
      handlingOfficer: 'js-licensing-officer',
      decisionDueDate: '2026-10-19',
      version: 2,
    });
    expect(permits.workingDaysLeft(acceptance)).toBe(20);

    const { application: approved, permit } = await permits.approve(
      JIANGSU,
      { applicationNumber: application.applicationNumber, expectedVersion: 2, conditions: '限普通货运' },
      REVIEWER,
    );
    expect(approved).toMatchObject({
      status: ApplicationStatus.APPROVED,
      decidedBy: 'js-licensing-reviewer',
      decisionComment: '限普通货运',
      permitNumber: permit!.number,
    });
    expect(permit).toMatchObject({
      kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
      creditCode: NANJING_CARRIER.creditCode,
      regionCode: '320102',
      validFrom: '2026-09-15',
      validUntil: '2030-09-14',
    });
    expect(outside.certificates.issued).toEqual([{ permitNumber: permit!.number, inTransaction: true }]);
    const outbox = await testbed.dataSource.getRepository(OutboxMessage).findBy({ eventType: 'permit.issued' });
    expect(
      outbox.map((message) => (JSON.parse(message.envelope) as EventEnvelope<'permit.issued'>).payload.permitNumber),
    ).toEqual([permit!.number]);
    expect(await actions(testbed.dataSource, application.id)).toEqual([
      'SUBMIT:->SUBMITTED',
      'ACCEPT:SUBMITTED>ACCEPTED',
      'APPROVE:ACCEPTED>APPROVED',
      'ISSUE:APPROVED>APPROVED',
    ]);
    const issue = await testbed.dataSource
      .getRepository(ApplicationTransition)
      .findOneByOrFail({ applicationId: application.id, action: 'ISSUE' as never });
    expect(issue.comment).toBe(
      `Permit ${permit!.number} issued, valid 2026-09-15 to 2030-09-14; electronic certificate CERT-${permit!.number}`,
    );
  });

  it('writes nothing when the certificate cannot be issued: no permit without its certificate', async () => {
    const application = await accepted();
    const before = await everything(testbed.dataSource);
    outside.certificates.fails = true;
    await expect(
      permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER),
    ).rejects.toThrow('signing key unavailable');
    expect(await everything(testbed.dataSource)).toEqual(before);
  });

  it('refuses a stale version and an illegal step with CONFLICT, writing nothing', async () => {
    const application = await accepted();
    const before = await everything(testbed.dataSource);
    const stale = await expectDomainError(
      permits.approve(JIANGSU, { applicationNumber: application.applicationNumber, expectedVersion: 1 }, REVIEWER),
    );
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const illegal = await expectDomainError(
      permits.accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
    );
    expect(illegal.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(illegal.message).toBe(
      `Application ${application.applicationNumber} is ACCEPTED; ACCEPT is not possible now`,
    );
    expect(await everything(testbed.dataSource)).toEqual(before);
  });

  it('lets exactly one of two decisions on the same version win', async () => {
    const application = await accepted();
    const input = { applicationNumber: application.applicationNumber, expectedVersion: application.version };
    const outcomes = await Promise.allSettled([
      permits.approve(JIANGSU, { ...input, conditions: null }, REVIEWER),
      permits.reject(JIANGSU, { ...input, reason: '经营场所不符合要求' }, REVIEWER),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')!;
    expect(loser.reason).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } });
    expect(
      await testbed.dataSource.getRepository(ApplicationTransition).countBy({ applicationId: application.id }),
    ).toBe(outcomes[0].status === 'fulfilled' ? 4 : 3);
  });

  it("checks each step against the kind's roles", async () => {
    const application = await accepted();
    const refusal = await expectDomainError(
      permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
    );
    expect(refusal.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal.message).toBe('Only licensing-reviewer may decide ROAD_FREIGHT_TRANSPORT applications');
    expect((await expectDomainError(permits.submit(JIANGSU, freight(), REVIEWER))).extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('keeps applications within region scope: outside it they do not exist, and nobody submits to another region', async () => {
    const application = await submitted();
    expect(await permits.findApplication(ZHEJIANG, application.applicationNumber)).toBeNull();
    expect(
      (await expectDomainError(permits.accept(ZHEJIANG, { applicationNumber: application.applicationNumber }, OFFICER)))
        .extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (
        await expectDomainError(
          permits.submit(JIANGSU, freight({ creditCode: HANGZHOU_CARRIER.creditCode, regionCode: '330106' }), OFFICER),
        )
      ).extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    // Nanjing's officer does not see Kunshan's enterprise, so cannot apply for it.
    expect(
      (
        await expectDomainError(
          permits.submit(NANJING, freight({ creditCode: KUNSHAN_CARRIER.creditCode, regionCode: '320583' }), OFFICER),
        )
      ).extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await everything(testbed.dataSource);
    const cases: Array<[Partial<SubmitPermitApplicationInput>, string]> = [
      [{ scope: '  ' }, 'scope'],
      [{ routeProvinceCodes: ['320000', '330000'] }, 'routeProvinceCodes'],
      [{ investmentProjectCode: '2025-320500-48-01-000123' }, 'investmentProjectCode'],
      [{ regionCode: '329999' }, 'regionCode'],
    ];
    for (const [overrides, field] of cases) {
      expect((await expectDomainError(permits.submit(JIANGSU, freight(overrides), OFFICER))).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(await everything(testbed.dataSource)).toEqual(before);
  });

  describe('return with one notice (一次性告知) and resubmission', () => {
    it('returns once with every missing material, and takes the resubmission only when they are attached', async () => {
      const application = await permits.submit(JIANGSU, freight(), OFFICER);
      await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER, [
        'DRIVER_QUALIFICATIONS',
        'SAFETY_MANAGEMENT_RULES',
      ]);
      const returned = await permits.returnForCorrection(
        JIANGSU,
        {
          applicationNumber: application.applicationNumber,
          expectedVersion: 1,
          missingMaterialCodes: ['DRIVER_QUALIFICATIONS', 'SAFETY_MANAGEMENT_RULES'],
          note: '驾驶员从业资格证已过期；缺安全生产管理制度',
        },
        OFFICER,
      );
      expect(returned).toMatchObject({
        status: ApplicationStatus.RETURNED,
        returnedMaterialCodes: 'DRIVER_QUALIFICATIONS,SAFETY_MANAGEMENT_RULES',
        handlingOfficer: 'js-licensing-officer',
      });

      const early = await expectDomainError(
        permits.resubmit(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
      );
      expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MATERIALS_STILL_MISSING' });
      expect(early.message).toBe(
        `Attach DRIVER_QUALIFICATIONS, SAFETY_MANAGEMENT_RULES to application ${application.applicationNumber} before resubmitting it`,
      );

      outside.clock.now = new Date(ACCEPTANCE_DAY.getTime() + 3600_000);
      await testbed.services.materials.attach(
        JIANGSU,
        {
          applicationNumber: application.applicationNumber,
          materialCode: 'DRIVER_QUALIFICATIONS',
          fileName: '从业资格证.pdf',
          contentBase64: PDF,
        },
        OFFICER,
      );
      const stillOne = await expectDomainError(
        permits.resubmit(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
      );
      expect(stillOne.message).toMatch(/^Attach SAFETY_MANAGEMENT_RULES to/);
      await testbed.services.materials.attach(
        JIANGSU,
        {
          applicationNumber: application.applicationNumber,
          materialCode: 'SAFETY_MANAGEMENT_RULES',
          fileName: '安全生产管理制度.pdf',
          contentBase64: PDF,
        },
        OFFICER,
      );
      const resubmitted = await permits.resubmit(
        JIANGSU,
        { applicationNumber: application.applicationNumber, comment: '已补正' },
        OFFICER,
      );
      expect(resubmitted.status).toBe(ApplicationStatus.SUBMITTED);

      const again = await expectDomainError(
        permits.returnForCorrection(
          JIANGSU,
          {
            applicationNumber: application.applicationNumber,
            missingMaterialCodes: ['APPLICATION_FORM'],
            note: '申请表未盖章',
          },
          OFFICER,
        ),
      );
      expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RETURNED' });
      expect(await actions(testbed.dataSource, application.id)).toEqual([
        'SUBMIT:->SUBMITTED',
        'RETURN:SUBMITTED>RETURNED',
        'RESUBMIT:RETURNED>SUBMITTED',
      ]);
    });

    it('refuses a notice naming materials the kind does not require, writing nothing', async () => {
      const application = await submitted();
      const before = await everything(testbed.dataSource);
      const refusal = await expectDomainError(
        permits.returnForCorrection(
          JIANGSU,
          {
            applicationNumber: application.applicationNumber,
            missingMaterialCodes: ['EMERGENCY_PLAN', 'APPLICATION_FORM'],
            note: '缺应急预案',
          },
          OFFICER,
        ),
      );
      expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'missingMaterialCodes' });
      expect(refusal.message).toMatch(/does not require: EMERGENCY_PLAN/);
      expect(
        (
          await expectDomainError(
            permits.returnForCorrection(
              JIANGSU,
              { applicationNumber: application.applicationNumber, missingMaterialCodes: [], note: 'x' },
              OFFICER,
            ),
          )
        ).extensions,
      ).toMatchObject({
        field: 'missingMaterialCodes',
      });
      expect(await everything(testbed.dataSource)).toEqual(before);
    });
  });

  describe('review before decision', () => {
    const passenger = () =>
      freight({
        creditCode: NANJING_CARRIER.creditCode,
        kind: PermitKind.ROAD_PASSENGER_TRANSPORT,
        scope: '省际班车客运',
      });

    it('needs a review opinion first where the kind requires one', async () => {
      const application = await accepted(passenger());
      const early = await expectDomainError(
        permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER),
      );
      expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_REQUIRED' });
      const reviewed = await permits.review(
        JIANGSU,
        {
          applicationNumber: application.applicationNumber,
          recommendation: ReviewRecommendation.APPROVE,
          opinion: '车辆、驾驶员条件符合要求',
        },
        REVIEWER,
      );
      expect(reviewed).toMatchObject({
        status: ApplicationStatus.REVIEWED,
        reviewRecommendation: 'APPROVE',
        reviewedBy: 'js-licensing-reviewer',
      });
      const { application: approved } = await permits.approve(
        JIANGSU,
        { applicationNumber: application.applicationNumber },
        REVIEWER,
      );
      expect(approved.status).toBe(ApplicationStatus.APPROVED);
      expect(await actions(testbed.dataSource, application.id)).toEqual([
        'SUBMIT:->SUBMITTED',
        'ACCEPT:SUBMITTED>ACCEPTED',
        'REVIEW:ACCEPTED>REVIEWED',
        'APPROVE:REVIEWED>APPROVED',
        'ISSUE:APPROVED>APPROVED',
      ]);
    });
  });

  describe('withdrawal', () => {
    it('is possible until the decision and not after it', async () => {
      const pending = await accepted();
      expect(
        (
          await permits.withdraw(
            JIANGSU,
            { applicationNumber: pending.applicationNumber, reason: '企业暂停该项业务' },
            OFFICER,
          )
        ).status,
      ).toBe(ApplicationStatus.WITHDRAWN);
      const decided = await accepted();
      await permits.approve(JIANGSU, { applicationNumber: decided.applicationNumber }, REVIEWER);
      expect(
        (
          await expectDomainError(
            permits.withdraw(JIANGSU, { applicationNumber: decided.applicationNumber, reason: '撤回' }, OFFICER),
          )
        ).extensions,
      ).toMatchObject({
        code: 'CONFLICT',
        reason: 'ILLEGAL_TRANSITION',
      });
    });
  });

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
