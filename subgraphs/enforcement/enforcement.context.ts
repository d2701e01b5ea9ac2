import { regionScopeOf, type RegionScope } from '../../platform/auth/region-scope';
import type { PageRequest } from '../../platform/graphql/connection';
import type { SubgraphContext } from '../../platform/subgraph-server';
import type { EnforcementCaseService } from './enforcement-case/enforcement-case.service';
import type { CaseEvidenceService } from './evidence/case-evidence.service';
import type { AssistanceService } from './exchange/assistance.service';
import type { CaseTransferService } from './exchange/case-transfer.service';
import type { OverloadRecordService } from './overload/overload-record.service';
import type { PenaltyProcedureService } from './penalty/penalty-procedure.service';
import type { VehicleRegistryService } from './vehicle-registry/vehicle-registry.service';

export interface EnforcementServices {
  cases: EnforcementCaseService;
  penalties: PenaltyProcedureService;
  evidence: CaseEvidenceService;
  transfers: CaseTransferService;
  assistance: AssistanceService;
  overload: OverloadRecordService;
  vehicleRegistry: VehicleRegistryService;
}

export type EnforcementContext = SubgraphContext<EnforcementServices>;

/** The caller's region scope: reads cover cases handled in it or shared with it; actions only cases handled in it. */
export function scopeOf(context: EnforcementContext): RegionScope {
  return regionScopeOf(context.identity);
}

/** Steps of the cases a request has read, one statement for all, scoped again in SQL. */
export function caseStepsLoader(context: EnforcementContext) {
  return context.loaders.get('caseSteps', () => context.services.cases.queries.createStepsLoader(scopeOf(context)));
}

/** Active shares of the cases a request has read, one statement for all. */
export function caseSharesLoader(context: EnforcementContext) {
  return context.loaders.get('caseShares', () => context.services.cases.queries.createSharesLoader(scopeOf(context)));
}

/** Evidence in the case files a request has read, one statement for all. */
export function caseEvidenceLoader(context: EnforcementContext) {
  return context.loaders.get('caseEvidence', () => context.services.evidence.createEvidenceLoader(scopeOf(context)));
}

/** Transfers of the cases a request has read, one statement for all. */
export function caseTransfersLoader(context: EnforcementContext) {
  return context.loaders.get('caseTransfers', () => context.services.transfers.createTransfersLoader(scopeOf(context)));
}

/** Assistance requests of the cases a request has read, one statement for all. */
export function caseAssistanceLoader(context: EnforcementContext) {
  return context.loaders.get('caseAssistance', () =>
    context.services.assistance.createCaseRequestsLoader(scopeOf(context)),
  );
}

/** Evidence of the assistance requests a request has read, one statement for all. */
export function assistanceEvidenceLoader(context: EnforcementContext) {
  return context.loaders.get('assistanceEvidence', () =>
    context.services.assistance.createRequestEvidenceLoader(scopeOf(context)),
  );
}

/** One loader per page arguments, so every enterprise asking for the same page shares one batch. */
export function enterpriseCasesLoader(context: EnforcementContext, page: PageRequest) {
  return context.loaders.get(`enterpriseCases:${page.limit}:${page.afterId}`, () =>
    context.services.cases.queries.createEnterpriseCasesLoader(scopeOf(context), page),
  );
}

export function vehicleCasesLoader(context: EnforcementContext, page: PageRequest) {
  return context.loaders.get(`vehicleCases:${page.limit}:${page.afterId}`, () =>
    context.services.cases.queries.createVehicleCasesLoader(scopeOf(context), page),
  );
}

/** The acting user's name for records of who did what. */
export function actorOf(context: EnforcementContext): string {
  return context.identity?.username ?? 'anonymous';
}
