import type { CreditContext } from '../credit.context';

// The request's loaders for list entries: one statement per request for every entry or subject asked about.

export function membershipsLoader(context: CreditContext) {
  return context.loaders.get('creditListMemberships', () => context.services.lists.createMembershipsLoader());
}

export function listDecisionsLoader(context: CreditContext) {
  return context.loaders.get('creditListDecisions', () => context.services.lists.createDecisionsLoader());
}

export function listHistoryLoader(context: CreditContext) {
  return context.loaders.get('creditListHistory', () => context.services.lists.createHistoryLoader());
}
