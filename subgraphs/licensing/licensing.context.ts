import { regionScopeOf, type RegionScope } from '../kit/auth/region-scope';
import type { SubgraphContext } from '../kit/subgraph-server';
import type { CertificateService } from './certificate/certificate.service';
import type { EnterpriseService } from './enterprise/enterprise.service';
import type { PermitService } from './permit/permit.service';
import type { NationalPlatformLinks } from './platforms/national-platform-links';
import type { VehicleService } from './vehicle/vehicle.service';

export interface LicensingServices {
  enterprises: EnterpriseService;
  vehicles: VehicleService;
  permits: PermitService;
  platforms: NationalPlatformLinks;
  certificates: CertificateService;
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

/** The acting user's name for records of who did what. */
export function actorOf(context: LicensingContext): string {
  return context.identity?.username ?? 'anonymous';
}
