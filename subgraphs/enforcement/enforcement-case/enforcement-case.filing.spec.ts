import { expect } from '@jest/globals';
import { chinaYear } from '../../../platform/time/china-time';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import {
  A_FINE,
  CARRIER,
  enforcementPerTest,
  everything,
  filing,
  HANGZHOU,
  NATIONAL,
  OFFICER,
  PERSON_ID,
  SUPERVISOR,
  type EnforcementSpec,
  type EnforcementTestbed,
} from '../enforcement.fixture';
import { CaseNumberSequence } from './case-number-sequence.entity';
import { CaseStep } from './case-step.entity';
import { EnforcementCase } from './enforcement-case.entity';
import type { EnforcementCaseService } from './enforcement-case.service';

// Filing a case: its number, the input it refuses, the party as stored, and the case.filed event.

const YEAR = chinaYear();

describe('EnforcementCaseService', () => {
  let testbed: EnforcementTestbed, cases: EnforcementCaseService, story: EnforcementSpec['story'];
  enforcementPerTest((spec) => ({ testbed, cases, story } = spec));

  describe('case numbers', () => {
    it('run sequentially per region and year, each region counting on its own', async () => {
      await testbed.dataSource
        .getRepository(CaseNumberSequence)
        .insert({ regionCode: '320102', year: YEAR - 1, lastSerial: 57 });
      const numbers: string[] = [];
      for (const regionCode of ['320102', '320102', '330106', '320102', '330106']) {
        numbers.push(
          (
            await cases.file(
              NATIONAL,
              filing({ regionCode, creditCode: regionCode === '330106' ? HANGZHOU : CARRIER }),
              OFFICER,
            )
          ).caseNumber,
        );
      }
      expect(numbers).toEqual([
        `320102${YEAR}000001`,
        `320102${YEAR}000002`,
        `330106${YEAR}000001`,
        `320102${YEAR}000003`,
        `330106${YEAR}000002`,
      ]);
      const lastYear = await testbed.dataSource
        .getRepository(CaseNumberSequence)
        .findOneByOrFail({ regionCode: '320102', year: YEAR - 1 });
      expect(lastYear.lastSerial).toBe(57);
    });

    it('are not used up by a filing that rolls back', async () => {
      expect((await cases.file(NATIONAL, filing(), OFFICER)).caseNumber).toBe(`320102${YEAR}000001`);
      // The filing's step cannot be written: the whole filing, its number included, rolls back.
      jest.spyOn(cases.access, 'recordSteps').mockRejectedValueOnce(new Error('step table unavailable'));
      await expect(cases.file(NATIONAL, filing(), OFFICER)).rejects.toThrow('step table unavailable');
      expect((await cases.file(NATIONAL, filing(), OFFICER)).caseNumber).toBe(`320102${YEAR}000002`);
      expect(await testbed.dataSource.getRepository(EnforcementCase).count()).toBe(2);
      expect(await testbed.dataSource.getRepository(CaseStep).count()).toBe(2);
    });
  });

  describe('refuses bad input before writing anything', () => {
    const nothing = {
      cases: [],
      steps: 0,
      sequences: [],
      shares: [],
      evidence: [],
      transfers: [],
      assistance: [],
      outbox: 0,
    };

    it('a case against nobody', async () => {
      const refused = await expectDomainError(
        cases.file(NATIONAL, { regionCode: '320102', cause: '无主体案件' }, OFFICER),
      );
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
      expect(refused.message).toMatch(/plateNumber or partyName/);
      expect(await everything(testbed.dataSource)).toEqual(nothing);
    });

    it('a resident ID number whose check character is wrong, naming partyIdNumber', async () => {
      const wrongCheck = PERSON_ID.slice(0, 17) + (PERSON_ID[17] === '0' ? '1' : '0');
      const refused = await expectDomainError(
        cases.file(NATIONAL, filing({ creditCode: null, partyName: '张三', partyIdNumber: wrongCheck }), OFFICER),
      );
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyIdNumber' });
      expect(refused.message).toMatch(/check character/);
      expect(await everything(testbed.dataSource)).toEqual(nothing);
    });

    it('a party name without the ID number, and the reverse', async () => {
      const withoutId = await expectDomainError(cases.file(NATIONAL, filing({ partyName: '张三' }), OFFICER));
      expect(withoutId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyIdNumber' });
      const withoutName = await expectDomainError(cases.file(NATIONAL, filing({ partyIdNumber: PERSON_ID }), OFFICER));
      expect(withoutName.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyName' });
      expect(await everything(testbed.dataSource)).toEqual(nothing);
    });

    it.each([
      ['regionCode', { regionCode: '329999' }],
      ['creditCode', { creditCode: '91320102MA1MY0R10A' }],
      ['plateNumber', { plateNumber: '苏I12345' }],
      ['cause', { cause: '   ' }],
    ])('a bad %s', async (field, overrides) => {
      const refused = await expectDomainError(cases.file(NATIONAL, filing(overrides), OFFICER));
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await everything(testbed.dataSource)).toEqual(nothing);
    });

    it('a refusal without reasons, and a version that is no version', async () => {
      const filed = await cases.file(NATIONAL, filing(), OFFICER);
      const before = await everything(testbed.dataSource);
      expect(
        (
          await expectDomainError(
            cases.rejectFiling(NATIONAL, { caseNumber: filed.caseNumber, reason: ' ' }, SUPERVISOR),
          )
        ).extensions,
      ).toMatchObject({ field: 'reason' });
      expect(
        (
          await expectDomainError(
            cases.approveFiling(NATIONAL, { caseNumber: filed.caseNumber, expectedVersion: 0 }, SUPERVISOR),
          )
        ).extensions,
      ).toMatchObject({ field: 'expectedVersion' });
      expect(await everything(testbed.dataSource)).toEqual(before);
    });
  });

  describe('events', () => {
    it('writes case.filed when the filing is approved, without personal information', async () => {
      const filed = await cases.file(
        NATIONAL,
        filing({ plateNumber: '苏A12345', partyName: '张三', partyIdNumber: PERSON_ID }),
        OFFICER,
      );
      expect(await testbed.outboxMessages()).toEqual([]);
      const approved = await cases.approveFiling(NATIONAL, { caseNumber: filed.caseNumber }, SUPERVISOR);
      const rows = await testbed.outboxMessages();
      expect(rows.map((row) => [row.type, row.subscriber])).toEqual([['case.filed', 'statistics']]);
      expect(rows[0].envelope).toMatchObject({ type: 'case.filed', source: 'enforcement' });
      expect(rows[0].envelope.payload).toEqual({
        caseNumber: filed.caseNumber,
        regionCode: '320102',
        creditCode: CARRIER,
        plateNumber: '苏A12345',
        filedAt: approved.filingApprovedAt!.toISOString(),
      });
      const everyEnvelope = JSON.stringify(rows.map((row) => row.envelope));
      expect(everyEnvelope).not.toContain('张三');
      expect(everyEnvelope).not.toContain(PERSON_ID);
    });

    it('publishes nothing for a refused filing, investigation, the penalty procedure before the decision, execution, closing or dismissal', async () => {
      await cases.rejectFiling(
        NATIONAL,
        { caseNumber: (await cases.file(NATIONAL, filing(), OFFICER)).caseNumber, reason: '不予立案' },
        SUPERVISOR,
      );
      const ready = await story.readyToDecide();
      await cases.dismiss(NATIONAL, { caseNumber: (await story.opened()).caseNumber, reason: '撤销' }, SUPERVISOR);
      expect((await testbed.outboxMessages()).map((row) => `${row.type}:${row.subscriber}`)).toEqual([
        'case.filed:statistics',
        'case.filed:statistics',
      ]);
      await testbed.services.penalties.decide(
        NATIONAL,
        { caseNumber: ready.caseNumber, ...A_FINE, decisionSummary: '罚款' },
        SUPERVISOR,
      );
      await testbed.services.penalties.recordExecution(
        NATIONAL,
        { caseNumber: ready.caseNumber, paidFen: 500_000, paymentReference: 'JK1' },
        OFFICER,
      );
      await cases.close(NATIONAL, { caseNumber: ready.caseNumber }, SUPERVISOR);
      expect((await testbed.outboxMessages()).map((row) => `${row.type}:${row.subscriber}`)).toEqual([
        'case.filed:statistics',
        'case.filed:statistics',
        'case.decided:credit',
        'case.decided:statistics',
        'case.decided:licensing',
      ]);
    });
  });

  describe('the party', () => {
    it('is stored encrypted (SM4) with a blind index of the ID number, and read back in full (GraphQL masks it)', async () => {
      const filed = await cases.file(
        NATIONAL,
        filing({ creditCode: null, partyName: '欧阳明华', partyIdNumber: PERSON_ID }),
        OFFICER,
      );
      expect([filed.partyName, filed.partyIdNumber]).toEqual(['欧阳明华', PERSON_ID]);
      const [stored] = await testbed.dataSource.query<
        Array<{ party_name: string; party_id_number: string; party_id_number_index: string }>
      >('SELECT party_name, party_id_number, party_id_number_index FROM enforcement_case');
      expect(stored.party_name).toMatch(/^sm4e1:enforcement-d\d{8}-[0-9a-f]{8}:[A-Za-z0-9+/=]+$/);
      expect(stored.party_id_number).toMatch(/^sm4e1:enforcement-d\d{8}-[0-9a-f]{8}:[A-Za-z0-9+/=]+$/);
      expect(JSON.stringify(stored)).not.toContain('欧阳');
      expect(JSON.stringify(stored)).not.toContain(PERSON_ID.slice(6, 14));
      expect(stored.party_id_number_index).toMatch(/^[0-9a-f]{64}$/);

      const read = await cases.queries.find(NATIONAL, filed.caseNumber);
      expect([read?.partyName, read?.partyIdNumber]).toEqual(['欧阳明华', PERSON_ID]);
      const found = await cases.queries.list(
        NATIONAL,
        { regionCode: null, status: null, partyIdNumber: PERSON_ID.toLowerCase() },
        { limit: 10, afterId: null },
      );
      expect(found.edges.map((edge) => edge.node.caseNumber)).toEqual([filed.caseNumber]);
    });
  });
});
