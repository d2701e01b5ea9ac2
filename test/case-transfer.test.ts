import { writeFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import {
  KUNSHAN,
  XIHU,
  sm3,
  refusal,
  storedFileWith,
  viewCase,
  isListed,
  proposedToXihu,
  exchangeParties,
  type ExchangeParties,
} from './harness/case-exchange';
import { graphql, query, tokenFor } from './harness/single-window.client';

// Transfers of a case between regions: accepted, declined, and refused when evidence was altered.
// Who acts, and the helpers: test/harness/case-exchange.ts.

describe('cases exchanged between regions: transfers (移送)', () => {
  let parties: ExchangeParties;
  let jsSupervisor: string;
  let jsOfficer: string;
  let zjSupervisor: string;
  let hzOfficer: string;
  let unrelated: string;
  beforeAll(async () => {
    parties = await exchangeParties();
    ({ jsSupervisor, jsOfficer, zjSupervisor, hzOfficer, unrelated } = parties);
  });

  it('transfers a case to Zhejiang on acceptance: history and evidence go with it, the old region keeps reading what it did', async () => {
    const photo = Buffer.from(`accepted transfer photo ${Date.now()}`);
    const caseNumber = await proposedToXihu(parties, photo);

    // Mid-transfer: Zhejiang reads it to decide, and may not act on it otherwise; Nanjing sees nothing.
    expect(await viewCase(zjSupervisor, caseNumber)).toMatchObject({
      regionCode: KUNSHAN,
      status: 'TRANSFER_PENDING',
      evidence: [{ regionCode: KUNSHAN, sm3Digest: sm3(photo) }],
    });
    expect(await isListed(zjSupervisor, caseNumber, 'TRANSFER_PENDING')).toBe(true);
    const dismiss = await graphql(
      `
        mutation ($input: DismissCaseInput!) {
          dismissCase(input: $input) {
            case {
              status
            }
          }
        }
      `,
      { input: { caseNumber, reason: '撤销' } },
      { token: zjSupervisor },
    );
    expect(refusal(dismiss)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await viewCase(unrelated, caseNumber)).toBeNull();
    // The Jiangsu side waits for Zhejiang's decision; it may not accept its own proposal.
    const selfAccept = await graphql(
      `
        mutation ($input: AcceptCaseTransferInput!) {
          acceptCaseTransfer(input: $input) {
            transfer {
              status
            }
          }
        }
      `,
      { input: { caseNumber } },
      { token: jsSupervisor },
    );
    expect(refusal(selfAccept)).toMatchObject({ code: 'FORBIDDEN' });

    const accepted = await query<{
      acceptCaseTransfer: {
        transfer: { status: string; evidenceVerified: number };
        case: { regionCode: string; status: string };
      };
    }>(
      zjSupervisor,
      `mutation AcceptTransfer($input: AcceptCaseTransferInput!) { acceptCaseTransfer(input: $input) { transfer { status evidenceVerified } case { regionCode status } } }`,
      { input: { caseNumber, comment: '同意接收' } },
    );
    expect(accepted.acceptCaseTransfer).toEqual({
      transfer: { status: 'ACCEPTED', evidenceVerified: 1 },
      case: { regionCode: XIHU, status: 'INVESTIGATING' },
    });

    // The new region acts on it.
    const more = Buffer.from(`xihu photo ${Date.now()}`);
    await query(
      hzOfficer,
      `mutation Evidence($input: AddCaseEvidenceInput!) { addCaseEvidence(input: $input) { evidence { id } } }`,
      {
        input: {
          caseNumber,
          kind: 'INQUIRY_RECORD',
          title: '经营业户负责人询问笔录',
          fileName: 'inquiry.pdf',
          contentBase64: more.toString('base64'),
          collectedAt: new Date().toISOString(),
        },
      },
    );
    const newRegion = (await viewCase(hzOfficer, caseNumber))!;
    expect(newRegion).toMatchObject({
      regionCode: XIHU,
      status: 'INVESTIGATING',
      transfers: [
        {
          fromRegionCode: KUNSHAN,
          toRegionCode: XIHU,
          status: 'ACCEPTED',
          decisionComment: '同意接收',
          evidenceVerified: 1,
        },
      ],
    });
    expect(newRegion.steps.map((recorded) => `${recorded.action}@${recorded.regionCode}`)).toEqual([
      `FILING_SUBMITTED@${KUNSHAN}`,
      `FILING_APPROVED@${KUNSHAN}`,
      `INVESTIGATION_STARTED@${KUNSHAN}`,
      `EVIDENCE_ADDED@${KUNSHAN}`,
      `TRANSFER_PROPOSED@${KUNSHAN}`,
      `TRANSFER_ACCEPTED@${XIHU}`,
      `EVIDENCE_ADDED@${XIHU}`,
    ]);
    expect(newRegion.evidence.map((item) => [item.regionCode, item.sm3Digest])).toEqual([
      [KUNSHAN, sm3(photo)],
      [XIHU, sm3(more)],
    ]);

    // The old region reads the case and what it did there, not Zhejiang's work, and acts no more.
    const oldRegion = (await viewCase(jsSupervisor, caseNumber))!;
    expect(oldRegion).toMatchObject({
      regionCode: XIHU,
      status: 'INVESTIGATING',
      sharedWith: [{ regionCode: KUNSHAN, kind: 'TRANSFERRED_FROM' }],
    });
    expect(oldRegion.steps.map((recorded) => recorded.action)).toEqual([
      'FILING_SUBMITTED',
      'FILING_APPROVED',
      'INVESTIGATION_STARTED',
      'EVIDENCE_ADDED',
      'TRANSFER_PROPOSED',
    ]);
    expect(oldRegion.evidence.map((item) => item.regionCode)).toEqual([KUNSHAN]);
    expect(await isListed(jsSupervisor, caseNumber)).toBe(true);
    const oldActs = await graphql(
      `
        mutation ($input: DismissCaseInput!) {
          dismissCase(input: $input) {
            case {
              status
            }
          }
        }
      `,
      { input: { caseNumber, reason: '撤销' } },
      { token: jsSupervisor },
    );
    expect(refusal(oldActs)).toMatchObject({ code: 'FORBIDDEN' });

    // An unrelated region sees nothing: not the case, not in lists, not its evidence.
    expect(await viewCase(unrelated, caseNumber)).toBeNull();
    expect(await isListed(unrelated, caseNumber)).toBe(false);
    const content = await query<{ caseEvidenceContent: unknown }>(
      unrelated,
      `query ($id: ID!) { caseEvidenceContent(id: $id) { sm3Digest } }`,
      { id: newRegion.evidence[0].id },
    );
    expect(content.caseEvidenceContent).toBeNull();
  });

  it('keeps a declined transfer with the old region, out of the receiving region’s sight', async () => {
    const caseNumber = await proposedToXihu(parties, Buffer.from(`declined transfer photo ${Date.now()}`));
    const declined = await query<{
      declineCaseTransfer: { transfer: { status: string; decisionComment: string }; case: unknown };
    }>(
      zjSupervisor,
      `mutation DeclineTransfer($input: DeclineCaseTransferInput!) { declineCaseTransfer(input: $input) { transfer { status decisionComment } case { caseNumber } } }`,
      { input: { caseNumber, reason: '该车辆已过户至江苏，不属本地管辖' } },
    );
    expect(declined.declineCaseTransfer).toEqual({
      transfer: { status: 'DECLINED', decisionComment: '该车辆已过户至江苏，不属本地管辖' },
      case: null,
    });

    expect(await viewCase(zjSupervisor, caseNumber)).toBeNull();
    expect(await isListed(zjSupervisor, caseNumber)).toBe(false);
    const oldRegion = (await viewCase(jsSupervisor, caseNumber))!;
    expect(oldRegion).toMatchObject({
      regionCode: KUNSHAN,
      status: 'INVESTIGATING',
      transfers: [{ toRegionCode: XIHU, status: 'DECLINED' }],
      sharedWith: [],
    });
    expect(oldRegion.steps.slice(-2).map((recorded) => `${recorded.action}@${recorded.regionCode}`)).toEqual([
      `TRANSFER_PROPOSED@${KUNSHAN}`,
      `TRANSFER_DECLINED@${XIHU}`,
    ]);
    expect(await viewCase(unrelated, caseNumber)).toBeNull();
    // The old region goes on with its case.
    const resumed = await query<{ requestAssistance: { assistanceRequest: { status: string } } }>(
      jsOfficer,
      `mutation Ask($input: RequestAssistanceInput!) { requestAssistance(input: $input) { assistanceRequest { status } } }`,
      {
        input: {
          caseNumber,
          assistingRegionCode: XIHU,
          question: '请协助核查车辆过户记录',
          sharedSummary: '浙A23456，声称已过户至江苏',
        },
      },
    );
    expect(resumed.requestAssistance.assistanceRequest.status).toBe('OPEN');
    // Every exchange step is in the audit trail, with the case number among the entities it named.
    // (Found by operation name: the trail's `entity` filter fails on MariaDB, a gateway matter.)
    const audit = await query<
      Record<string, { edges: Array<{ node: { username: string; outcome: string; entities: string } }> }>
    >(
      await tokenFor('ministry-admin'),
      `query ExchangeAudit {
        proposed: auditRecords(operationName: "ProposeTransfer", first: 20) { edges { node { username outcome entities } } }
        declined: auditRecords(operationName: "DeclineTransfer", first: 20) { edges { node { username outcome entities } } }
        asked: auditRecords(operationName: "Ask", first: 20) { edges { node { username outcome entities } } }
      }`,
    );
    const ofCase = (alias: string) =>
      audit[alias].edges.map((edge) => edge.node).filter((node) => node.entities.split(' ').includes(caseNumber));
    expect(ofCase('proposed')).toEqual([
      { username: 'js-enforcement-supervisor', outcome: 'OK', entities: expect.any(String) },
    ]);
    expect(ofCase('declined')).toEqual([
      { username: 'zj-enforcement-supervisor', outcome: 'OK', entities: expect.any(String) },
    ]);
    expect(ofCase('asked')).toEqual([{ username: 'js-pii-officer', outcome: 'OK', entities: expect.any(String) }]);
  });

  it('detects evidence altered in the file store, naming the item, when it is read and when it would be handed over', async () => {
    const photo = Buffer.from(`tampered photo ${Date.now()}`);
    const caseNumber = await proposedToXihu(parties, photo);
    const [item] = (await viewCase(jsSupervisor, caseNumber))!.evidence;
    writeFileSync(storedFileWith(photo), 'a different photograph');

    const read = await graphql(
      `
        query Content($id: ID!) {
          caseEvidenceContent(id: $id) {
            sm3Digest
          }
        }
      `,
      { id: item.id },
      { token: jsOfficer },
    );
    expect(refusal(read)).toEqual({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
    expect(read.errors?.[0]?.message).toBe(
      `Evidence ${item.id} "昆山治超站现场照片" (weigh-station.jpg) of case ${caseNumber} does not match its recorded SM3 digest: it was altered after it was stored`,
    );
    const handover = await graphql(
      `
        mutation AcceptTransfer($input: AcceptCaseTransferInput!) {
          acceptCaseTransfer(input: $input) {
            transfer {
              status
            }
          }
        }
      `,
      { input: { caseNumber } },
      { token: zjSupervisor },
    );
    expect(refusal(handover)).toEqual({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
    expect(handover.errors?.[0]?.message).toContain(`Evidence ${item.id} "昆山治超站现场照片"`);
    // Nothing moved: still Kunshan's, still awaiting the decision.
    expect(await viewCase(jsSupervisor, caseNumber)).toMatchObject({ regionCode: KUNSHAN, status: 'TRANSFER_PENDING' });
  });
});
