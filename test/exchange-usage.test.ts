import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaToday } from '../platform/time/china-time';
import { PROJECT_ROOT } from './harness/service-processes';
import { clientToken, eventually, graphql, tokenFor } from './harness/single-window.client';

// Usage per partner client (调用统计), counted from the audit trail: partner-ndrc runs one of its
// registered operations, its administrator sees the calls of the day, and nobody else's.

const OPERATION = 'EnterpriseCreditAndPermits';
const registered = readFileSync(
  join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'partner-ndrc', `${OPERATION}.graphql`),
  'utf8',
);
const PURPOSE = { 'x-purpose': 'JOINT_DISCIPLINE', 'x-purpose-reason': encodeURIComponent('联合惩戒名单核查') };
const USAGE = `query Usage($clientId: String, $from: String!, $to: String!) {
  partnerUsage(clientId: $clientId, from: $from, to: $to) { day clientId operationName calls refused }
}`;

interface UsageRow {
  day: string;
  clientId: string;
  operationName: string | null;
  calls: number;
  refused: number;
}

async function usageToday(username: string, clientId?: string) {
  const today = chinaToday();
  return graphql<{ partnerUsage: UsageRow[] }>(
    USAGE,
    { clientId, from: today, to: today },
    { token: await tokenFor(username) },
  );
}

async function countsToday(): Promise<{ calls: number; refused: number }> {
  const result = await usageToday('ndrc-partner-admin');
  expect(result.errors).toBeUndefined();
  const row = result.data?.partnerUsage.find((candidate) => candidate.operationName === OPERATION);
  return { calls: row?.calls ?? 0, refused: row?.refused ?? 0 };
}

describe("a partner's usage", () => {
  it("shows the partner's administrator the calls of its client today, per operation", async () => {
    // Calls made by earlier test files may still be on their way into the trail: start from a settled count.
    const before = await eventually(async () => {
      const first = await countsToday();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await countsToday()).toEqual(first);
      return first;
    });
    const token = await clientToken('partner-ndrc');
    for (let call = 0; call < 2; call += 1) {
      const result = await graphql(registered, { creditCode: '91320102MA1MY0R10Q' }, { token, headers: PURPOSE });
      expect(result.errors).toBeUndefined();
    }
    // The trail is written behind the answers (journal, then database): the count catches up.
    // Earlier test files' refused calls of the day stay counted apart; these two add none.
    await eventually(async () =>
      expect(await countsToday()).toEqual({ calls: before.calls + 2, refused: before.refused }),
    );

    const result = await usageToday('ndrc-partner-admin');
    const row = result.data!.partnerUsage.find((candidate) => candidate.operationName === OPERATION)!;
    expect(row).toMatchObject({ day: chinaToday(), clientId: 'partner-ndrc' });
  });

  it("lets an approver read any client's usage", async () => {
    const result = await usageToday('ministry-credit-approver', 'partner-ndrc');
    expect(result.errors).toBeUndefined();
    expect(result.data?.partnerUsage.some((row) => row.operationName === OPERATION)).toBe(true);
  });

  it("refuses another client's usage to a partner's administrator", async () => {
    const result = await usageToday('ndrc-partner-admin', 'weigh-station-js-0001');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data?.partnerUsage ?? null).toBeNull();
  });

  it('refuses a range longer than 366 days, naming the field', async () => {
    const result = await graphql(
      USAGE,
      { from: '2025-01-01', to: '2026-06-30' },
      { token: await tokenFor('ndrc-partner-admin') },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
