import { investmentProjectCheckCharacter } from '../subgraphs/licensing/platforms/investment-project-code';
import {
  DEMO_PROJECT_APPROVED_WITH_AWARD,
  DEMO_PROJECT_HANGZHOU,
  DEMO_PROJECT_PENDING,
  DEMO_PROJECT_WITHOUT_AWARD,
} from '../subgraphs/licensing/platforms/demo-platform-data';
import { readState } from './harness/harness-state';
import { attachRequiredMaterials } from './harness/permit-materials';
import { eventually, graphql, query, requestSqlStatements, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

// The national platform links through the gateway: the investment project approval platform
// (投资项目在线审批监管平台) confirms a construction application's project and receives the decision
// (办理结果回传); the public resource trading platform (公共资源交易平台) must hold the tender award before
// approval. Both are the simulators the harness starts; their control API switches outages on and off.

interface ReceivedReport {
  receiptNumber: string;
  deliveries: number;
  report: {
    applicationNumber: string;
    projectCode: string;
    decision: string;
    permitNumber: string | null;
    authorityRegionCode: string;
    comment: string | null;
  };
}

const platformUrl = (platform: 'investment' | 'trading') =>
  readState().environment[platform === 'investment' ? 'INVESTMENT_PLATFORM_URL' : 'TRADING_PLATFORM_URL'];

async function switchPlatform(
  platform: 'investment' | 'trading',
  switches: { down?: boolean; latencyMs?: number; errorRate?: number },
): Promise<void> {
  const response = await fetch(`${platformUrl(platform)}/control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(switches),
  });
  if (!response.ok) throw new Error(`control of the ${platform} simulator answered ${response.status}`);
}

async function receivedReports(applicationNumber: string): Promise<ReceivedReport[]> {
  const body = (await (await fetch(`${platformUrl('investment')}/received-reports`)).json()) as {
    reports: ReceivedReport[];
  };
  return body.reports.filter((entry) => entry.report.applicationNumber === applicationNumber);
}

const REPORT_FIELDS = 'state attempts lastError deliveredAt receiptNumber decision projectCode regionCode';
const APPLICATION = `query ($number: String!) { permitApplication(applicationNumber: $number) { applicationNumber status version investmentProjectCode permitNumber pendingVerification decidedBy platformReport { ${REPORT_FIELDS} } } }`;
const SUBMIT = `mutation ($input: SubmitPermitApplicationInput!) { submitPermitApplication(input: $input) { application { applicationNumber status investmentProjectCode platformReport { state } } } }`;
const ACCEPT = `mutation ($input: ApplicationActionInput!) { acceptPermitApplication(input: $input) { application { status version } } }`;
const REVIEW = `mutation ($input: ReviewPermitApplicationInput!) { reviewPermitApplication(input: $input) { application { status version } } }`;
const APPROVE = `mutation ($input: ApprovePermitApplicationInput!) { approvePermitApplication(input: $input) { application { status } permit { number } } }`;
const REJECT = `mutation ($input: RejectPermitApplicationInput!) { rejectPermitApplication(input: $input) { application { status } } }`;
const REPORTS = `query ($state: PlatformReportState, $after: String) { platformReports(state: $state, first: 100, after: $after) { totalCount edges { node { applicationNumber ${REPORT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const COUNT_IN_REGION = `query ($region: String!) { permitApplications(regionCode: $region, first: 1) { totalCount } }`;

interface PlatformReportView {
  state: 'PENDING' | 'DELIVERED';
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  receiptNumber: string | null;
  decision: string;
  projectCode: string;
  regionCode: string;
}
interface ApplicationView {
  applicationNumber: string;
  status: string;
  version: number;
  investmentProjectCode: string | null;
  permitNumber: string | null;
  pendingVerification: string | null;
  decidedBy: string | null;
  platformReport: PlatformReportView | null;
}

/** A valid code (shape, year, region, check character) that no platform knows. */
function unknownProjectCode(): string {
  const body = `2025-320500-48-01-${String(90000 + Math.floor(Math.random() * 9999)).padStart(5, '0')}`;
  return `${body}${investmentProjectCheckCharacter(body.replace(/-/g, ''))}`;
}

describe('national platform links', () => {
  let officer: string;
  let reviewer: string;
  let enterprise: { creditCode: string; regionCode: string };

  const application = async (number: string, token = officer) =>
    (await query<{ permitApplication: ApplicationView }>(token, APPLICATION, { number })).permitApplication;
  const construction = (projectCode: string | null, overrides: Record<string, unknown> = {}) => ({
    creditCode: enterprise.creditCode,
    kind: 'HIGHWAY_CONSTRUCTION',
    scope: '高速公路改扩建工程施工',
    regionCode: enterprise.regionCode,
    ...(projectCode === null ? {} : { investmentProjectCode: projectCode }),
    ...overrides,
  });
  /** Submitted, accepted and reviewed: a construction permit is decided after a review opinion (permitKinds). */
  async function reviewedApplication(
    projectCode: string,
    token = officer,
    input = construction(projectCode),
    reviewerToken = reviewer,
  ): Promise<string> {
    const submitted = await query<{ submitPermitApplication: { application: { applicationNumber: string } } }>(
      token,
      SUBMIT,
      { input },
    );
    const applicationNumber = submitted.submitPermitApplication.application.applicationNumber;
    await attachRequiredMaterials(token, applicationNumber, 'HIGHWAY_CONSTRUCTION');
    await query(token, ACCEPT, { input: { applicationNumber } });
    await query(reviewerToken, REVIEW, {
      input: { applicationNumber, recommendation: 'APPROVE', opinion: '施工图设计已批复，资金已落实' },
    });
    return applicationNumber;
  }
  async function allReports(
    token: string,
    state: 'PENDING' | 'DELIVERED' | null = null,
  ): Promise<Array<PlatformReportView & { applicationNumber: string }>> {
    const nodes: Array<PlatformReportView & { applicationNumber: string }> = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        platformReports: {
          edges: Array<{ node: PlatformReportView & { applicationNumber: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await query(token, REPORTS, { state, after });
      nodes.push(...page.platformReports.edges.map((edge) => edge.node));
      if (!page.platformReports.pageInfo.hasNextPage) return nodes;
      after = page.platformReports.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    officer = await tokenFor('js-licensing-officer');
    reviewer = await tokenFor('js-licensing-reviewer');
    enterprise = await story(officer).enterprise('320500', '苏州测试路桥建设有限公司');
  });
  afterEach(async () => {
    await switchPlatform('investment', { down: false, latencyMs: 0, errorRate: 0 });
    await switchPlatform('trading', { down: false, latencyMs: 0, errorRate: 0 });
  });

  it('refuses a construction application whose project code is missing, malformed, unknown or not approved, naming the field and writing nothing', async () => {
    const before = (
      await query<{ permitApplications: { totalCount: number } }>(officer, COUNT_IN_REGION, { region: '320500' })
    ).permitApplications.totalCount;
    const refusals: Array<[Record<string, unknown>, RegExp]> = [
      [construction(null), /investmentProjectCode is required for a highway construction permit/],
      [construction('2025-320500-48-01-00012'), /must have the shape YYYY-RRRRRR-DD-TT-NNNNNC/],
      [construction('2025-320500-48-01-000124'), /check character does not match/],
      [construction(unknownProjectCode()), /is not known to the national investment project approval platform/],
      [
        construction(DEMO_PROJECT_PENDING),
        /is PENDING on the national investment project approval platform, not APPROVED/,
      ],
      [
        construction(DEMO_PROJECT_APPROVED_WITH_AWARD, { kind: 'ROAD_FREIGHT_TRANSPORT' }),
        /applies only to highway construction permits/,
      ],
    ];
    for (const [input, message] of refusals) {
      const result = await graphql(SUBMIT, { input }, { token: officer });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'investmentProjectCode' });
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    const after = (
      await query<{ permitApplications: { totalCount: number } }>(officer, COUNT_IN_REGION, { region: '320500' })
    ).permitApplications.totalCount;
    expect(after).toBe(before);
  });

  it('takes a construction application through to the permit with its project confirmed, and reports the decision to the platform once', async () => {
    const submitted = await query<{ submitPermitApplication: { application: ApplicationView } }>(officer, SUBMIT, {
      input: construction(DEMO_PROJECT_APPROVED_WITH_AWARD),
    });
    expect(submitted.submitPermitApplication.application).toMatchObject({
      status: 'SUBMITTED',
      investmentProjectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
      platformReport: null,
    });
    const { applicationNumber } = submitted.submitPermitApplication.application;
    await attachRequiredMaterials(officer, applicationNumber, 'HIGHWAY_CONSTRUCTION');
    await query(officer, ACCEPT, { input: { applicationNumber } });
    await query(reviewer, REVIEW, {
      input: { applicationNumber, recommendation: 'APPROVE', opinion: '施工图设计已批复' },
    });
    const approved = await query<{
      approvePermitApplication: { application: { status: string }; permit: { number: string } };
    }>(reviewer, APPROVE, {
      input: { applicationNumber, conditions: '按批准的施工图设计施工' },
    });
    expect(approved.approvePermitApplication.application.status).toBe('APPROVED');
    const permitNumber = approved.approvePermitApplication.permit.number;

    const report = await eventually(async () => {
      const seen = (await application(applicationNumber)).platformReport;
      expect(seen?.state).toBe('DELIVERED');
      return seen!;
    });
    const received = await receivedReports(applicationNumber);
    expect(received).toHaveLength(1);
    expect(received[0].report).toMatchObject({
      projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
      decision: 'APPROVED',
      permitNumber,
      authorityRegionCode: '320500',
      comment: '按批准的施工图设计施工',
    });
    expect(report).toMatchObject({
      decision: 'APPROVED',
      projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
      regionCode: '320500',
      attempts: 1,
      lastError: null,
      receiptNumber: received[0].receiptNumber,
    });
  });

  it('does not approve a construction permit without a tender award on record, and changes nothing', async () => {
    const applicationNumber = await reviewedApplication(DEMO_PROJECT_WITHOUT_AWARD);
    const before = await application(applicationNumber);
    const result = await graphql(APPROVE, { input: { applicationNumber } }, { token: reviewer });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TENDER_AWARD_MISSING' });
    expect(await application(applicationNumber)).toEqual(before);
    // Refusing it is still possible, and is reported like any decision.
    await query(reviewer, REJECT, { input: { applicationNumber, reason: '未取得中标结果' } });
    await eventually(async () =>
      expect((await application(applicationNumber)).platformReport?.state).toBe('DELIVERED'),
    );
  });

  // Deliberately changed with the full permit workflow: an unreachable platform no longer refuses the
  // officer (SERVICE_UNAVAILABLE); the application waits, visibly, and is checked again until it answers.
  it('keeps an application submitted while the investment platform is down waiting, visibly, and moves it on when the platform answers', async () => {
    await switchPlatform('investment', { down: true });
    const submitted = await query<{ submitPermitApplication: { application: ApplicationView } }>(officer, SUBMIT, {
      input: construction(DEMO_PROJECT_APPROVED_WITH_AWARD),
    });
    const { applicationNumber } = submitted.submitPermitApplication.application;
    expect(await application(applicationNumber)).toMatchObject({
      status: 'AWAITING_EXTERNAL_VERIFICATION',
      pendingVerification: 'PROJECT_APPROVAL',
    });
    // Nobody accepts it meanwhile.
    const accept = await graphql(ACCEPT, { input: { applicationNumber } }, { token: officer });
    expect(accept.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    await switchPlatform('investment', { down: false });
    await eventually(
      async () =>
        expect(await application(applicationNumber)).toMatchObject({ status: 'SUBMITTED', pendingVerification: null }),
      30_000,
    );
  });

  it('keeps decisions taken while the investment platform is down as pending reports, visible to officers, and delivers each exactly once when it is back', async () => {
    const numbers = [
      await reviewedApplication(DEMO_PROJECT_APPROVED_WITH_AWARD),
      await reviewedApplication(DEMO_PROJECT_APPROVED_WITH_AWARD),
      await reviewedApplication(DEMO_PROJECT_APPROVED_WITH_AWARD),
    ];
    await switchPlatform('investment', { down: true });
    // Deciding does not wait for the platform: the report is recorded with the decision.
    await query(reviewer, APPROVE, { input: { applicationNumber: numbers[0] } });
    await query(reviewer, APPROVE, { input: { applicationNumber: numbers[1] } });
    await query(reviewer, REJECT, { input: { applicationNumber: numbers[2], reason: '施工组织设计不符合要求' } });

    for (const applicationNumber of numbers) {
      const pending = await eventually(async () => {
        const report = (await application(applicationNumber)).platformReport;
        expect(report?.attempts).toBeGreaterThanOrEqual(1);
        return report!;
      });
      expect(pending).toMatchObject({ state: 'PENDING', deliveredAt: null, receiptNumber: null });
      expect(pending.lastError).toMatch(/^investment platform is unavailable/);
    }
    const pendingList = (await allReports(officer, 'PENDING')).map((report) => report.applicationNumber);
    expect(pendingList).toEqual(expect.arrayContaining(numbers));
    expect((await allReports(reviewer, 'DELIVERED')).map((report) => report.applicationNumber)).not.toContain(
      numbers[0],
    );
    for (const applicationNumber of numbers) expect(await receivedReports(applicationNumber)).toEqual([]);

    await switchPlatform('investment', { down: false });
    await eventually(async () => {
      const delivered = (await allReports(officer, 'DELIVERED')).map((report) => report.applicationNumber);
      expect(delivered).toEqual(expect.arrayContaining(numbers));
    }, 30_000);
    for (const [index, applicationNumber] of numbers.entries()) {
      const received = await receivedReports(applicationNumber);
      expect(received).toHaveLength(1);
      expect(received[0].report.decision).toBe(index < 2 ? 'APPROVED' : 'REJECTED');
      const report = (await application(applicationNumber)).platformReport!;
      expect(report).toMatchObject({ state: 'DELIVERED', lastError: null, receiptNumber: received[0].receiptNumber });
      expect(report.attempts).toBeGreaterThanOrEqual(2);
    }
    expect((await allReports(officer, 'PENDING')).map((report) => report.applicationNumber)).not.toContain(numbers[0]);
  });

  it('retries a report whose answer was lost; the platform records it once', async () => {
    const applicationNumber = await reviewedApplication(DEMO_PROJECT_APPROVED_WITH_AWARD);
    // Slower than PLATFORM_TIMEOUT_MS (2000 in the harness): the platform handles the report, the relay never hears back.
    await switchPlatform('investment', { latencyMs: 3000 });
    await query(reviewer, APPROVE, { input: { applicationNumber } });
    await eventually(
      async () => expect((await application(applicationNumber)).platformReport?.lastError).toMatch(/no answer within/),
      30_000,
    );
    await switchPlatform('investment', { latencyMs: 0 });
    await eventually(
      async () => expect((await application(applicationNumber)).platformReport?.state).toBe('DELIVERED'),
      30_000,
    );
    const received = await receivedReports(applicationNumber);
    expect(received).toHaveLength(1);
    expect(received[0].deliveries).toBeGreaterThanOrEqual(2);
  });

  // Deliberately changed with the full permit workflow: the approval waits for the tender award check
  // instead of being refused with SERVICE_UNAVAILABLE; it is never completed unverified.
  it('holds an approval while the trading platform is down, issuing nothing, and completes it once the award is confirmed', async () => {
    const applicationNumber = await reviewedApplication(DEMO_PROJECT_APPROVED_WITH_AWARD);
    const before = await application(applicationNumber);
    await switchPlatform('trading', { down: true });
    const result = await query<{
      approvePermitApplication: { application: { status: string }; permit: { number: string } | null };
    }>(reviewer, APPROVE, {
      input: { applicationNumber, expectedVersion: before.version },
    });
    expect(result.approvePermitApplication).toEqual({
      application: { status: 'AWAITING_EXTERNAL_VERIFICATION' },
      permit: null,
    });
    const waiting = await application(applicationNumber);
    expect(waiting).toMatchObject({
      status: 'AWAITING_EXTERNAL_VERIFICATION',
      pendingVerification: 'TENDER_AWARD',
      permitNumber: null,
      platformReport: null,
    });

    await switchPlatform('trading', { down: false });
    const approved = await eventually(async () => {
      const seen = await application(applicationNumber);
      expect(seen).toMatchObject({ status: 'APPROVED', decidedBy: 'js-licensing-reviewer', pendingVerification: null });
      return seen;
    }, 30_000);
    expect(approved.permitNumber).not.toBeNull();
    await eventually(
      async () => expect((await application(applicationNumber)).platformReport?.state).toBe('DELIVERED'),
      30_000,
    );
    const received = await receivedReports(applicationNumber);
    expect(received).toHaveLength(1);
    expect(received[0].report).toMatchObject({ decision: 'APPROVED', permitNumber: approved.permitNumber });
  });

  it('shows reports only to licensing staff, and only those of authorities in their region', async () => {
    const admin = await tokenFor('ministry-admin');
    const hangzhou = await story(admin).enterprise('330100', '杭州测试交通工程有限公司');
    const hangzhouApplication = await reviewedApplication(
      DEMO_PROJECT_HANGZHOU,
      admin,
      { ...construction(DEMO_PROJECT_HANGZHOU), creditCode: hangzhou.creditCode, regionCode: '330100' },
      admin,
    );
    await query(admin, APPROVE, { input: { applicationNumber: hangzhouApplication } });
    const jiangsuApplication = await reviewedApplication(DEMO_PROJECT_APPROVED_WITH_AWARD);
    await query(reviewer, REJECT, {
      input: { applicationNumber: jiangsuApplication, reason: '安全生产条件不符合要求' },
    });

    await eventually(async () => {
      const national = (await allReports(admin)).map((report) => report.applicationNumber);
      expect(national).toEqual(expect.arrayContaining([hangzhouApplication, jiangsuApplication]));
    });
    const jiangsu = await allReports(reviewer);
    expect(jiangsu.map((report) => report.applicationNumber)).toContain(jiangsuApplication);
    expect(jiangsu.map((report) => report.applicationNumber)).not.toContain(hangzhouApplication);
    expect(jiangsu.every((report) => report.regionCode.startsWith('32'))).toBe(true);
    const zhejiang = await allReports(await tokenFor('zj-licensing-officer'));
    expect(zhejiang.map((report) => report.applicationNumber)).toEqual([hangzhouApplication]);

    // Enforcement reads permit applications, not their reports to the platforms.
    const enforcement = await tokenFor('js-enforcement-supervisor');
    const list = await graphql(REPORTS, {}, { token: enforcement });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const field = await graphql<{ permitApplication: { applicationNumber: string; platformReport: unknown } | null }>(
      APPLICATION,
      { number: jiangsuApplication },
      { token: enforcement },
    );
    expect(field.errors?.[0]).toMatchObject({
      path: ['permitApplication', 'platformReport'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(field.data?.permitApplication?.applicationNumber).toBe(jiangsuApplication);
  });

  it('loads the reports of a page of applications in as many statements for 20 applications as for one (no N+1)', async () => {
    const LIST = `query ($first: Int!) { permitApplications(regionCode: "320500", first: $first) { edges { node { applicationNumber platformReport { state } } } } }`;
    const statements = async (first: number) => {
      const before = await requestSqlStatements();
      const data = await query<{ permitApplications: { edges: Array<{ node: { platformReport: unknown } }> } }>(
        officer,
        LIST,
        { first },
      );
      return {
        count: (await requestSqlStatements()) - before,
        withReports: data.permitApplications.edges.filter((edge) => edge.node.platformReport !== null).length,
      };
    };
    const one = await statements(1);
    const many = await statements(20);
    expect(many.withReports).toBeGreaterThan(3);
    expect(many.count).toBe(one.count);
  });
});
