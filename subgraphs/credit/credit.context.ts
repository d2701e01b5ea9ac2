import { regionScopeOf, type RegionScope } from '../../platform/auth/region-scope';
import type { PageRequest } from '../../platform/graphql/connection';
import type { SubgraphContext } from '../../platform/subgraph-server';
import type { CreditProfileService } from './credit-profile/credit-profile.service';
import type { CreditRecordService } from './credit-record/credit-record.service';
import type { CreditDisclosureService } from './disclosure/credit-disclosure.service';
import type { DisclosureCorrectionService } from './disclosure/disclosure-correction.service';
import type { CreditRepairService } from './repair/credit-repair.service';
import type { CreditListServices } from './credit-list/credit-list.module';
import type { NationalCreditLinks } from './national-platform/national-credit-links';

export interface CreditServices extends CreditListServices {
  records: CreditRecordService;
  profiles: CreditProfileService;
  disclosures: CreditDisclosureService;
  corrections: DisclosureCorrectionService;
  repairs: CreditRepairService;
  /** The national credit information sharing platform: pushes, their state, subjects' standing. */
  nationalPlatform: NationalCreditLinks;
}

export type CreditContext = SubgraphContext<CreditServices>;

/** The caller's region scope; it bounds where an officer may record credit (reads are national). */
export function scopeOf(context: CreditContext): RegionScope {
  return regionScopeOf(context.identity);
}

/** Score, rating and record count of every subject a request asks about, in one statement. */
export function profileLoader(context: CreditContext) {
  return context.loaders.get('creditProfile', () => context.services.profiles.createLoader());
}

/** One loader per page arguments, so every subject asking for the same page shares one batch. */
export function subjectRecordsLoader(context: CreditContext, page: PageRequest) {
  return context.loaders.get(`creditRecords:${page.limit}:${page.afterId}`, () =>
    context.services.records.createSubjectPagesLoader(page),
  );
}

/** The penalties on public display of the subjects a request asks about, in one statement. */
export function publicPenaltiesLoader(context: CreditContext) {
  return context.loaders.get('creditPublicPenalties', () => context.services.disclosures.createPublicPenaltiesLoader());
}

/** The acting user's name for records of who did what. */
export function actorOf(context: CreditContext): string {
  return context.identity?.username ?? 'anonymous';
}
