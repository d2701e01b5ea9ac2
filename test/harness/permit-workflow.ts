import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { gql } from '../generated';
import type { WorkflowApplicationFragment, WorkflowPayloadFragment } from '../generated/graphql';
import { graphql, query, tokenFor, type GraphQLResponse } from './single-window.client';
import { story } from './story';
import { attachRequiredMaterials } from './permit-materials';

// The permit workflow through the gateway, as the officers who do each step: js-licensing-officer
// (江苏省 320000) submits, accepts and returns; js-licensing-reviewer reviews and decides; on a route
// through Zhejiang, zj-licensing-reviewer (浙江省 330000) decides Zhejiang's segment. The helpers the
// test/permit-*.test.ts files share.

// The fields each workflow answer is checked by: the application as it now stands and the permit issued.
gql(`fragment WorkflowApplication on PermitApplication {
  applicationNumber status version regionCode handlingOfficer decisionDueDate workingDaysLeft permitNumber decidedBy decisionComment
  history { action fromStatus toStatus actor comment }
}`);
gql(`fragment WorkflowPayload on PermitApplicationPayload {
  application { ...WorkflowApplication }
  permit { number status kind regionCode }
}`);

/** The workflow mutations, each answering a PermitApplicationPayload. */
const WORKFLOW = {
  submitPermitApplication: gql(`mutation SubmitPermitApplication($input: SubmitPermitApplicationInput!) {
  submitPermitApplication(input: $input) { ...WorkflowPayload } }`),
  acceptPermitApplication: gql(`mutation AcceptPermitApplication($input: ApplicationActionInput!) {
  acceptPermitApplication(input: $input) { ...WorkflowPayload } }`),
  returnPermitApplication: gql(`mutation ReturnPermitApplication($input: ReturnPermitApplicationInput!) {
  returnPermitApplication(input: $input) { ...WorkflowPayload } }`),
  resubmitPermitApplication: gql(`mutation ResubmitPermitApplication($input: ResubmitPermitApplicationInput!) {
  resubmitPermitApplication(input: $input) { ...WorkflowPayload } }`),
  reviewPermitApplication: gql(`mutation ReviewPermitApplication($input: ReviewPermitApplicationInput!) {
  reviewPermitApplication(input: $input) { ...WorkflowPayload } }`),
  approvePermitApplication: gql(`mutation ApprovePermitApplication($input: ApprovePermitApplicationInput!) {
  approvePermitApplication(input: $input) { ...WorkflowPayload } }`),
  rejectPermitApplication: gql(`mutation RejectPermitApplication($input: RejectPermitApplicationInput!) {
  rejectPermitApplication(input: $input) { ...WorkflowPayload } }`),
  withdrawPermitApplication: gql(`mutation WithdrawPermitApplication($input: WithdrawPermitApplicationInput!) {
  withdrawPermitApplication(input: $input) { ...WorkflowPayload } }`),
  requestDeadlineExtension: gql(`mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {
  requestDeadlineExtension(input: $input) { ...WorkflowPayload } }`),
  approveDeadlineExtension: gql(`mutation ApproveDeadlineExtension($input: DecideDeadlineExtensionInput!) {
  approveDeadlineExtension(input: $input) { ...WorkflowPayload } }`),
  refuseDeadlineExtension: gql(`mutation RefuseDeadlineExtension($input: DecideDeadlineExtensionInput!) {
  refuseDeadlineExtension(input: $input) { ...WorkflowPayload } }`),
  approveRouteSegment: gql(`mutation ApproveRouteSegment($input: RouteSegmentDecisionInput!) {
  approveRouteSegment(input: $input) { ...WorkflowPayload } }`),
  refuseRouteSegment: gql(`mutation RefuseRouteSegment($input: RouteSegmentDecisionInput!) {
  refuseRouteSegment(input: $input) { ...WorkflowPayload } }`),
};

export type WorkflowMutation = keyof typeof WORKFLOW;
/** What every workflow mutation answers (generated from the WorkflowPayload fragment). */
export type Payload = WorkflowPayloadFragment;
export type Application = WorkflowApplicationFragment;

// Inputs stay loosely typed on purpose: the permit tests send refused and malformed inputs (a bad
// project code, an action in the wrong role) to see the server refuse them, so the server checks them.
function request(mutation: WorkflowMutation) {
  return WORKFLOW[mutation] as TypedDocumentNode<Record<WorkflowMutation, Payload>, { input: Record<string, unknown> }>;
}

/** Runs a workflow mutation as `username`; fails the test on any error. */
export async function act(
  username: string,
  mutation: WorkflowMutation,
  input: Record<string, unknown>,
): Promise<Payload> {
  const data = await query(await tokenFor(username), request(mutation), { input });
  return data[mutation];
}

/** The same, returning the raw response for refusals. */
export async function attempt(
  username: string,
  mutation: WorkflowMutation,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<Record<WorkflowMutation, Payload>>> {
  return graphql(request(mutation), { input }, { token: await tokenFor(username) });
}

export function refusal(response: GraphQLResponse<unknown>): { code?: string; reason?: string; field?: string } {
  expect(response.errors).toHaveLength(1);
  return response.errors![0].extensions ?? {};
}

export async function application(username: string, applicationNumber: string): Promise<Application | null> {
  const data = await query(
    await tokenFor(username),
    gql(`query WorkflowApplicationRead($number: String!) {
  permitApplication(applicationNumber: $number) { ...WorkflowApplication } }`),
    { number: applicationNumber },
  );
  return data.permitApplication;
}

export const steps = (found: Application) =>
  found.history.map((entry) => `${entry.action}:${entry.toStatus}:${entry.actor}`);
export const PDF = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n`).toString('base64');

export async function attach(username: string, applicationNumber: string, materialCode: string, text = materialCode) {
  const data = await query(
    await tokenFor(username),
    gql(
      `mutation AttachWorkflowMaterial($input: AttachPermitMaterialInput!) { attachPermitMaterial(input: $input) { material { id sm3Digest sizeBytes materialName } } }`,
    ),
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
    // A hazardous-goods permit names the classes it covers (safety checks waybills against them).
    ...(kind === 'HAZARDOUS_GOODS_TRANSPORT' ? { hazardClasses: ['3'] } : {}),
    ...extra,
  });
}

/** Attaches every material the kind requires but those named, as the licensing officer (acceptance needs them). */
export async function attachAll(applicationNumber: string, kind: string, except: string[] = []): Promise<void> {
  await attachRequiredMaterials(await tokenFor('js-licensing-officer'), applicationNumber, kind as never, except);
}
