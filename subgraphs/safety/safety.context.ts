import { regionScopeOf, type RegionScope } from '../../platform/auth/region-scope';
import type { PageRequest } from '../../platform/graphql/connection';
import type { SubgraphContext } from '../../platform/subgraph-server';
import type { AccidentService } from './accident/accident.service';
import type { HazardQueries } from './hazard/hazard.queries';
import type { HazardService } from './hazard/hazard.service';
import type { NationalSafetyLinks } from './national-platform/national-safety-links';
import type { MonitoringReadService } from './monitoring/monitoring-read.service';
import type { SafetyAlertService } from './monitoring/safety-alert.service';
import type { VehiclePositionService } from './monitoring/vehicle-position.service';
import type { SafetyReportSink } from './national-platform/safety-report';
import type { SafetyRegistryService } from './registry/safety-registry.service';
import type { WaybillService } from './waybill/waybill.service';

export interface SafetyServices {
  waybills: WaybillService;
  /** What must reach the national safety supervision platform, recorded with the change. */
  reports: SafetyReportSink;
  /** Safety's copies of licensing's vehicles and hazardous-goods permits. */
  registry: SafetyRegistryService;
  /** Inspections and hidden hazards (隐患排查治理): the steps. */
  hazards: HazardService;
  hazardQueries: HazardQueries;
  /** Accident reports (事故快报) and follow-ups. */
  accidents: AccidentService;
  /** The link to the national safety supervision platform: the deliveries officers follow, the relay. */
  nationalPlatform: NationalSafetyLinks;
  /** Key vehicles' positions and the alert rules (联网联控). */
  positions: VehiclePositionService;
  /** The safety officers' queue of monitoring alerts. */
  alerts: SafetyAlertService;
  /** Latest positions and online rates, batched per request. */
  monitoring: MonitoringReadService;
}

export type SafetyContext = SubgraphContext<SafetyServices>;

/** The caller's region scope; every read and write of waybills is bounded by it. */
export function scopeOf(context: SafetyContext): RegionScope {
  return regionScopeOf(context.identity);
}

/** One loader per request and page: all carriers' waybill pages in one batch. */
export function carrierWaybillsLoader(context: SafetyContext, page: PageRequest) {
  return context.loaders.get(`waybills:carrier:${page.limit}:${page.afterId}`, () =>
    context.services.waybills.createCarrierPagesLoader(scopeOf(context), page),
  );
}

/** One loader per request and page: all vehicles' waybill pages in one batch. */
export function vehicleWaybillsLoader(context: SafetyContext, page: PageRequest) {
  return context.loaders.get(`waybills:vehicle:${page.limit}:${page.afterId}`, () =>
    context.services.waybills.createVehiclePagesLoader(scopeOf(context), page),
  );
}

/** The acting user's name for records of who did what. */
export function actorOf(context: SafetyContext): string {
  return context.identity?.username ?? 'anonymous';
}
