import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import { assertText } from '../../../platform/codes/assert-input';
import { invalidInput } from '../../../platform/errors/domain-error';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { conflict } from '../licensing.errors';
import type { PermitKind } from '../permit/permit-kind';
import { ApplicantCreditListing } from './applicant-credit-listing.entity';
import { SeriousDishonestyRule } from './serious-dishonesty-rule';

const LIST_NAMES: Readonly<Record<string, string>> = { SERIOUS_DISHONESTY: '严重失信主体名单' };

/** What a decider is told about an applicant's listings, and what approving takes. */
export interface JointDisciplineStanding {
  listings: ApplicantCreditListing[];
  rule: SeriousDishonestyRule;
}

/**
 * Joint discipline (联合惩戒) in licensing: keeps credit's list entries from `credit.list-changed` events
 * (newest version wins, so a late or repeated event changes nothing), shows them in the application, and
 * applies the permit kind's rule when a permit is approved for a listed applicant.
 */
export class JointDisciplineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: Readonly<Record<PermitKind, SeriousDishonestyRule>>,
  ) {}

  ruleFor(kind: PermitKind): SeriousDishonestyRule {
    return this.rules[kind];
  }

  /** `credit.list-changed`, in the inbox transaction. */
  async apply(manager: EntityManager, change: EventPayloads['credit.list-changed']): Promise<void> {
    const known = await manager.findOneBy(ApplicantCreditListing, { entryId: change.entryId });
    if (known && known.version >= change.version) return;
    await manager.save(
      manager.create(ApplicantCreditListing, {
        entryId: change.entryId,
        version: change.version,
        list: change.list,
        creditCode: change.creditCode,
        listed: change.listed,
        criterion: change.criterion,
        startedAt: new Date(change.startedAt),
        plannedRemovalAt: change.plannedRemovalAt === null ? null : new Date(change.plannedRemovalAt),
        removedAt: change.removedAt === null ? null : new Date(change.removedAt),
        updatedAt: new Date(),
      }),
    );
  }

  /** The applicants' current serious-dishonesty listings, many at once (the application list view). */
  createListingLoader(): DataLoader<string, ApplicantCreditListing[]> {
    return new DataLoader(async (creditCodes) => {
      const rows = await this.dataSource
        .getRepository(ApplicantCreditListing)
        .createQueryBuilder('listing')
        .where('listing.creditCode IN (:...creditCodes)', { creditCodes: [...new Set(creditCodes)] })
        .andWhere('listing.listed = :listed', { listed: true })
        .orderBy('listing.startedAt', 'ASC')
        .getMany();
      return creditCodes.map((creditCode) => rows.filter((row) => row.creditCode === creditCode));
    });
  }

  /**
   * Inside the approval's transaction: nothing when the applicant is not listed; otherwise a refusal
   * (CONFLICT SERIOUS_DISHONESTY) when the kind's rule refuses, a BAD_USER_INPUT on
   * `jointDisciplineReason` when the rule asks a reason and none is given, or the note the application's
   * history records with the reason.
   */
  async checkApproval(
    manager: EntityManager,
    application: { creditCode: string; kind: PermitKind; applicationNumber: string },
    reason: string | null | undefined,
  ): Promise<string | null> {
    const listings = await manager.find(ApplicantCreditListing, {
      where: { creditCode: application.creditCode, listed: true },
      order: { startedAt: 'ASC' },
    });
    if (listings.length === 0) return null;
    const described = listings.map(describe).join('；');
    if (this.ruleFor(application.kind) === SeriousDishonestyRule.REFUSE) {
      throw conflict(
        'SERIOUS_DISHONESTY',
        `申请人${application.creditCode}被列入${described}，${application.kind}许可依法不予批准 (the applicant is on the serious-dishonesty list; this permit kind is refused while it is listed)`,
      );
    }
    if (reason === null || reason === undefined || reason.trim() === '') {
      throw invalidInput(
        'jointDisciplineReason',
        `is required: 申请人被列入${described}，批准须说明理由 (the applicant is on the serious-dishonesty list; approving needs a reason)`,
      );
    }
    const text = assertText('jointDisciplineReason', reason, 1000);
    return `联合惩戒 (joint discipline): 申请人被列入${described}；仍予许可的理由: ${text}`;
  }
}

function describe(listing: ApplicantCreditListing): string {
  const since = listing.startedAt.toISOString().slice(0, 10);
  return `${LIST_NAMES[listing.list] ?? listing.list}(${listing.criterion}，自${since}起)`;
}
