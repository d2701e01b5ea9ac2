// The contract query of the single window (the README's `query SingleWindow`): one enterprise, every
// department's part. Defined once here for the tests and the bench; test/single-window.test.ts checks
// that the README shows this same query.
export const SINGLE_WINDOW = `
  query SingleWindow($code: String!) {
    enterprise(creditCode: $code) {
      creditCode name regionCode
      permits(first: 10) { totalCount edges { node { number kind status validUntil } } }
      enforcementCases(first: 10) { totalCount edges { node { caseNumber status regionCode } } }
      creditProfile { rating records(first: 10) { totalCount edges { node { kind decidedAt } } } }
      waybills(first: 10) { totalCount edges { node { waybillNumber status } } }
      activitySummary { year permitsIssued casesOpened waybillsCreated }
    }
  }`;

/** What SINGLE_WINDOW answers. */
export interface SingleWindowData {
  enterprise: {
    creditCode: string;
    name: string;
    regionCode: string;
    permits: {
      totalCount: number;
      edges: Array<{ node: { number: string; kind: string; status: string; validUntil: string } }>;
    };
    enforcementCases: {
      totalCount: number;
      edges: Array<{ node: { caseNumber: string; status: string; regionCode: string } }>;
    };
    creditProfile: {
      rating: string;
      records: { totalCount: number; edges: Array<{ node: { kind: string; decidedAt: string } }> };
    };
    waybills: { totalCount: number; edges: Array<{ node: { waybillNumber: string; status: string } }> };
    activitySummary: { year: number; permitsIssued: number; casesOpened: number; waybillsCreated: number };
  } | null;
}

/** A GraphQL document without its `#` comments and with its whitespace collapsed, for comparing documents. */
export function normalizedDocument(document: string): string {
  return document
    .replace(/#[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
