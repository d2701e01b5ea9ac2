import type { JointDisciplineService } from './joint-discipline/joint-discipline.service';
import { regionScopeOf, type RegionScope } from '../../platform/auth/region-scope';
import type { SubgraphContext } from '../../platform/subgraph-server';
import type { PermitMaterialService } from './attachment/permit-material.service';
import type { CertificateService } from './certificate/certificate.service';
import type { EnterpriseService } from './enterprise/enterprise.service';
import type { Actor } from './permit/actor';
import type { PermitSanctionService } from './permit/permit-sanction.service';
import type { PermitService } from './permit/permit.service';
import type { NationalPlatformLinks } from './platforms/national-platform-links';
import type { VehicleService } from './vehicle/vehicle.service';

export interface LicensingServices {
  enterprises: EnterpriseService;
  vehicles: VehicleService;
  permits: PermitService;
  permitSanctions: PermitSanctionService;
  materials: PermitMaterialService;
  platforms: NationalPlatformLinks;
  certificates: CertificateService;
  jointDiscipline: JointDisciplineService;
}

export type LicensingContext = SubgraphContext<LicensingServices>;

/** The caller's region scope; every read and write in licensing is bounded by it. */
export function scopeOf(context: LicensingContext): RegionScope {
  return regionScopeOf(context.identity);
}

export function enterpriseLoader(context: LicensingContext) {
  return context.loaders.get('enterprise', () => context.services.enterprises.createLoader(scopeOf(context)));
}

export function vehicleLoader(context: LicensingContext) {
  return context.loaders.get('vehicle', () => context.services.vehicles.createLoader(scopeOf(context)));
}

/** Transition records of the applications a request has read, one statement for all. */
export function applicationHistoryLoader(context: LicensingContext) {
  return context.loaders.get('applicationHistory', () =>
    context.services.permits.queries.createHistoryLoader(scopeOf(context)),
  );
}

/** Route segments of the applications a request has read, one statement for all. */
export function routeSegmentsLoader(context: LicensingContext) {
  return context.loaders.get('routeSegments', () =>
    context.services.permits.queries.createSegmentsLoader(scopeOf(context)),
  );
}

/** Attached materials of the applications a request has read, one statement for all. */
export function applicationMaterialsLoader(context: LicensingContext) {
  return context.loaders.get('applicationMaterials', () =>
    context.services.materials.createMaterialsLoader(scopeOf(context)),
  );
}

/** Status changes of the permits a request has read, one statement for all. */
export function permitStatusHistoryLoader(context: LicensingContext) {
  return context.loaders.get('permitStatusHistory', () =>
    context.services.permitSanctions.createStatusHistoryLoader(scopeOf(context)),
  );
}

/** Serious-dishonesty listings of the applicants a request has read, one statement for all. */
export function applicantListingLoader(context: LicensingContext) {
  return context.loaders.get('applicantListings', () => context.services.jointDiscipline.createListingLoader());
}

/** The acting user's name for records of who did what. */
export function actorOf(context: LicensingContext): string {
  return context.identity?.username ?? 'anonymous';
}

/** The acting user with their realm roles, which each permit kind checks per step. */
export function actingAs(context: LicensingContext): Actor {
  return { username: actorOf(context), roles: context.identity?.roles ?? new Set() };
}
