import type { PageRequest } from '../../../platform/graphql/connection';
import { scopeOf, type EnforcementContext } from '../enforcement.context';

// Request-scoped loaders of the overload records' fields: one batch per request, scoped again in SQL.

/** The cases records went to, by id. */
export function overloadCasesLoader(context: EnforcementContext) {
  return context.loaders.get('overloadCases', () => context.services.overload.createCasesLoader(scopeOf(context)));
}

/** One loader per page arguments, so every case asking for the same page shares one batch. */
export function caseOverloadRecordsLoader(context: EnforcementContext, page: PageRequest) {
  return context.loaders.get(`caseOverloadRecords:${page.limit}:${page.afterId}`, () =>
    context.services.overload.createCaseRecordsLoader(scopeOf(context), page),
  );
}

export function vehicleOverloadRecordsLoader(context: EnforcementContext, page: PageRequest) {
  return context.loaders.get(`vehicleOverloadRecords:${page.limit}:${page.afterId}`, () =>
    context.services.overload.createVehicleRecordsLoader(scopeOf(context), page),
  );
}
