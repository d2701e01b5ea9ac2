import { graphql, query, tokenFor, type GraphQLResponse } from './single-window.client';
import { story } from './story';
import { attachRequiredMaterials } from './permit-materials';

// The permit workflow through the gateway, as the officers who do each step: js-licensing-officer
// (江苏省 320000) submits, accepts and returns; js-licensing-reviewer reviews and decides; on a route
// through Zhejiang, zj-licensing-reviewer (浙江省 330000) decides Zhejiang's segment. The helpers the
// test/permit-*.test.ts files share.

export const APPLICATION_FIELDS = `applicationNumber status version regionCode handlingOfficer decisionDueDate workingDaysLeft permitNumber decidedBy decisionComment
  history { action fromStatus toStatus actor comment }`;

export interface Application {
  applicationNumber: string;
  status: string;
  version: number;
  regionCode: string;
  handlingOfficer: string | null;
  decisionDueDate: string | null;
  workingDaysLeft: number | null;
  permitNumber: string | null;
  decidedBy: string | null;
  decisionComment: string | null;
  history: Array<{
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actor: string;
    comment: string | null;
  }>;
}

export type Payload = {
  application: Application;
  permit: { number: string; status: string; kind: string; regionCode: string } | null;
};

export const MUTATIONS: Record<string, string> = {
  submitPermitApplication: 'SubmitPermitApplicationInput',
  acceptPermitApplication: 'ApplicationActionInput',
  returnPermitApplication: 'ReturnPermitApplicationInput',
  resubmitPermitApplication: 'ResubmitPermitApplicationInput',
  reviewPermitApplication: 'ReviewPermitApplicationInput',
  approvePermitApplication: 'ApprovePermitApplicationInput',
  rejectPermitApplication: 'RejectPermitApplicationInput',
  withdrawPermitApplication: 'WithdrawPermitApplicationInput',
  requestDeadlineExtension: 'RequestDeadlineExtensionInput',
  approveDeadlineExtension: 'DecideDeadlineExtensionInput',
  refuseDeadlineExtension: 'DecideDeadlineExtensionInput',
  approveRouteSegment: 'RouteSegmentDecisionInput',
  refuseRouteSegment: 'RouteSegmentDecisionInput',
};

export function document(mutation: string): string {
  return `mutation ($input: ${MUTATIONS[mutation]}!) { ${mutation}(input: $input) { application { ${APPLICATION_FIELDS} } permit { number status kind regionCode } } }`;
}

/** Runs a workflow mutation as `username`; fails the test on any error. */
export async function act(username: string, mutation: string, input: Record<string, unknown>): Promise<Payload> {
  const data = await query<Record<string, Payload>>(await tokenFor(username), document(mutation), { input });
  return data[mutation];
}

/** The same, returning the raw response for refusals. */
export async function attempt(
  username: string,
  mutation: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<Record<string, Payload>>> {
  return graphql<Record<string, Payload>>(document(mutation), { input }, { token: await tokenFor(username) });
}

export function refusal(response: GraphQLResponse<unknown>): { code?: string; reason?: string; field?: string } {
  expect(response.errors).toHaveLength(1);
  return response.errors![0].extensions ?? {};
}

export async function application(username: string, applicationNumber: string): Promise<Application | null> {
  const data = await query<{ permitApplication: Application | null }>(
    await tokenFor(username),
    `query ($number: String!) { permitApplication(applicationNumber: $number) { ${APPLICATION_FIELDS} } }`,
    { number: applicationNumber },
  );
  return data.permitApplication;
}

export const steps = (found: Application) =>
  found.history.map((entry) => `${entry.action}:${entry.toStatus}:${entry.actor}`);
export const PDF = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n`).toString('base64');

export async function attach(username: string, applicationNumber: string, materialCode: string, text = materialCode) {
  const data = await query<{
    attachPermitMaterial: { material: { id: string; sm3Digest: string; sizeBytes: number; materialName: string } };
  }>(
    await tokenFor(username),
    `mutation ($input: AttachPermitMaterialInput!) { attachPermitMaterial(input: $input) { material { id sm3Digest sizeBytes materialName } } }`,
    { input: { applicationNumber, materialCode, fileName: `${materialCode}.pdf`, contentBase64: PDF(text) } },
  );
  return data.attachPermitMaterial.material;
}

export const OFFICER = 'js-licensing-officer';
export const REVIEWER = 'js-licensing-reviewer';
export const ZJ_REVIEWER = 'zj-licensing-reviewer';

/** Registers an enterprise in 320104 (a fresh credit code) for the applications of one test file. */
export async function jiangsuApplicant(
  name = '许可流程测试运输有限公司',
): Promise<{ creditCode: string; regionCode: string }> {
  return story(await tokenFor(OFFICER)).enterprise('320104', name);
}

/** Submits an application of `kind` for `applicant` to 320104, as the Jiangsu licensing officer. */
export function submitFor(
  applicant: { creditCode: string },
  kind: string,
  extra: Record<string, unknown> = {},
): Promise<Payload> {
  return act(OFFICER, 'submitPermitApplication', {
    creditCode: applicant.creditCode,
    kind,
    scope: '许可流程测试',
    regionCode: '320104',
    ...extra,
  });
}

/** Attaches every material the kind requires but those named, as the licensing officer (acceptance needs them). */
export async function attachAll(applicationNumber: string, kind: string, except: string[] = []): Promise<void> {
  await attachRequiredMaterials(await tokenFor('js-licensing-officer'), applicationNumber, kind as never, except);
}
