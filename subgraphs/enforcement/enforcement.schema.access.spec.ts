import { expect } from '@jest/globals';
import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import { identityOf } from '../../platform/testing/callers';
import { filing, PERSON_ID, procedure, type EnforcementTestbed } from './enforcement.fixture';
import {
  INVESTIGATION,
  OFFICER,
  PII_OFFICER,
  SAFETY_OFFICER,
  servedPerTest,
  SHANGHAI_OFFICER,
  SUPERVISOR,
  type RunAs,
  ZHEJIANG_OFFICER,
  ZHEJIANG_SUPERVISOR,
} from './enforcement.schema.fixture';

// Who reads and acts on cases through the schema: permissions, region scope, sharing, and the masking of
// personal information (a pii-reader with a declared purpose sees it in full).

describe('the enforcement schema', () => {
  describe('served on a real database', () => {
    let testbed: EnforcementTestbed, run: RunAs;
    servedPerTest((served) => ({ testbed, run } = served));

    it('files a case against a person and shows the party masked, in full only to a pii-reader with a declared purpose', async () => {
      const result = await run(
        OFFICER,
        `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber status partyName partyIdNumber filedBy version steps { action fromStatus toStatus actor regionCode } } } }`,
        {
          input: {
            regionCode: '320100',
            cause: '未取得道路运输经营许可，擅自从事道路旅客运输经营',
            partyName: '李明',
            partyIdNumber: PERSON_ID,
          },
        },
      );
      expect(result.errors).toBeUndefined();
      const filed = (result.data as { fileCase: { case: Record<string, unknown> } }).fileCase.case;
      expect(filed).toMatchObject({
        status: 'FILING_PENDING',
        partyName: '李*',
        partyIdNumber: `3201**********${PERSON_ID.slice(-4)}`,
        filedBy: 'nj-enforcement-officer',
        version: 1,
        steps: [
          {
            action: 'FILING_SUBMITTED',
            fromStatus: null,
            toStatus: 'FILING_PENDING',
            actor: 'nj-enforcement-officer',
            regionCode: '320100',
          },
        ],
      });
      expect(JSON.stringify(result.data)).not.toContain(PERSON_ID);

      const party = `query ($number: String!) { enforcementCase(caseNumber: $number) { partyName partyIdNumber } }`;
      const variables = { number: filed.caseNumber };
      const masked = { enforcementCase: { partyName: '李*', partyIdNumber: filed.partyIdNumber } };
      expect((await run(SUPERVISOR, party, variables, INVESTIGATION)).data).toEqual(masked);
      expect((await run(PII_OFFICER, party, variables)).data).toEqual(masked);
      expect((await run(PII_OFFICER, party, variables, INVESTIGATION)).data).toEqual({
        enforcementCase: { partyName: '李明', partyIdNumber: PERSON_ID },
      });
      // Outside the officer's region the case does not exist.
      expect((await run(ZHEJIANG_OFFICER, party, variables)).data).toEqual({ enforcementCase: null });
    });

    it('refuses callers without the permission and callers without a token', async () => {
      const input = { regionCode: '320102', cause: '测试', creditCode: '91320102MA1MY0R10Q' };
      const fileCase = `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`;
      const bySupervisor = await run(SUPERVISOR, fileCase, { input });
      expect(bySupervisor.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const bySafety = await run(SAFETY_OFFICER, `{ enforcementCases { totalCount } }`);
      expect(bySafety.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const anonymous = await run(null, `{ overdueCases { totalCount } }`);
      expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(
        await testbed.services.cases.list(
          SYSTEM_SCOPE,
          { regionCode: null, status: null },
          { limit: 20, afterId: null },
        ),
      ).toMatchObject({ totalCount: 0 });
    });

    it('answers null for a case number nobody filed', async () => {
      const result = await run(OFFICER, `{ enforcementCase(caseNumber: "3201022026999999") { caseNumber } }`);
      expect(result).toEqual({ data: { enforcementCase: null } });
    });

    it('shares a case with Jiangsu: read there with its shares, acted on only by Zhejiang', async () => {
      const filed = await testbed.services.cases.file(
        SYSTEM_SCOPE,
        { regionCode: '330106', cause: '擅自改装车辆', creditCode: '91330106MA2H4K1L0X' },
        'spec',
      );
      const shareCase = `mutation ($input: ShareCaseInput!) { shareCase(input: $input) { case { caseNumber sharedWith { regionCode reason sharedBy revokedAt } } } }`;
      const input = { caseNumber: filed.caseNumber, regionCode: '320000', reason: '车辆登记地在江苏，请协助核查' };
      // Sharing is the supervisor's decision, not an officer's.
      expect((await run(ZHEJIANG_OFFICER, shareCase, { input })).errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
      });
      const shared = await run(ZHEJIANG_SUPERVISOR, shareCase, { input });
      expect(shared.errors).toBeUndefined();
      expect(shared.data).toEqual({
        shareCase: {
          case: {
            caseNumber: filed.caseNumber,
            sharedWith: [
              { regionCode: '320000', reason: input.reason, sharedBy: 'zj-enforcement-supervisor', revokedAt: null },
            ],
          },
        },
      });

      const read = `query ($number: String!) { enforcementCase(caseNumber: $number) { caseNumber regionCode sharedWith { regionCode } steps { comment } } }`;
      expect((await run(SUPERVISOR, read, { number: filed.caseNumber })).data).toEqual({
        enforcementCase: {
          caseNumber: filed.caseNumber,
          regionCode: '330106',
          sharedWith: [{ regionCode: '320000' }],
          steps: [{ comment: null }, { comment: `shared with 320000: ${input.reason}` }],
        },
      });
      expect((await run(SHANGHAI_OFFICER, read, { number: filed.caseNumber })).data).toEqual({ enforcementCase: null });

      const investigate = `mutation ($input: CaseActionInput!) { startCaseInvestigation(input: $input) { case { status } } }`;
      const jiangsuOfficer = identityOf('js-enforcement-officer', '320000', 'enforcement-officer');
      const refused = await run(jiangsuOfficer, investigate, { input: { caseNumber: filed.caseNumber } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.errors?.[0]?.message).toBe(
        `Case ${filed.caseNumber} is shared with your region for reading; only the handling region 330106 acts on it`,
      );

      const revoke = `mutation ($input: RevokeCaseShareInput!) { revokeCaseShare(input: $input) { case { sharedWith { regionCode } } } }`;
      expect(
        (await run(ZHEJIANG_SUPERVISOR, revoke, { input: { caseNumber: filed.caseNumber, regionCode: '320000' } }))
          .data,
      ).toEqual({ revokeCaseShare: { case: { sharedWith: [] } } });
      expect((await run(SUPERVISOR, read, { number: filed.caseNumber })).data).toEqual({ enforcementCase: null });
    });

    it('masks resident ID and phone numbers in what an assistance request shares, unless a pii-reader declared a purpose', async () => {
      const open = await procedure(testbed.services).investigating(filing({ regionCode: '320102' }));
      const { assistanceRequest } = await testbed.services.assistance.request(
        SYSTEM_SCOPE,
        {
          caseNumber: open.caseNumber,
          assistingRegionCode: '330106',
          question: '请核查驾驶员电话13812345678的登记信息',
          sharedSummary: `驾驶员身份证号${PERSON_ID}`,
        },
        'spec',
      );
      const read = `query ($id: ID!) { assistanceRequest(id: $id) { question sharedSummary } }`;
      const variables = { id: String(assistanceRequest.id) };
      expect((await run(SUPERVISOR, read, variables, INVESTIGATION)).data).toEqual({
        assistanceRequest: {
          question: '请核查驾驶员电话138****5678的登记信息',
          sharedSummary: `驾驶员身份证号3201**********${PERSON_ID.slice(-4)}`,
        },
      });
      expect((await run(PII_OFFICER, read, variables, INVESTIGATION)).data).toEqual({
        assistanceRequest: {
          question: '请核查驾驶员电话13812345678的登记信息',
          sharedSummary: `驾驶员身份证号${PERSON_ID}`,
        },
      });
      // Credit officers read cases, not the exchange between enforcement authorities.
      const credit = await run(identityOf('js-credit-officer', '320000', 'credit-officer'), read, variables);
      expect(credit.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
