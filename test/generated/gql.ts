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
    "mutation SubmitOverloadRecords($input: SubmitOverloadRecordsInput!) {\n  submitOverloadRecords(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    results {\n      index\n      stationRecordId\n      outcome\n      overloaded\n      problems {\n        field\n        message\n      }\n    }\n  }\n}": typeof types.SubmitOverloadRecordsDocument,
};
const documents: Documents = {
    "query EnterpriseCreditAndPermits($creditCode: String!) {\n  enterprise(creditCode: $creditCode) {\n    creditCode\n    name\n    regionCode\n    permits(first: 20) {\n      totalCount\n      edges {\n        node {\n          number\n          kind\n          status\n          validFrom\n          validUntil\n        }\n      }\n    }\n    creditProfile {\n      score\n      rating\n      records(first: 20) {\n        totalCount\n        edges {\n          node {\n            kind\n            source\n            summary\n            decidedAt\n          }\n        }\n      }\n    }\n  }\n}": types.EnterpriseCreditAndPermitsDocument,
    "query EnterprisesInRegion($regionCode: String!, $after: String) {\n  enterprises(regionCode: $regionCode, first: 50, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        creditCode\n        name\n        regionCode\n      }\n    }\n  }\n}": types.EnterprisesInRegionDocument,
    "mutation SubmitOverloadRecords($input: SubmitOverloadRecordsInput!) {\n  submitOverloadRecords(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    results {\n      index\n      stationRecordId\n      outcome\n      overloaded\n      problems {\n        field\n        message\n      }\n    }\n  }\n}": types.SubmitOverloadRecordsDocument,
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
export function gql(source: "mutation SubmitOverloadRecords($input: SubmitOverloadRecordsInput!) {\n  submitOverloadRecords(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    results {\n      index\n      stationRecordId\n      outcome\n      overloaded\n      problems {\n        field\n        message\n      }\n    }\n  }\n}"): (typeof documents)["mutation SubmitOverloadRecords($input: SubmitOverloadRecordsInput!) {\n  submitOverloadRecords(input: $input) {\n    acceptedCount\n    duplicateCount\n    rejectedCount\n    results {\n      index\n      stationRecordId\n      outcome\n      overloaded\n      problems {\n        field\n        message\n      }\n    }\n  }\n}"];

export function gql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;