import { story } from './harness/story';
import { subgraphSql } from './harness/subgraph-database';
import { eventually, graphql, query, tokenFor } from './harness/single-window.client';

// Disclosure versions, corrections, licence status changes and credit repair (信用修复) through the
// gateway: what a credit officer does and what the public then sees.

const PUBLIC_SEARCH = `query ($code: String) {
  creditDisclosures(creditCode: $code, first: 20) {
    totalCount edges { node { id version kind documentNumber content licenseStatus severity repairableFrom publicUntil } }
  }
}`;

interface PublicDisclosure {
  id: string;
  version: number;
  kind: string;
  documentNumber: string;
  content: string;
  licenseStatus: string | null;
  severity: string | null;
  repairableFrom: string | null;
  publicUntil: string;
}

const HISTORY = `query ($id: ID!) {
  creditDisclosureHistory(id: $id) {
    disclosure { version content licenseStatus displayEndedAt }
    revisions { version kind reason actor changes { field before after } }
  }
}`;

interface History {
  creditDisclosureHistory: {
    disclosure: { version: number; content: string; licenseStatus: string | null; displayEndedAt: string | null };
    revisions: Array<{
      version: number;
      kind: string;
      reason: string | null;
      actor: string;
      changes: Array<{ field: string; before: string | null; after: string | null }>;
    }>;
  };
}

const CORRECT = `mutation ($input: CorrectCreditDisclosureInput!) {
  correctCreditDisclosure(input: $input) { disclosure { id version content } }
}`;

const PROFILE = `query ($code: String!) { creditProfile(creditCode: $code) { score rating recordCount } }`;

const APPLY = `mutation ($input: ApplyForCreditRepairInput!) {
  applyForCreditRepair(input: $input) {
    application { id state version creditCode documentNumber attachments { kind fileName sm3Digest } }
  }
}`;

const DECIDE = (
  operation: 'approveCreditRepair' | 'refuseCreditRepair',
) => `mutation ($input: DecideCreditRepairInput!) {
  ${operation}(input: $input) { application { id state version decisionReason disclosure { version displayEndedAt } } }
}`;

/**
 * The public's view of a subject's disclosures once it shows `count` of them: polled as an officer (so
 * the waiting spends none of the public's rate limit), then read once without a token.
 */
async function publicDisclosures(creditCode: string, count: number): Promise<PublicDisclosure[]> {
  const officer = await tokenFor('ministry-admin');
  await eventually(async () => {
    const seen = await query<{ creditDisclosures: { totalCount: number } }>(officer, PUBLIC_SEARCH, {
      code: creditCode,
    });
    expect(seen.creditDisclosures.totalCount).toBe(count);
  }, 30_000);
  const result = await graphql<{ creditDisclosures: { edges: Array<{ node: PublicDisclosure }> } }>(PUBLIC_SEARCH, {
    code: creditCode,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.creditDisclosures.edges.map((edge) => edge.node);
}

function refusal(result: { errors?: Array<{ extensions?: Record<string, unknown>; message: string }> }) {
  return { ...result.errors?.[0]?.extensions, message: result.errors?.[0]?.message };
}

describe('disclosure versions, corrections and credit repair through the gateway', () => {
  let admin: string;
  let officer: string;
  beforeAll(async () => {
    admin = await tokenFor('ministry-admin');
    officer = await tokenFor('js-credit-officer');
  });

  it('corrects a disclosure with a reason as a new version, kept in the history the public does not see', async () => {
    const enterprise = await story(admin).enterprise('320102', '更正测试货运有限公司');
    await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 300_000 }, '超限运输');
    const [penalty] = await publicDisclosures(enterprise.creditCode, 1);
    expect(penalty).toMatchObject({ version: 1, severity: 'ORDINARY' });

    const withoutReason = await graphql(
      CORRECT,
      { input: { id: penalty.id, expectedVersion: 1, content: '罚款人民币3,000.00元。责令改正。', reason: ' ' } },
      { token: officer },
    );
    expect(refusal(withoutReason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const omitted = await graphql(
      CORRECT,
      { input: { id: penalty.id, expectedVersion: 1, content: '罚款人民币3,000.00元。责令改正。' } },
      { token: officer },
    );
    expect(refusal(omitted)).toMatchObject({ code: 'BAD_USER_INPUT' });

    const corrected = await query<{ correctCreditDisclosure: { disclosure: { version: number; content: string } } }>(
      officer,
      CORRECT,
      {
        input: {
          id: penalty.id,
          expectedVersion: 1,
          content: '罚款人民币3,000.00元。责令改正。',
          reason: '决定书内容录入有误',
        },
      },
    );
    expect(corrected.correctCreditDisclosure.disclosure).toEqual({
      id: penalty.id,
      version: 2,
      content: '罚款人民币3,000.00元。责令改正。',
    });
    const stale = await graphql(
      CORRECT,
      { input: { id: penalty.id, expectedVersion: 1, content: '罚款人民币3,000.00元。', reason: '再次更正' } },
      { token: officer },
    );
    expect(refusal(stale)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    const [shown] = await publicDisclosures(enterprise.creditCode, 1);
    expect(shown).toMatchObject({ version: 2, content: '罚款人民币3,000.00元。责令改正。' });
    const history = await query<History>(officer, HISTORY, { id: penalty.id });
    expect(history.creditDisclosureHistory.revisions).toEqual([
      { version: 1, kind: 'PUBLISHED', reason: null, actor: 'system:credit-publication', changes: [] },
      {
        version: 2,
        kind: 'CORRECTED',
        reason: '决定书内容录入有误',
        actor: 'js-credit-officer',
        changes: [{ field: 'content', before: penalty.content, after: '罚款人民币3,000.00元。责令改正。' }],
      },
    ]);
    // The public never reads the history.
    const anonymous = await graphql(HISTORY, { id: penalty.id });
    expect(anonymous.status).toBe(401);
  });

  it('revises the licence disclosure when a reviewer suspends and revokes the permit', async () => {
    const enterprise = await story(admin).enterprise('320102', '许可状态测试货运有限公司');
    const [permitNumber] = await enterprise.withPermits(1);
    const [licence] = await publicDisclosures(enterprise.creditCode, 1);
    expect(licence).toMatchObject({ documentNumber: permitNumber, licenseStatus: 'VALID', version: 1 });

    const reviewer = await tokenFor('js-licensing-reviewer');
    await query(
      reviewer,
      `mutation ($input: SuspendPermitInput!) { suspendPermit(input: $input) { permit { status } } }`,
      {
        input: { permitNumber, reason: '车辆未按规定进行年度审验' },
      },
    );
    await eventually(async () => {
      const seen = await query<History>(officer, HISTORY, { id: licence.id });
      expect(seen.creditDisclosureHistory.disclosure.licenseStatus).toBe('SUSPENDED');
    });
    const [suspended] = await publicDisclosures(enterprise.creditCode, 1);
    expect(suspended.licenseStatus).toBe('SUSPENDED');
    expect(suspended.content).toMatch(/该许可证件于\d{4}-\d{2}-\d{2}暂扣。$/);

    await query(
      reviewer,
      `mutation ($input: RevokePermitInput!) { revokePermit(input: $input) { permit { status } } }`,
      {
        input: { permitNumber, reason: '整改期满仍不符合许可条件' },
      },
    );
    await eventually(async () => {
      const seen = await query<History>(officer, HISTORY, { id: licence.id });
      expect(seen.creditDisclosureHistory.disclosure).toMatchObject({ licenseStatus: 'REVOKED', version: 3 });
    });
    expect((await publicDisclosures(enterprise.creditCode, 1))[0]).toMatchObject({ licenseStatus: 'REVOKED' });
    const history = await query<History>(officer, HISTORY, { id: licence.id });
    expect(history.creditDisclosureHistory.revisions.map((revision) => [revision.version, revision.kind])).toEqual([
      [1, 'PUBLISHED'],
      [2, 'LICENSE_SUSPENDED'],
      [3, 'LICENSE_REVOKED'],
    ]);
  });

  it('refuses repair before the minimum period, then refuses and approves it: the penalty leaves the public search and the rating', async () => {
    const enterprise = await story(admin).enterprise('320102', '信用修复测试货运有限公司');
    // 60,000 yuan: -20 points, rating B; ordinary dishonesty, repairable three months after the decision.
    const caseNumber = await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 6_000_000 }, '超限运输');
    const [penalty] = await publicDisclosures(enterprise.creditCode, 1);
    expect(penalty).toMatchObject({ documentNumber: caseNumber, severity: 'ORDINARY' });
    const before = await query<{ creditProfile: { score: number; rating: string } }>(officer, PROFILE, {
      code: enterprise.creditCode,
    });
    expect(before.creditProfile).toMatchObject({ score: 80, rating: 'B' });

    const input = {
      disclosureId: penalty.id,
      penaltyExecuted: true,
      executionStatement: '罚款已缴清，缴款票据号JS2026000001。',
      commitmentLetter: { fileName: '信用承诺书.pdf', contentBase64: Buffer.from('信用承诺书').toString('base64') },
      correctiveEvidence: [{ fileName: '整改报告.pdf', contentBase64: Buffer.from('整改报告').toString('base64') }],
    };
    const early = await graphql(APPLY, { input }, { token: officer });
    const repairableOn = new Date(Date.parse(penalty.repairableFrom!) + 8 * 3600_000).toISOString().slice(0, 10);
    expect(refusal(early)).toMatchObject({ code: 'CONFLICT', reason: 'REPAIR_NOT_YET_POSSIBLE' });
    expect(refusal(early).message).toContain(repairableOn);

    // Three months pass: the minimum period is moved into the past in credit's own schema.
    const past = new Date(Date.now() - 60_000).toISOString().replace('T', ' ').replace('Z', '');
    await subgraphSql('credit', 'UPDATE credit_disclosure SET repairable_from = ? WHERE id = ?', [
      past,
      Number(penalty.id),
    ]);

    type Applied = { applyForCreditRepair: { application: { id: string; state: string; version: number } } };
    const first = await query<Applied>(officer, APPLY, { input });
    expect(first.applyForCreditRepair.application).toMatchObject({ state: 'PENDING', version: 1 });
    const again = await graphql(APPLY, { input }, { token: officer });
    expect(refusal(again)).toMatchObject({ code: 'CONFLICT', reason: 'REPAIR_APPLICATION_OPEN' });
    const pending = await query<{ creditRepairApplications: { edges: Array<{ node: { id: string } }> } }>(
      officer,
      `query { creditRepairApplications(state: PENDING, regionCode: "320102", first: 100) { edges { node { id } } } }`,
    );
    expect(pending.creditRepairApplications.edges.map((edge) => edge.node.id)).toContain(
      first.applyForCreditRepair.application.id,
    );

    const refused = await query<{ refuseCreditRepair: { application: { state: string; decisionReason: string } } }>(
      officer,
      DECIDE('refuseCreditRepair'),
      { input: { id: first.applyForCreditRepair.application.id, expectedVersion: 1, reason: '整改证明材料不足' } },
    );
    expect(refused.refuseCreditRepair.application).toMatchObject({
      state: 'REFUSED',
      decisionReason: '整改证明材料不足',
    });
    await publicDisclosures(enterprise.creditCode, 1);

    const second = await query<Applied>(officer, APPLY, { input });
    const approved = await query<{
      approveCreditRepair: { application: { state: string; disclosure: { version: number; displayEndedAt: string } } };
    }>(officer, DECIDE('approveCreditRepair'), {
      input: { id: second.applyForCreditRepair.application.id, expectedVersion: 1, reason: '已履行处罚并完成整改' },
    });
    expect(approved.approveCreditRepair.application.state).toBe('APPROVED');
    expect(approved.approveCreditRepair.application.disclosure.displayEndedAt).not.toBeNull();

    await publicDisclosures(enterprise.creditCode, 0);
    const after = await query<{ creditProfile: { score: number; rating: string; recordCount: number } }>(
      officer,
      PROFILE,
      { code: enterprise.creditCode },
    );
    expect(after.creditProfile).toEqual({ score: 100, rating: 'A', recordCount: 1 });
    const history = await query<History>(officer, HISTORY, { id: penalty.id });
    expect(history.creditDisclosureHistory.revisions.at(-1)).toMatchObject({
      kind: 'REPAIRED',
      reason: '已履行处罚并完成整改',
      actor: 'js-credit-officer',
    });
  });
});
