import { eventually, query, restartService, stopService, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

const SUMMARY = `query ($code: String!) { enterprise(creditCode: $code) { activitySummary { permitsIssued casesOpened waybillsCreated } } }`;
type SummaryData = {
  enterprise: { activitySummary: { permitsIssued: number; casesOpened: number; waybillsCreated: number } };
};

describe('events between departments', () => {
  it('turn a fine into a credit record and count it in statistics', async () => {
    const token = await tokenFor('ministry-admin');
    const enterprise = await story(token).enterprise('320583', '事件测试运输有限公司');
    const [caseNumber] = await enterprise.withDecidedCases(1, 1_000_000);
    const profile = await eventually(async () => {
      const data = await query<{
        enterprise: {
          creditProfile: {
            score: number;
            rating: string;
            records: { edges: Array<{ node: { kind: string; source: string; sourceReference: string } }> };
          };
        };
      }>(
        token,
        `query ($code: String!) { enterprise(creditCode: $code) { creditProfile { score rating records(first: 5) { edges { node { kind source sourceReference } } } } } }`,
        { code: enterprise.creditCode },
      );
      expect(data.enterprise.creditProfile.records.edges).toHaveLength(1);
      // The list and the score are two statements: a record committed between them shows in one only.
      expect(data.enterprise.creditProfile.score).toBeLessThan(100);
      return data.enterprise.creditProfile;
    });
    expect(profile.records.edges[0].node).toEqual({
      kind: 'ADMINISTRATIVE_PENALTY',
      source: 'ENFORCEMENT_DECISION',
      sourceReference: caseNumber,
    });
    expect(profile.score).toBeLessThan(100);
    await eventually(async () => {
      const data = await query<SummaryData>(token, SUMMARY, { code: enterprise.creditCode });
      expect(data.enterprise.activitySummary.casesOpened).toBe(1);
    });
  });

  it('carry a penalty that revokes a permit to licensing and credit, which show it after the events arrive', async () => {
    const token = await tokenFor('ministry-admin');
    const enterprise = await story(token).enterprise('320102', '吊销测试危险品运输有限公司');
    const [permitNumber] = await enterprise.withPermits(1);
    const caseNumber = await enterprise.withDecidedCase(
      { penalty: 'PERMIT_REVOCATION', permitNumber },
      '转让道路运输经营许可证件',
    );
    const decided = await query<{ enforcementCase: { status: string; penalty: string; permitNumber: string } }>(
      token,
      `query ($number: String!) { enforcementCase(caseNumber: $number) { status penalty permitNumber } }`,
      { number: caseNumber },
    );
    expect(decided.enforcementCase).toEqual({ status: 'DECIDED', penalty: 'PERMIT_REVOCATION', permitNumber });
    // Credit records the penalty (双公示 material).
    await eventually(async () => {
      const data = await query<{
        enterprise: {
          creditProfile: { records: { edges: Array<{ node: { kind: string; sourceReference: string } }> } };
        };
      }>(
        token,
        `query ($code: String!) { enterprise(creditCode: $code) { creditProfile { records(first: 5) { edges { node { kind sourceReference } } } } } }`,
        { code: enterprise.creditCode },
      );
      expect(data.enterprise.creditProfile.records.edges.map((edge) => edge.node)).toContainEqual({
        kind: 'ADMINISTRATIVE_PENALTY',
        sourceReference: caseNumber,
      });
    });
    // Licensing revokes the permit the decision names (its case.decided handler).
    await eventually(async () => {
      const data = await query<{ permit: { number: string; status: string } }>(
        token,
        `query ($number: String!) { permit(number: $number) { number status } }`,
        { number: permitNumber },
      );
      expect(data.permit).toEqual({ number: permitNumber, status: 'REVOKED' });
    });
  });

  it('wait for a subscriber that is down and are applied exactly once when it is back', async () => {
    const token = await tokenFor('ministry-admin');
    const enterprise = await story(token).enterprise('320583', '离线订阅测试有限公司');
    await stopService('statistics');
    try {
      await enterprise.withPermits(2);
    } finally {
      await restartService('statistics');
    }
    await eventually(async () => {
      const data = await query<SummaryData>(token, SUMMARY, { code: enterprise.creditCode });
      expect(data.enterprise.activitySummary.permitsIssued).toBe(2);
    }, 30_000);
    // Redelivery after the restart must not count the permits again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const settled = await query<SummaryData>(token, SUMMARY, { code: enterprise.creditCode });
    expect(settled.enterprise.activitySummary.permitsIssued).toBe(2);
  });
});
