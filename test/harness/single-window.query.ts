import { gql } from '../generated';

// The contract query of the single window (the README's `query SingleWindow`): one enterprise, every
// department's part. Defined once here for the tests and the bench; test/single-window.test.ts checks
// that the README shows this same query. Typed by `npm run codegen` (SingleWindowQuery).
export const SINGLE_WINDOW = gql(`
  query SingleWindow($code: String!) {
    enterprise(creditCode: $code) {
      creditCode name regionCode
      permits(first: 10) { totalCount edges { node { number kind status validUntil } } }
      enforcementCases(first: 10) { totalCount edges { node { caseNumber status regionCode } } }
      creditProfile { rating records(first: 10) { totalCount edges { node { kind decidedAt } } } }
      waybills(first: 10) { totalCount edges { node { waybillNumber status } } }
      activitySummary { year permitsIssued casesOpened waybillsCreated }
    }
  }`);

/** A GraphQL document without its `#` comments and with its whitespace collapsed, for comparing documents. */
export function normalizedDocument(document: string): string {
  return document
    .replace(/#[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
