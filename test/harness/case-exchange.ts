import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readState } from './harness-state';
import { query, tokenFor, type GraphQLResponse } from './single-window.client';
import { story } from './story';

// 异地执法数据交换 through the gateway: transfers (移送) and assistance requests (协查) between Jiangsu and
// Zhejiang, each seen from the old region, the new region (or the region asked) and an unrelated one.
// Kunshan (320583) cases are handled by the Jiangsu supervisor and js-pii-officer (an enforcement
// officer of 320000); Hangzhou's 西湖区 (330106) by zj-enforcement-supervisor and hz-enforcement-officer
// (330100); Nanjing's officer (320100) sees neither region, so it is the unrelated one. The helpers
// test/case-transfer.test.ts and test/case-assistance.test.ts share.

export const KUNSHAN = '320583';
export const XIHU = '330106';

export const VIEW = `query CaseView($caseNumber: String!) { enforcementCase(caseNumber: $caseNumber) {
  caseNumber regionCode status
  steps { action regionCode }
  evidence { id regionCode sm3Digest }
  transfers { fromRegionCode toRegionCode status decisionComment evidenceVerified }
  sharedWith { regionCode kind }
} }`;
export const LIST = `query CaseList($status: CaseStatus) { enforcementCases(status: $status, first: 100) { totalCount edges { node { caseNumber } } } }`;

export interface View {
  caseNumber: string;
  regionCode: string;
  status: string;
  steps: Array<{ action: string; regionCode: string }>;
  evidence: Array<{ id: string; regionCode: string; sm3Digest: string }>;
  transfers: Array<{
    fromRegionCode: string;
    toRegionCode: string;
    status: string;
    decisionComment: string | null;
    evidenceVerified: number | null;
  }>;
  sharedWith: Array<{ regionCode: string; kind: string }>;
}

export function sm3(bytes: Buffer): string {
  return createHash('sm3').update(bytes).digest('hex');
}

export function refusal(response: GraphQLResponse<unknown>): { code?: string; reason?: string } {
  return {
    code: response.errors?.[0]?.extensions?.code,
    reason: response.errors?.[0]?.extensions?.reason,
  };
}

/** The stored file holding exactly these bytes, found the way someone with disk access to the store would. */
export function storedFileWith(bytes: Buffer): string {
  const walk = (directory: string): string[] =>
    readdirSync(directory).flatMap((entry) => {
      const path = join(directory, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  const found = walk(join(readState().dataDirectory, 'files', 'enforcement')).filter((path) =>
    readFileSync(path).equals(bytes),
  );
  if (found.length !== 1) throw new Error(`expected one stored file with these bytes, found ${found.length}`);
  return found[0];
}

/** The officers' tokens, and an enterprise in 西湖区 the cases are against. */
export interface ExchangeParties {
  jsSupervisor: string;
  jsOfficer: string;
  zjSupervisor: string;
  hzOfficer: string;
  unrelated: string;
  creditCode: string;
}

export async function exchangeParties(): Promise<ExchangeParties> {
  const [jsSupervisor, jsOfficer, zjSupervisor, hzOfficer, unrelated] = await Promise.all(
    [
      'js-enforcement-supervisor',
      'js-pii-officer',
      'zj-enforcement-supervisor',
      'hz-enforcement-officer',
      'nj-enforcement-officer',
    ].map(tokenFor),
  );
  const creditCode = (await story(await tokenFor('ministry-admin')).enterprise(XIHU, '交换测试西湖物流有限公司'))
    .creditCode;
  return { jsSupervisor, jsOfficer, zjSupervisor, hzOfficer, unrelated, creditCode };
}

/** The case as `token`'s holder sees it, or null. */
export async function viewCase(token: string, caseNumber: string): Promise<View | null> {
  return (await query<{ enforcementCase: View | null }>(token, VIEW, { caseNumber })).enforcementCase;
}

/** Whether the case is in `token`'s holder's case list (optionally of one status). */
export async function isListed(token: string, caseNumber: string, status?: string): Promise<boolean> {
  return (
    await query<{ enforcementCases: { edges: Array<{ node: { caseNumber: string } }> } }>(token, LIST, {
      status: status ?? null,
    })
  ).enforcementCases.edges.some((edge) => edge.node.caseNumber === caseNumber);
}

/** A Kunshan case under investigation with one photo, proposed by the Jiangsu supervisor for transfer to 西湖区. */
export async function proposedToXihu(
  parties: Pick<ExchangeParties, 'jsOfficer' | 'jsSupervisor' | 'creditCode'>,
  photo: Buffer,
): Promise<string> {
  const { jsOfficer, jsSupervisor, creditCode } = parties;
  const filed = await query<{ fileCase: { case: { caseNumber: string } } }>(
    jsOfficer,
    `mutation File($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
    {
      input: { regionCode: KUNSHAN, cause: '货运车辆未随车携带道路运输证', creditCode, plateNumber: '浙A23456' },
    },
  );
  const caseNumber = filed.fileCase.case.caseNumber;
  await query(
    jsSupervisor,
    `mutation Approve($input: CaseActionInput!) { approveCaseFiling(input: $input) { case { status } } }`,
    { input: { caseNumber } },
  );
  await query(
    jsOfficer,
    `mutation Investigate($input: CaseActionInput!) { startCaseInvestigation(input: $input) { case { status } } }`,
    { input: { caseNumber } },
  );
  await query(
    jsOfficer,
    `mutation Evidence($input: AddCaseEvidenceInput!) { addCaseEvidence(input: $input) { evidence { id } } }`,
    {
      input: {
        caseNumber,
        kind: 'PHOTO',
        title: '昆山治超站现场照片',
        fileName: 'weigh-station.jpg',
        contentBase64: photo.toString('base64'),
        collectedAt: new Date(Date.now() - 600_000).toISOString(),
      },
    },
  );
  const proposed = await query<{ proposeCaseTransfer: { transfer: { status: string }; case: { status: string } } }>(
    jsSupervisor,
    `mutation ProposeTransfer($input: ProposeCaseTransferInput!) { proposeCaseTransfer(input: $input) { transfer { status } case { status } } }`,
    { input: { caseNumber, toRegionCode: XIHU, reason: '车辆登记地及经营业户均在杭州市西湖区，移送属地管辖' } },
  );
  expect(proposed.proposeCaseTransfer).toEqual({
    transfer: { status: 'PROPOSED' },
    case: { status: 'TRANSFER_PENDING' },
  });
  return caseNumber;
}
