/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query EnterpriseCreditAndPermits($creditCode: String!) {\n  enterprise(creditCode: $creditCode) {\n    creditCode\n    name\n    regionCode\n    permits(first: 20) {\n      totalCount\n      edges {\n        node {\n          number\n          kind\n          status\n          validFrom\n          validUntil\n        }\n      }\n    }\n    creditProfile {\n      score\n      rating\n      records(first: 20) {\n        totalCount\n        edges {\n          node {\n            kind\n            source\n            summary\n            decidedAt\n          }\n        }\n      }\n    }\n  }\n}": typeof types.EnterpriseCreditAndPermitsDocument,
    "query EnterprisesInRegion($regionCode: String!, $after: String) {\n  enterprises(regionCode: $regionCode, first: 50, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        creditCode\n        name\n        regionCode\n      }\n    }\n  }\n}": typeof types.EnterprisesInRegionDocument,
    "query SeriousDishonestyList($creditCode: String, $after: String) {\n  creditListEntries(\n    list: SERIOUS_DISHONESTY\n    creditCode: $creditCode\n    first: 50\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        creditCode\n        criterion\n        criterionDescription\n        regionCode\n        authorityName\n        decisions {\n          kind\n          documentNumber\n        }\n        startedAt\n        plannedRemovalAt\n      }\n    }\n  }\n}": typeof types.SeriousDishonestyListDocument,
    "query TransportIndicatorTrend($indicator: Indicator!, $regionCode: String!, $granularity: PeriodGranularity!, $from: String!, $to: String!) {\n  indicatorSeries(\n    indicator: $indicator\n    regionCode: $regionCode\n    granularity: $granularity\n    from: $from\n    to: $to\n  ) {\n    definition {\n      code\n      name\n      nameEn\n      unit\n      regionRule\n    }\n    regionCode\n    regionName\n    points {\n      period\n      value\n      periodOnPeriodPercent\n      yearOnYearPercent\n    }\n  }\n}": typeof types.TransportIndicatorTrendDocument,
    "mutation SubmitVehiclePositions($input: SubmitVehiclePositionsInput!) {\n  submitVehiclePositions(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    alertsRaised\n    results {\n      index\n      plateNumber\n      outcome\n      problems {\n        field\n        code\n        message\n      }\n    }\n  }\n}": typeof types.SubmitVehiclePositionsDocument,
    "mutation SubmitOverloadRecords($input: SubmitOverloadRecordsInput!) {\n  submitOverloadRecords(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    results {\n      index\n      stationRecordId\n      outcome\n      overloaded\n      problems {\n        field\n        message\n      }\n    }\n  }\n}": typeof types.SubmitOverloadRecordsDocument,
    "query OutageRead($code: String!) { enterprise(creditCode: $code) { name } }": typeof types.OutageReadDocument,
    "mutation OutageWrite($input: RegisterEnterpriseInput!) {\n  registerEnterprise(input: $input) { enterprise { creditCode name } }\n}": typeof types.OutageWriteDocument,
    "\n        query OutageOtherDepartments($code: String!) {\n          enterprise(creditCode: $code) {\n            name\n          }\n          creditProfile(creditCode: $code) {\n            rating\n          }\n        }\n      ": typeof types.OutageOtherDepartmentsDocument,
    "fragment WorkflowApplication on PermitApplication {\n  applicationNumber status version regionCode handlingOfficer decisionDueDate workingDaysLeft permitNumber decidedBy decisionComment\n  history { action fromStatus toStatus actor comment }\n}": typeof types.WorkflowApplicationFragmentDoc,
    "fragment WorkflowPayload on PermitApplicationPayload {\n  application { ...WorkflowApplication }\n  permit { number status kind regionCode }\n}": typeof types.WorkflowPayloadFragmentDoc,
    "mutation SubmitPermitApplication($input: SubmitPermitApplicationInput!) {\n  submitPermitApplication(input: $input) { ...WorkflowPayload } }": typeof types.SubmitPermitApplicationDocument,
    "mutation AcceptPermitApplication($input: ApplicationActionInput!) {\n  acceptPermitApplication(input: $input) { ...WorkflowPayload } }": typeof types.AcceptPermitApplicationDocument,
    "mutation ReturnPermitApplication($input: ReturnPermitApplicationInput!) {\n  returnPermitApplication(input: $input) { ...WorkflowPayload } }": typeof types.ReturnPermitApplicationDocument,
    "mutation ResubmitPermitApplication($input: ResubmitPermitApplicationInput!) {\n  resubmitPermitApplication(input: $input) { ...WorkflowPayload } }": typeof types.ResubmitPermitApplicationDocument,
    "mutation ReviewPermitApplication($input: ReviewPermitApplicationInput!) {\n  reviewPermitApplication(input: $input) { ...WorkflowPayload } }": typeof types.ReviewPermitApplicationDocument,
    "mutation ApprovePermitApplication($input: ApprovePermitApplicationInput!) {\n  approvePermitApplication(input: $input) { ...WorkflowPayload } }": typeof types.ApprovePermitApplicationDocument,
    "mutation RejectPermitApplication($input: RejectPermitApplicationInput!) {\n  rejectPermitApplication(input: $input) { ...WorkflowPayload } }": typeof types.RejectPermitApplicationDocument,
    "mutation WithdrawPermitApplication($input: WithdrawPermitApplicationInput!) {\n  withdrawPermitApplication(input: $input) { ...WorkflowPayload } }": typeof types.WithdrawPermitApplicationDocument,
    "mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {\n  requestDeadlineExtension(input: $input) { ...WorkflowPayload } }": typeof types.RequestDeadlineExtensionDocument,
    "mutation ApproveDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n  approveDeadlineExtension(input: $input) { ...WorkflowPayload } }": typeof types.ApproveDeadlineExtensionDocument,
    "mutation RefuseDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n  refuseDeadlineExtension(input: $input) { ...WorkflowPayload } }": typeof types.RefuseDeadlineExtensionDocument,
    "mutation ApproveRouteSegment($input: RouteSegmentDecisionInput!) {\n  approveRouteSegment(input: $input) { ...WorkflowPayload } }": typeof types.ApproveRouteSegmentDocument,
    "mutation RefuseRouteSegment($input: RouteSegmentDecisionInput!) {\n  refuseRouteSegment(input: $input) { ...WorkflowPayload } }": typeof types.RefuseRouteSegmentDocument,
    "query WorkflowApplicationRead($number: String!) {\n  permitApplication(applicationNumber: $number) { ...WorkflowApplication } }": typeof types.WorkflowApplicationReadDocument,
    "mutation AttachWorkflowMaterial($input: AttachPermitMaterialInput!) { attachPermitMaterial(input: $input) { material { id sm3Digest sizeBytes materialName } } }": typeof types.AttachWorkflowMaterialDocument,
    "\n  query SingleWindow($code: String!) {\n    enterprise(creditCode: $code) {\n      creditCode name regionCode\n      permits(first: 10) { totalCount edges { node { number kind status validUntil } } }\n      enforcementCases(first: 10) { totalCount edges { node { caseNumber status regionCode } } }\n      creditProfile { rating records(first: 10) { totalCount edges { node { kind decidedAt } } } }\n      waybills(first: 10) { totalCount edges { node { waybillNumber status } } }\n      activitySummary { year permitsIssued casesOpened waybillsCreated }\n    }\n  }": typeof types.SingleWindowDocument,
    "query OverloadRecordsOfPlate($plate: String!, $first: Int = 10) {\n  overloadRecords(plateNumber: $plate, first: $first) { totalCount edges { node {\n  stationRecordId overloaded excessKg enterprise { creditCode } case { caseNumber status regionCode creditCode }\n} } } }": typeof types.OverloadRecordsOfPlateDocument,
    "query OverloadDraftCase($number: String!) { enforcementCase(caseNumber: $number) { caseNumber status plateNumber cause filedBy steps { action toStatus actor regionCode } overloadRecords { totalCount } } }": typeof types.OverloadDraftCaseDocument,
    "query KunshanFilingsPending { enforcementCases(regionCode: \"320583\", status: FILING_PENDING, first: 100) { edges { node { caseNumber plateNumber } } } }": typeof types.KunshanFilingsPendingDocument,
    "query OverloadCaseSeen($number: String!) { enforcementCase(caseNumber: $number) { caseNumber } }": typeof types.OverloadCaseSeenDocument,
    "query JiangningFilingsPending { enforcementCases(regionCode: \"320115\", status: FILING_PENDING, first: 100) { edges { node { caseNumber } } } }": typeof types.JiangningFilingsPendingDocument,
    "mutation ApproveOverloadDraft($input: CaseActionInput!) { approveCaseFiling(input: $input) { case { caseNumber status filingApprovedBy steps { action } } } }": typeof types.ApproveOverloadDraftDocument,
    "query EnterpriseOverloadCases($code: String!) { enterprise(creditCode: $code) { name enforcementCases(first: 10) { edges { node { caseNumber status vehicle { plateNumber vehicleType } } } } } }": typeof types.EnterpriseOverloadCasesDocument,
    "\n        query PartialSingleWindow {\n          enterprise(creditCode: \"91320102MA1MY0R10Q\") {\n            name\n            permits(first: 1) {\n              totalCount\n            }\n            creditProfile {\n              rating\n            }\n          }\n        }\n      ": typeof types.PartialSingleWindowDocument,
    "\n  query SecondFactorAuditCount {\n    auditRecords(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.SecondFactorAuditCountDocument,
    "\n  query SecondFactorEnterprises {\n    enterprises(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.SecondFactorEnterprisesDocument,
    "query UnregisteredEnterprise($code: String!) { enterprise(creditCode: $code) { name } }": typeof types.UnregisteredEnterpriseDocument,
    "query RegistryPage($region: String, $after: String) {\n      enterprises(regionCode: $region, first: 2, after: $after) {\n        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { creditCode regionCode } }\n      }\n    }": typeof types.RegistryPageDocument,
};
const documents: Documents = {
    "query EnterpriseCreditAndPermits($creditCode: String!) {\n  enterprise(creditCode: $creditCode) {\n    creditCode\n    name\n    regionCode\n    permits(first: 20) {\n      totalCount\n      edges {\n        node {\n          number\n          kind\n          status\n          validFrom\n          validUntil\n        }\n      }\n    }\n    creditProfile {\n      score\n      rating\n      records(first: 20) {\n        totalCount\n        edges {\n          node {\n            kind\n            source\n            summary\n            decidedAt\n          }\n        }\n      }\n    }\n  }\n}": types.EnterpriseCreditAndPermitsDocument,
    "query EnterprisesInRegion($regionCode: String!, $after: String) {\n  enterprises(regionCode: $regionCode, first: 50, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        creditCode\n        name\n        regionCode\n      }\n    }\n  }\n}": types.EnterprisesInRegionDocument,
    "query SeriousDishonestyList($creditCode: String, $after: String) {\n  creditListEntries(\n    list: SERIOUS_DISHONESTY\n    creditCode: $creditCode\n    first: 50\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        creditCode\n        criterion\n        criterionDescription\n        regionCode\n        authorityName\n        decisions {\n          kind\n          documentNumber\n        }\n        startedAt\n        plannedRemovalAt\n      }\n    }\n  }\n}": types.SeriousDishonestyListDocument,
    "query TransportIndicatorTrend($indicator: Indicator!, $regionCode: String!, $granularity: PeriodGranularity!, $from: String!, $to: String!) {\n  indicatorSeries(\n    indicator: $indicator\n    regionCode: $regionCode\n    granularity: $granularity\n    from: $from\n    to: $to\n  ) {\n    definition {\n      code\n      name\n      nameEn\n      unit\n      regionRule\n    }\n    regionCode\n    regionName\n    points {\n      period\n      value\n      periodOnPeriodPercent\n      yearOnYearPercent\n    }\n  }\n}": types.TransportIndicatorTrendDocument,
    "mutation SubmitVehiclePositions($input: SubmitVehiclePositionsInput!) {\n  submitVehiclePositions(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    alertsRaised\n    results {\n      index\n      plateNumber\n      outcome\n      problems {\n        field\n        code\n        message\n      }\n    }\n  }\n}": types.SubmitVehiclePositionsDocument,
    "mutation SubmitOverloadRecords($input: SubmitOverloadRecordsInput!) {\n  submitOverloadRecords(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    results {\n      index\n      stationRecordId\n      outcome\n      overloaded\n      problems {\n        field\n        message\n      }\n    }\n  }\n}": types.SubmitOverloadRecordsDocument,
    "query OutageRead($code: String!) { enterprise(creditCode: $code) { name } }": types.OutageReadDocument,
    "mutation OutageWrite($input: RegisterEnterpriseInput!) {\n  registerEnterprise(input: $input) { enterprise { creditCode name } }\n}": types.OutageWriteDocument,
    "\n        query OutageOtherDepartments($code: String!) {\n          enterprise(creditCode: $code) {\n            name\n          }\n          creditProfile(creditCode: $code) {\n            rating\n          }\n        }\n      ": types.OutageOtherDepartmentsDocument,
    "fragment WorkflowApplication on PermitApplication {\n  applicationNumber status version regionCode handlingOfficer decisionDueDate workingDaysLeft permitNumber decidedBy decisionComment\n  history { action fromStatus toStatus actor comment }\n}": types.WorkflowApplicationFragmentDoc,
    "fragment WorkflowPayload on PermitApplicationPayload {\n  application { ...WorkflowApplication }\n  permit { number status kind regionCode }\n}": types.WorkflowPayloadFragmentDoc,
    "mutation SubmitPermitApplication($input: SubmitPermitApplicationInput!) {\n  submitPermitApplication(input: $input) { ...WorkflowPayload } }": types.SubmitPermitApplicationDocument,
    "mutation AcceptPermitApplication($input: ApplicationActionInput!) {\n  acceptPermitApplication(input: $input) { ...WorkflowPayload } }": types.AcceptPermitApplicationDocument,
    "mutation ReturnPermitApplication($input: ReturnPermitApplicationInput!) {\n  returnPermitApplication(input: $input) { ...WorkflowPayload } }": types.ReturnPermitApplicationDocument,
    "mutation ResubmitPermitApplication($input: ResubmitPermitApplicationInput!) {\n  resubmitPermitApplication(input: $input) { ...WorkflowPayload } }": types.ResubmitPermitApplicationDocument,
    "mutation ReviewPermitApplication($input: ReviewPermitApplicationInput!) {\n  reviewPermitApplication(input: $input) { ...WorkflowPayload } }": types.ReviewPermitApplicationDocument,
    "mutation ApprovePermitApplication($input: ApprovePermitApplicationInput!) {\n  approvePermitApplication(input: $input) { ...WorkflowPayload } }": types.ApprovePermitApplicationDocument,
    "mutation RejectPermitApplication($input: RejectPermitApplicationInput!) {\n  rejectPermitApplication(input: $input) { ...WorkflowPayload } }": types.RejectPermitApplicationDocument,
    "mutation WithdrawPermitApplication($input: WithdrawPermitApplicationInput!) {\n  withdrawPermitApplication(input: $input) { ...WorkflowPayload } }": types.WithdrawPermitApplicationDocument,
    "mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {\n  requestDeadlineExtension(input: $input) { ...WorkflowPayload } }": types.RequestDeadlineExtensionDocument,
    "mutation ApproveDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n  approveDeadlineExtension(input: $input) { ...WorkflowPayload } }": types.ApproveDeadlineExtensionDocument,
    "mutation RefuseDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n  refuseDeadlineExtension(input: $input) { ...WorkflowPayload } }": types.RefuseDeadlineExtensionDocument,
    "mutation ApproveRouteSegment($input: RouteSegmentDecisionInput!) {\n  approveRouteSegment(input: $input) { ...WorkflowPayload } }": types.ApproveRouteSegmentDocument,
    "mutation RefuseRouteSegment($input: RouteSegmentDecisionInput!) {\n  refuseRouteSegment(input: $input) { ...WorkflowPayload } }": types.RefuseRouteSegmentDocument,
    "query WorkflowApplicationRead($number: String!) {\n  permitApplication(applicationNumber: $number) { ...WorkflowApplication } }": types.WorkflowApplicationReadDocument,
    "mutation AttachWorkflowMaterial($input: AttachPermitMaterialInput!) { attachPermitMaterial(input: $input) { material { id sm3Digest sizeBytes materialName } } }": types.AttachWorkflowMaterialDocument,
    "\n  query SingleWindow($code: String!) {\n    enterprise(creditCode: $code) {\n      creditCode name regionCode\n      permits(first: 10) { totalCount edges { node { number kind status validUntil } } }\n      enforcementCases(first: 10) { totalCount edges { node { caseNumber status regionCode } } }\n      creditProfile { rating records(first: 10) { totalCount edges { node { kind decidedAt } } } }\n      waybills(first: 10) { totalCount edges { node { waybillNumber status } } }\n      activitySummary { year permitsIssued casesOpened waybillsCreated }\n    }\n  }": types.SingleWindowDocument,
    "query OverloadRecordsOfPlate($plate: String!, $first: Int = 10) {\n  overloadRecords(plateNumber: $plate, first: $first) { totalCount edges { node {\n  stationRecordId overloaded excessKg enterprise { creditCode } case { caseNumber status regionCode creditCode }\n} } } }": types.OverloadRecordsOfPlateDocument,
    "query OverloadDraftCase($number: String!) { enforcementCase(caseNumber: $number) { caseNumber status plateNumber cause filedBy steps { action toStatus actor regionCode } overloadRecords { totalCount } } }": types.OverloadDraftCaseDocument,
    "query KunshanFilingsPending { enforcementCases(regionCode: \"320583\", status: FILING_PENDING, first: 100) { edges { node { caseNumber plateNumber } } } }": types.KunshanFilingsPendingDocument,
    "query OverloadCaseSeen($number: String!) { enforcementCase(caseNumber: $number) { caseNumber } }": types.OverloadCaseSeenDocument,
    "query JiangningFilingsPending { enforcementCases(regionCode: \"320115\", status: FILING_PENDING, first: 100) { edges { node { caseNumber } } } }": types.JiangningFilingsPendingDocument,
    "mutation ApproveOverloadDraft($input: CaseActionInput!) { approveCaseFiling(input: $input) { case { caseNumber status filingApprovedBy steps { action } } } }": types.ApproveOverloadDraftDocument,
    "query EnterpriseOverloadCases($code: String!) { enterprise(creditCode: $code) { name enforcementCases(first: 10) { edges { node { caseNumber status vehicle { plateNumber vehicleType } } } } } }": types.EnterpriseOverloadCasesDocument,
    "\n        query PartialSingleWindow {\n          enterprise(creditCode: \"91320102MA1MY0R10Q\") {\n            name\n            permits(first: 1) {\n              totalCount\n            }\n            creditProfile {\n              rating\n            }\n          }\n        }\n      ": types.PartialSingleWindowDocument,
    "\n  query SecondFactorAuditCount {\n    auditRecords(first: 1) {\n      totalCount\n    }\n  }\n": types.SecondFactorAuditCountDocument,
    "\n  query SecondFactorEnterprises {\n    enterprises(first: 1) {\n      totalCount\n    }\n  }\n": types.SecondFactorEnterprisesDocument,
    "query UnregisteredEnterprise($code: String!) { enterprise(creditCode: $code) { name } }": types.UnregisteredEnterpriseDocument,
    "query RegistryPage($region: String, $after: String) {\n      enterprises(regionCode: $region, first: 2, after: $after) {\n        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { creditCode regionCode } }\n      }\n    }": types.RegistryPageDocument,
};

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = gql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function gql(source: string): unknown;

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query EnterpriseCreditAndPermits($creditCode: String!) {\n  enterprise(creditCode: $creditCode) {\n    creditCode\n    name\n    regionCode\n    permits(first: 20) {\n      totalCount\n      edges {\n        node {\n          number\n          kind\n          status\n          validFrom\n          validUntil\n        }\n      }\n    }\n    creditProfile {\n      score\n      rating\n      records(first: 20) {\n        totalCount\n        edges {\n          node {\n            kind\n            source\n            summary\n            decidedAt\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query EnterpriseCreditAndPermits($creditCode: String!) {\n  enterprise(creditCode: $creditCode) {\n    creditCode\n    name\n    regionCode\n    permits(first: 20) {\n      totalCount\n      edges {\n        node {\n          number\n          kind\n          status\n          validFrom\n          validUntil\n        }\n      }\n    }\n    creditProfile {\n      score\n      rating\n      records(first: 20) {\n        totalCount\n        edges {\n          node {\n            kind\n            source\n            summary\n            decidedAt\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query EnterprisesInRegion($regionCode: String!, $after: String) {\n  enterprises(regionCode: $regionCode, first: 50, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        creditCode\n        name\n        regionCode\n      }\n    }\n  }\n}"): (typeof documents)["query EnterprisesInRegion($regionCode: String!, $after: String) {\n  enterprises(regionCode: $regionCode, first: 50, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        creditCode\n        name\n        regionCode\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query SeriousDishonestyList($creditCode: String, $after: String) {\n  creditListEntries(\n    list: SERIOUS_DISHONESTY\n    creditCode: $creditCode\n    first: 50\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        creditCode\n        criterion\n        criterionDescription\n        regionCode\n        authorityName\n        decisions {\n          kind\n          documentNumber\n        }\n        startedAt\n        plannedRemovalAt\n      }\n    }\n  }\n}"): (typeof documents)["query SeriousDishonestyList($creditCode: String, $after: String) {\n  creditListEntries(\n    list: SERIOUS_DISHONESTY\n    creditCode: $creditCode\n    first: 50\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        creditCode\n        criterion\n        criterionDescription\n        regionCode\n        authorityName\n        decisions {\n          kind\n          documentNumber\n        }\n        startedAt\n        plannedRemovalAt\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query TransportIndicatorTrend($indicator: Indicator!, $regionCode: String!, $granularity: PeriodGranularity!, $from: String!, $to: String!) {\n  indicatorSeries(\n    indicator: $indicator\n    regionCode: $regionCode\n    granularity: $granularity\n    from: $from\n    to: $to\n  ) {\n    definition {\n      code\n      name\n      nameEn\n      unit\n      regionRule\n    }\n    regionCode\n    regionName\n    points {\n      period\n      value\n      periodOnPeriodPercent\n      yearOnYearPercent\n    }\n  }\n}"): (typeof documents)["query TransportIndicatorTrend($indicator: Indicator!, $regionCode: String!, $granularity: PeriodGranularity!, $from: String!, $to: String!) {\n  indicatorSeries(\n    indicator: $indicator\n    regionCode: $regionCode\n    granularity: $granularity\n    from: $from\n    to: $to\n  ) {\n    definition {\n      code\n      name\n      nameEn\n      unit\n      regionRule\n    }\n    regionCode\n    regionName\n    points {\n      period\n      value\n      periodOnPeriodPercent\n      yearOnYearPercent\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation SubmitVehiclePositions($input: SubmitVehiclePositionsInput!) {\n  submitVehiclePositions(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    alertsRaised\n    results {\n      index\n      plateNumber\n      outcome\n      problems {\n        field\n        code\n        message\n      }\n    }\n  }\n}"): (typeof documents)["mutation SubmitVehiclePositions($input: SubmitVehiclePositionsInput!) {\n  submitVehiclePositions(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    alertsRaised\n    results {\n      index\n      plateNumber\n      outcome\n      problems {\n        field\n        code\n        message\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation SubmitOverloadRecords($input: SubmitOverloadRecordsInput!) {\n  submitOverloadRecords(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    results {\n      index\n      stationRecordId\n      outcome\n      overloaded\n      problems {\n        field\n        message\n      }\n    }\n  }\n}"): (typeof documents)["mutation SubmitOverloadRecords($input: SubmitOverloadRecordsInput!) {\n  submitOverloadRecords(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    results {\n      index\n      stationRecordId\n      outcome\n      overloaded\n      problems {\n        field\n        message\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query OutageRead($code: String!) { enterprise(creditCode: $code) { name } }"): (typeof documents)["query OutageRead($code: String!) { enterprise(creditCode: $code) { name } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation OutageWrite($input: RegisterEnterpriseInput!) {\n  registerEnterprise(input: $input) { enterprise { creditCode name } }\n}"): (typeof documents)["mutation OutageWrite($input: RegisterEnterpriseInput!) {\n  registerEnterprise(input: $input) { enterprise { creditCode name } }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n        query OutageOtherDepartments($code: String!) {\n          enterprise(creditCode: $code) {\n            name\n          }\n          creditProfile(creditCode: $code) {\n            rating\n          }\n        }\n      "): (typeof documents)["\n        query OutageOtherDepartments($code: String!) {\n          enterprise(creditCode: $code) {\n            name\n          }\n          creditProfile(creditCode: $code) {\n            rating\n          }\n        }\n      "];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment WorkflowApplication on PermitApplication {\n  applicationNumber status version regionCode handlingOfficer decisionDueDate workingDaysLeft permitNumber decidedBy decisionComment\n  history { action fromStatus toStatus actor comment }\n}"): (typeof documents)["fragment WorkflowApplication on PermitApplication {\n  applicationNumber status version regionCode handlingOfficer decisionDueDate workingDaysLeft permitNumber decidedBy decisionComment\n  history { action fromStatus toStatus actor comment }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "fragment WorkflowPayload on PermitApplicationPayload {\n  application { ...WorkflowApplication }\n  permit { number status kind regionCode }\n}"): (typeof documents)["fragment WorkflowPayload on PermitApplicationPayload {\n  application { ...WorkflowApplication }\n  permit { number status kind regionCode }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation SubmitPermitApplication($input: SubmitPermitApplicationInput!) {\n  submitPermitApplication(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation SubmitPermitApplication($input: SubmitPermitApplicationInput!) {\n  submitPermitApplication(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation AcceptPermitApplication($input: ApplicationActionInput!) {\n  acceptPermitApplication(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation AcceptPermitApplication($input: ApplicationActionInput!) {\n  acceptPermitApplication(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ReturnPermitApplication($input: ReturnPermitApplicationInput!) {\n  returnPermitApplication(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation ReturnPermitApplication($input: ReturnPermitApplicationInput!) {\n  returnPermitApplication(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ResubmitPermitApplication($input: ResubmitPermitApplicationInput!) {\n  resubmitPermitApplication(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation ResubmitPermitApplication($input: ResubmitPermitApplicationInput!) {\n  resubmitPermitApplication(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ReviewPermitApplication($input: ReviewPermitApplicationInput!) {\n  reviewPermitApplication(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation ReviewPermitApplication($input: ReviewPermitApplicationInput!) {\n  reviewPermitApplication(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ApprovePermitApplication($input: ApprovePermitApplicationInput!) {\n  approvePermitApplication(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation ApprovePermitApplication($input: ApprovePermitApplicationInput!) {\n  approvePermitApplication(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RejectPermitApplication($input: RejectPermitApplicationInput!) {\n  rejectPermitApplication(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation RejectPermitApplication($input: RejectPermitApplicationInput!) {\n  rejectPermitApplication(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation WithdrawPermitApplication($input: WithdrawPermitApplicationInput!) {\n  withdrawPermitApplication(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation WithdrawPermitApplication($input: WithdrawPermitApplicationInput!) {\n  withdrawPermitApplication(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {\n  requestDeadlineExtension(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {\n  requestDeadlineExtension(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ApproveDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n  approveDeadlineExtension(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation ApproveDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n  approveDeadlineExtension(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RefuseDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n  refuseDeadlineExtension(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation RefuseDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n  refuseDeadlineExtension(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ApproveRouteSegment($input: RouteSegmentDecisionInput!) {\n  approveRouteSegment(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation ApproveRouteSegment($input: RouteSegmentDecisionInput!) {\n  approveRouteSegment(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RefuseRouteSegment($input: RouteSegmentDecisionInput!) {\n  refuseRouteSegment(input: $input) { ...WorkflowPayload } }"): (typeof documents)["mutation RefuseRouteSegment($input: RouteSegmentDecisionInput!) {\n  refuseRouteSegment(input: $input) { ...WorkflowPayload } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query WorkflowApplicationRead($number: String!) {\n  permitApplication(applicationNumber: $number) { ...WorkflowApplication } }"): (typeof documents)["query WorkflowApplicationRead($number: String!) {\n  permitApplication(applicationNumber: $number) { ...WorkflowApplication } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation AttachWorkflowMaterial($input: AttachPermitMaterialInput!) { attachPermitMaterial(input: $input) { material { id sm3Digest sizeBytes materialName } } }"): (typeof documents)["mutation AttachWorkflowMaterial($input: AttachPermitMaterialInput!) { attachPermitMaterial(input: $input) { material { id sm3Digest sizeBytes materialName } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  query SingleWindow($code: String!) {\n    enterprise(creditCode: $code) {\n      creditCode name regionCode\n      permits(first: 10) { totalCount edges { node { number kind status validUntil } } }\n      enforcementCases(first: 10) { totalCount edges { node { caseNumber status regionCode } } }\n      creditProfile { rating records(first: 10) { totalCount edges { node { kind decidedAt } } } }\n      waybills(first: 10) { totalCount edges { node { waybillNumber status } } }\n      activitySummary { year permitsIssued casesOpened waybillsCreated }\n    }\n  }"): (typeof documents)["\n  query SingleWindow($code: String!) {\n    enterprise(creditCode: $code) {\n      creditCode name regionCode\n      permits(first: 10) { totalCount edges { node { number kind status validUntil } } }\n      enforcementCases(first: 10) { totalCount edges { node { caseNumber status regionCode } } }\n      creditProfile { rating records(first: 10) { totalCount edges { node { kind decidedAt } } } }\n      waybills(first: 10) { totalCount edges { node { waybillNumber status } } }\n      activitySummary { year permitsIssued casesOpened waybillsCreated }\n    }\n  }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query OverloadRecordsOfPlate($plate: String!, $first: Int = 10) {\n  overloadRecords(plateNumber: $plate, first: $first) { totalCount edges { node {\n  stationRecordId overloaded excessKg enterprise { creditCode } case { caseNumber status regionCode creditCode }\n} } } }"): (typeof documents)["query OverloadRecordsOfPlate($plate: String!, $first: Int = 10) {\n  overloadRecords(plateNumber: $plate, first: $first) { totalCount edges { node {\n  stationRecordId overloaded excessKg enterprise { creditCode } case { caseNumber status regionCode creditCode }\n} } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query OverloadDraftCase($number: String!) { enforcementCase(caseNumber: $number) { caseNumber status plateNumber cause filedBy steps { action toStatus actor regionCode } overloadRecords { totalCount } } }"): (typeof documents)["query OverloadDraftCase($number: String!) { enforcementCase(caseNumber: $number) { caseNumber status plateNumber cause filedBy steps { action toStatus actor regionCode } overloadRecords { totalCount } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query KunshanFilingsPending { enforcementCases(regionCode: \"320583\", status: FILING_PENDING, first: 100) { edges { node { caseNumber plateNumber } } } }"): (typeof documents)["query KunshanFilingsPending { enforcementCases(regionCode: \"320583\", status: FILING_PENDING, first: 100) { edges { node { caseNumber plateNumber } } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query OverloadCaseSeen($number: String!) { enforcementCase(caseNumber: $number) { caseNumber } }"): (typeof documents)["query OverloadCaseSeen($number: String!) { enforcementCase(caseNumber: $number) { caseNumber } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query JiangningFilingsPending { enforcementCases(regionCode: \"320115\", status: FILING_PENDING, first: 100) { edges { node { caseNumber } } } }"): (typeof documents)["query JiangningFilingsPending { enforcementCases(regionCode: \"320115\", status: FILING_PENDING, first: 100) { edges { node { caseNumber } } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation ApproveOverloadDraft($input: CaseActionInput!) { approveCaseFiling(input: $input) { case { caseNumber status filingApprovedBy steps { action } } } }"): (typeof documents)["mutation ApproveOverloadDraft($input: CaseActionInput!) { approveCaseFiling(input: $input) { case { caseNumber status filingApprovedBy steps { action } } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query EnterpriseOverloadCases($code: String!) { enterprise(creditCode: $code) { name enforcementCases(first: 10) { edges { node { caseNumber status vehicle { plateNumber vehicleType } } } } } }"): (typeof documents)["query EnterpriseOverloadCases($code: String!) { enterprise(creditCode: $code) { name enforcementCases(first: 10) { edges { node { caseNumber status vehicle { plateNumber vehicleType } } } } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n        query PartialSingleWindow {\n          enterprise(creditCode: \"91320102MA1MY0R10Q\") {\n            name\n            permits(first: 1) {\n              totalCount\n            }\n            creditProfile {\n              rating\n            }\n          }\n        }\n      "): (typeof documents)["\n        query PartialSingleWindow {\n          enterprise(creditCode: \"91320102MA1MY0R10Q\") {\n            name\n            permits(first: 1) {\n              totalCount\n            }\n            creditProfile {\n              rating\n            }\n          }\n        }\n      "];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  query SecondFactorAuditCount {\n    auditRecords(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query SecondFactorAuditCount {\n    auditRecords(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "\n  query SecondFactorEnterprises {\n    enterprises(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query SecondFactorEnterprises {\n    enterprises(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query UnregisteredEnterprise($code: String!) { enterprise(creditCode: $code) { name } }"): (typeof documents)["query UnregisteredEnterprise($code: String!) { enterprise(creditCode: $code) { name } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query RegistryPage($region: String, $after: String) {\n      enterprises(regionCode: $region, first: 2, after: $after) {\n        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { creditCode regionCode } }\n      }\n    }"): (typeof documents)["query RegistryPage($region: String, $after: String) {\n      enterprises(regionCode: $region, first: 2, after: $after) {\n        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { creditCode regionCode } }\n      }\n    }"];

export function gql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;