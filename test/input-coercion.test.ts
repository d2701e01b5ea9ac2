import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './harness/service-processes';
import { clientToken, graphql, tokenFor } from './harness/single-window.client';
import { newPlate } from './harness/story';

// A value its type refuses is the caller's mistake, said so at the gateway with the value's path,
// whichever subgraph would have received it; it is never reported as a department being down.

const SUBMIT = readFileSync(
  join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'weigh-station-js-0001', 'SubmitOverloadRecords.graphql'),
  'utf8',
);
const RUN = `${Date.now().toString(36)}-${randomInt(1e6).toString(36)}`.toUpperCase();
const BAD_TIMES = ['2026-13-01T00:00:00Z', '2026-02-30T08:00:00Z', 'yesterday'];

function detection(stationRecordId: string, detectedAt: string) {
  return {
    stationCode: '3201150001',
    stationRecordId,
    detectedAt,
    plateNumber: newPlate('苏A'),
    axleCount: 6,
    grossWeightKg: 40_000,
    limitKg: 49_000,
  };
}

interface Submitted {
  submitOverloadRecords: { acceptedCount: number; results: Array<{ outcome: string }> };
}

describe('values their type refuses', () => {
  it.each(BAD_TIMES)(
    'refuses a weigh-station batch with detectedAt %p as bad input naming the record, writing nothing',
    async (badTime) => {
      const station = await clientToken('weigh-station-js-0001');
      const good = new Date(Date.now() - 60_000).toISOString();
      const ids = [0, 1].map((index) => `IC-${RUN}-${BAD_TIMES.indexOf(badTime)}-${index}`);
      const refused = await graphql(
        SUBMIT,
        { input: { records: [detection(ids[0], good), detection(ids[1], badTime)] } },
        { token: station },
      );
      expect(refused.status).toBe(400);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.records[1].detectedAt',
        problems: [expect.objectContaining({ field: 'input.records[1].detectedAt' })],
      });
      expect(JSON.stringify(refused.errors)).not.toMatch(/SERVICE_UNAVAILABLE|did not answer/);
      // Nothing of the batch was written: sent again corrected, both records are new.
      const corrected = await graphql<Submitted>(
        SUBMIT,
        { input: { records: [detection(ids[0], good), detection(ids[1], good)] } },
        { token: station },
      );
      expect(corrected.errors).toBeUndefined();
      expect(corrected.data?.submitOverloadRecords.acceptedCount).toBe(2);
    },
  );

  it('refuses a bad DateTimeISO in any department the same way: credit, enforcement, the audit trail', async () => {
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      [
        'js-credit-officer',
        `mutation ($input: RecordCreditInput!) { recordCredit(input: $input) { record { kind } } }`,
        {
          input: {
            creditCode: '91320102MA1MY0R10Q',
            kind: 'COMMENDATION',
            regionCode: '320000',
            summary: 'test',
            decidedAt: '2026-02-30T08:00:00Z',
          },
        },
        'input.decidedAt',
      ],
      [
        'nj-enforcement-officer',
        `mutation ($input: AddCaseEvidenceInput!) { addCaseEvidence(input: $input) { evidence { title } } }`,
        {
          input: {
            caseNumber: 'X',
            kind: 'PHOTO',
            title: 't',
            fileName: 'a.jpg',
            contentBase64: 'QUJD',
            collectedAt: 'yesterday',
          },
        },
        'input.collectedAt',
      ],
      [
        'ministry-admin',
        `query ($from: DateTimeISO) { auditRecords(from: $from, first: 1) { totalCount } }`,
        { from: '2026-13-01T00:00:00Z' },
        'from',
      ],
      ['ministry-admin', `query ($n: Int) { enterprises(first: $n) { totalCount } }`, { n: 'many' }, 'n'],
    ];
    for (const [user, document, variables, field] of cases) {
      const result = await graphql(document, variables, { token: await tokenFor(user) });
      expect({ field, status: result.status, ...result.errors?.[0]?.extensions }).toMatchObject({
        field,
        status: 400,
        code: 'BAD_USER_INPUT',
      });
      expect(result.errors?.[0]?.message).toMatch(/^输入值无效/);
    }
  });

  it('refuses a bad literal value written into the document, naming the argument', async () => {
    const result = await graphql(
      `
        {
          auditRecords(from: "yesterday", first: 1) {
            totalCount
          }
        }
      `,
      {},
      {
        token: await tokenFor('ministry-admin'),
      },
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});
