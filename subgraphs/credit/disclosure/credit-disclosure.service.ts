import DataLoader from 'dataloader';
import {
  In,
  IsNull,
  LessThan,
  LessThanOrEqual,
  Like,
  MoreThan,
  Not,
  Raw,
  type DataSource,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';
import { narrowedPrefix, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertCreditCode, assertRegionCode } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput } from '../../../platform/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { Logger } from '../../../platform/observability/logger';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaDate } from '../../../platform/time/china-time';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import { CreditDisclosure } from './credit-disclosure.entity';
import { CreditSubjectName } from './credit-subject-name.entity';
import { DisclosureKind, DisclosureRevisionKind, LicenseStatus } from './disclosure-kind';
import { licenceStatusContent } from './license-status';
import type { DisclosureRevisions } from './disclosure-revisions';
import { publicityPeriod, severityOf, type PublicityRules } from './publicity-rules';
import {
  authorityNameOf,
  DEFAULT_PENALTY_LEGAL_BASIS,
  endOfChinaDay,
  penaltyContent,
  penaltyNotDisclosed,
  publicationDeadline,
} from './disclosure-rules';

export interface DisclosureSettings {
  minorFineBelowFen: number;
  publicity: PublicityRules;
}

/** How many disclosures one transaction of the jobs publishes or ends. */
export const JOB_BATCH_SIZE = 100;

/** Who the jobs' revisions name. */
export const PUBLICATION_JOB = 'system:credit-publication';

export interface DisclosureSearch {
  creditCode: string | null;
  name: string | null;
  kind: DisclosureKind | null;
}

const NAME_MIN_LENGTH = 2;
/**
 * The public search counts this many matches at most: a city-wide prefix (南京) matches tens of thousands,
 * and counting them all cost seconds under load (bench:credit); a person reads "10,000+" the same.
 */
export const PUBLIC_COUNT_CAP = 10_000;
const NAME_MAX_LENGTH = 200;

/**
 * The public disclosures (双公示): built from licensing's and enforcement's decisions inside the inbox
 * transaction (each keyed by kind and document number, so a redelivered or republished decision adds
 * nothing), published by the publication job, searched by the public.
 */
export class CreditDisclosureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly settings: DisclosureSettings,
    private readonly revisions: DisclosureRevisions,
    private readonly logger: Logger,
    private readonly outbox: EventOutbox,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** `enterprise.registered` (and every `permit.issued`): the name the registry holds; fills disclosures waiting for it. */
  async rememberName(manager: EntityManager, creditCode: string, name: string): Promise<void> {
    await manager.save(manager.create(CreditSubjectName, { creditCode, name, updatedAt: this.clock() }));
    await manager.update(CreditDisclosure, { creditCode, counterpartName: IsNull() }, { counterpartName: name });
  }

  /** `permit.issued`: the licence, public while it is valid. */
  async recordPermitIssued(
    manager: EntityManager,
    permit: EventPayloads['permit.issued'],
  ): Promise<CreditDisclosure | null> {
    await this.rememberName(manager, permit.creditCode, permit.enterpriseName);
    const key = { kind: DisclosureKind.ADMINISTRATIVE_LICENSE, documentNumber: permit.permitNumber };
    if (await manager.existsBy(CreditDisclosure, key)) return null;
    const decidedAt = new Date(permit.issuedAt);
    return manager.save(
      manager.create(CreditDisclosure, {
        ...key,
        ...this.deadlineOf(decidedAt),
        creditCode: permit.creditCode,
        counterpartName: permit.enterpriseName,
        matter: permit.matter,
        legalBasis: permit.legalBasis,
        content: `准予${permit.matter}，许可证号${permit.permitNumber}，有效期${permit.validFrom}至${permit.validUntil}。`,
        penaltyKind: null,
        fineFen: null,
        authorityName: authorityNameOf(permit.regionCode),
        authorityCode: permit.regionCode,
        decidedAt,
        validFrom: permit.validFrom,
        validUntil: permit.validUntil,
        publishedAt: null,
        publicUntil: endOfChinaDay(permit.validUntil),
        licenseStatus: LicenseStatus.VALID,
        severity: null,
        repairableFrom: null,
        displayEndedAt: null,
      }),
    );
  }

  /**
   * `permit.status-changed`: the licence's disclosure shows the new status (a new version). A permit
   * credit holds no licence for (issued before credit disclosed licences) is logged, never retried.
   */
  async recordPermitStatusChanged(
    manager: EntityManager,
    change: EventPayloads['permit.status-changed'],
  ): Promise<CreditDisclosure | null> {
    const disclosure = await manager.findOneBy(CreditDisclosure, {
      kind: DisclosureKind.ADMINISTRATIVE_LICENSE,
      documentNumber: change.permitNumber,
    });
    if (!disclosure) {
      this.logger.warn('permit status change for a licence credit has not disclosed', {
        permitNumber: change.permitNumber,
        toStatus: change.toStatus,
      });
      return null;
    }
    const status = LicenseStatus[change.toStatus];
    // A redelivery under another event id, or a change already shown.
    if (disclosure.licenseStatus === status) return null;
    const changedAt = new Date(change.changedAt);
    return this.revisions.revise(
      manager,
      disclosure,
      { licenseStatus: status, content: licenceStatusContent(disclosure.content, status, chinaDate(changedAt)) },
      {
        kind: REVISION_OF_STATUS[status],
        reason: change.caseNumber === null ? null : `行政处罚决定 ${change.caseNumber}`,
        actor: change.caseNumber === null ? 'licensing' : 'enforcement',
      },
    );
  }

  /**
   * `case.decided`: a penalty against an enterprise, public for its publicity period from the decision.
   * Decisions against persons, warnings, minor fines and decisions of no penalty are never disclosed.
   */
  async recordCaseDecided(
    manager: EntityManager,
    decision: EventPayloads['case.decided'],
  ): Promise<CreditDisclosure | null> {
    if (penaltyNotDisclosed(decision, this.settings) !== null || decision.creditCode === null) return null;
    const key = { kind: DisclosureKind.ADMINISTRATIVE_PENALTY, documentNumber: decision.caseNumber };
    if (await manager.existsBy(CreditDisclosure, key)) return null;
    const decidedAt = new Date(decision.decidedAt);
    const severity = severityOf(decision, this.settings.publicity);
    const period = publicityPeriod(decidedAt, severity, this.settings.publicity);
    const known = await manager.findOneBy(CreditSubjectName, { creditCode: decision.creditCode });
    return manager.save(
      manager.create(CreditDisclosure, {
        ...key,
        ...this.deadlineOf(decidedAt),
        creditCode: decision.creditCode,
        counterpartName: known?.name ?? null,
        // Enforcement bounds both to 1000 characters; cut rather than refuse, or the event would block the queue.
        matter: decision.cause.slice(0, 1000),
        legalBasis: DEFAULT_PENALTY_LEGAL_BASIS,
        content: penaltyContent(decision.penalty, decision.fineFen, decision.summary),
        penaltyKind: decision.penalty,
        fineFen: decision.fineFen,
        authorityName: authorityNameOf(decision.regionCode),
        authorityCode: decision.regionCode,
        decidedAt,
        validFrom: null,
        validUntil: null,
        publishedAt: null,
        publicUntil: period.publicUntil,
        licenseStatus: null,
        severity,
        repairableFrom: period.repairableFrom,
        displayEndedAt: null,
      }),
    );
  }

  /**
   * The publication job's step: every disclosure not yet published whose counterpart is named is
   * published now, a batch per transaction, each with its PUBLISHED revision and its push. The UPDATE
   * repeats `published_at IS NULL`, so of two credit processes at once each disclosure is published once.
   */
  async publishDue(): Promise<number> {
    let published = 0;
    for (;;) {
      const due = await this.dataSource.getRepository(CreditDisclosure).find({
        select: { id: true },
        where: { publishedAt: IsNull(), counterpartName: Not(IsNull()) },
        order: { id: 'ASC' },
        take: JOB_BATCH_SIZE,
      });
      if (due.length === 0) return published;
      published += await inTransaction(this.dataSource, async (manager) => {
        let count = 0;
        const now = this.clock();
        for (const { id } of due) {
          const result = await manager.update(CreditDisclosure, { id, publishedAt: IsNull() }, { publishedAt: now });
          if (result.affected !== 1) continue;
          const disclosure = await manager.findOneByOrFail(CreditDisclosure, { id });
          await this.revisions.record(manager, disclosure, [], {
            kind: DisclosureRevisionKind.PUBLISHED,
            reason: null,
            actor: PUBLICATION_JOB,
          });
          await this.outbox.publish(manager, 'credit.disclosure-published', {
            disclosureId: String(disclosure.id),
            kind: disclosure.kind,
            regionCode: disclosure.authorityCode,
            decidedAt: disclosure.decidedAt.toISOString(),
            publishBy: disclosure.publishBy.toISOString(),
            publishedAt: now.toISOString(),
            late: now.getTime() > disclosure.publishBy.getTime(),
            overdueCounted: disclosure.overdueReportedAt !== null,
          });
          count += 1;
        }
        return count;
      });
      if (due.length < JOB_BATCH_SIZE) return published;
    }
  }

  /**
   * The overdue step: every disclosure still unpublished after its deadline (逾期未公示: its counterpart's
   * name has not arrived) is told to statistics once (`credit.disclosure-overdue`), marked in the same
   * transaction; its publication later says it was counted. The UPDATE repeats the conditions.
   */
  async reportOverdue(): Promise<number> {
    let reported = 0;
    for (;;) {
      const now = this.clock();
      const due = await this.dataSource.getRepository(CreditDisclosure).find({
        select: { id: true },
        where: { publishedAt: IsNull(), publishBy: LessThan(now), overdueReportedAt: IsNull() },
        order: { id: 'ASC' },
        take: JOB_BATCH_SIZE,
      });
      if (due.length === 0) return reported;
      const ids = due.map((disclosure) => disclosure.id);
      reported += await inTransaction(this.dataSource, async (manager) => {
        await manager.update(
          CreditDisclosure,
          { id: In(ids), publishedAt: IsNull(), overdueReportedAt: IsNull() },
          { overdueReportedAt: now },
        );
        const marked = await manager.findBy(CreditDisclosure, { id: In(ids), overdueReportedAt: now });
        await this.outbox.publishMany(
          manager,
          'credit.disclosure-overdue',
          marked.map((disclosure) => ({
            disclosureId: String(disclosure.id),
            kind: disclosure.kind,
            regionCode: disclosure.authorityCode,
            publishBy: disclosure.publishBy.toISOString(),
          })),
        );
        return marked.length;
      });
      if (due.length < JOB_BATCH_SIZE) return reported;
    }
  }

  /**
   * The end-of-display step: every published disclosure whose public period is over gets its
   * DISPLAY_ENDED version (the search stops showing it at `publicUntil` already), a batch per transaction.
   */
  async endDueDisplays(): Promise<number> {
    let ended = 0;
    for (;;) {
      const due = await this.dataSource.getRepository(CreditDisclosure).find({
        where: { publishedAt: Not(IsNull()), displayEndedAt: IsNull(), publicUntil: LessThanOrEqual(this.clock()) },
        order: { id: 'ASC' },
        take: JOB_BATCH_SIZE,
      });
      if (due.length === 0) return ended;
      ended += await inTransaction(this.dataSource, async (manager) => {
        let count = 0;
        for (const disclosure of due) {
          const current = await manager.findOneBy(CreditDisclosure, { id: disclosure.id, displayEndedAt: IsNull() });
          if (!current) continue;
          await this.revisions.revise(
            manager,
            current,
            { displayEndedAt: current.publicUntil },
            { kind: DisclosureRevisionKind.DISPLAY_ENDED, reason: null, actor: PUBLICATION_JOB },
          );
          count += 1;
        }
        return count;
      });
      if (due.length < JOB_BATCH_SIZE) return ended;
    }
  }

  /**
   * The penalties each subject has on public display now (公示中的行政处罚), newest decision first, many
   * subjects in one statement: what a reviewer weighs in joint discipline (联合惩戒).
   */
  createPublicPenaltiesLoader(): DataLoader<string, CreditDisclosure[]> {
    return new DataLoader(async (creditCodes) => {
      const rows = await this.dataSource.getRepository(CreditDisclosure).find({
        where: {
          creditCode: In([...new Set(creditCodes)]),
          kind: DisclosureKind.ADMINISTRATIVE_PENALTY,
          publishedAt: Not(IsNull()),
          displayEndedAt: IsNull(),
          publicUntil: MoreThan(this.clock()),
        },
        order: { decidedAt: 'DESC', id: 'DESC' },
      });
      return creditCodes.map((creditCode) => rows.filter((row) => row.creditCode === creditCode));
    });
  }

  /** Published, still-public disclosures, newest first, by credit code, name prefix and kind. */
  async search(
    filter: DisclosureSearch,
    page: PageRequest,
  ): Promise<Connection<CreditDisclosure> & { totalCountCapped: boolean }> {
    if (filter.creditCode !== null) assertCreditCode('creditCode', filter.creditCode);
    const name = filter.name === null ? null : namePrefix(filter.name);
    const where = {
      publishedAt: Not(IsNull()),
      // Shown until the maximum period ends, or until an approved repair ends it (displayEndedAt).
      publicUntil: MoreThan(this.clock()),
      displayEndedAt: IsNull(),
      ...(filter.creditCode === null ? {} : { creditCode: filter.creditCode }),
      // A prefix LIKE uses ix_credit_disclosure_public_name on MySQL and SQLite alike.
      ...(name === null ? {} : { counterpartName: Like(`${name}%`) }),
      ...(filter.kind === null ? {} : { kind: filter.kind }),
    };
    // At most PUBLIC_COUNT_CAP + 1 rows are counted, through the covering ix_credit_disclosure_public_name.
    const capped = this.dataSource
      .getRepository(CreditDisclosure)
      .createQueryBuilder('disclosure')
      .select('1')
      .where(where)
      .limit(PUBLIC_COUNT_CAP + 1);
    const matches = this.dataSource
      .createQueryBuilder()
      .select('COUNT(*)', 'matches')
      .from(`(${capped.getQuery()})`, 'capped')
      .setParameters(capped.getParameters())
      .getRawOne<{ matches: string | number }>()
      .then((counted) => Number(counted?.matches ?? 0));
    const connection = await this.page(
      where,
      page,
      matches.then((count) => Math.min(count, PUBLIC_COUNT_CAP)),
    );
    return { ...connection, totalCountCapped: (await matches) > PUBLIC_COUNT_CAP };
  }

  /**
   * Disclosures whose publication missed its deadline, newest first, of authorities within the region
   * (and the officer's scope): still unpublished after the deadline day, or published after it.
   */
  async overdue(
    scope: RegionScope,
    regionCode: string | null,
    page: PageRequest,
  ): Promise<Connection<CreditDisclosure>> {
    if (regionCode !== null) assertRegionCode('regionCode', regionCode);
    const prefix = narrowedPrefix(scope, regionCode);
    if (prefix === null) return toConnection([], 0, page);
    const region = withinPrefix('authorityCode', prefix);
    return this.page(
      [
        { ...region, publishedAt: IsNull(), publishBy: LessThan(this.clock()) },
        {
          ...region,
          // TypeORM hands the property path (alias.publishedAt) and maps property paths to columns.
          publishedAt: Raw((column) => `${column} > ${column.slice(0, column.lastIndexOf('.'))}.publishBy`),
        },
      ],
      page,
    );
  }

  private deadlineOf(decidedAt: Date): Pick<CreditDisclosure, 'publicationDeadline' | 'publishBy'> {
    const deadline = publicationDeadline(this.calendar, chinaDate(decidedAt));
    return { publicationDeadline: deadline, publishBy: endOfChinaDay(deadline) };
  }

  /** A page newest first; `totalCount` counted by the caller (the public search caps it), or exactly here. */
  private async page(
    where: FindOptionsWhere<CreditDisclosure> | Array<FindOptionsWhere<CreditDisclosure>>,
    page: PageRequest,
    counted?: Promise<number>,
  ): Promise<Connection<CreditDisclosure>> {
    const alternatives = Array.isArray(where) ? where : [where];
    const afterId = page.afterId;
    const repository = this.dataSource.getRepository(CreditDisclosure);
    const [rows, totalCount] = await Promise.all([
      repository.find({
        where: afterId === null ? alternatives : alternatives.map((each) => ({ ...each, id: LessThan(afterId) })),
        order: { id: 'DESC' },
        take: page.limit + 1,
      }),
      counted ?? repository.count({ where: alternatives }),
    ]);
    return toConnection(rows, totalCount, page);
  }
}

const REVISION_OF_STATUS: Readonly<Record<LicenseStatus, DisclosureRevisionKind>> = {
  VALID: DisclosureRevisionKind.LICENSE_RESTORED,
  SUSPENDED: DisclosureRevisionKind.LICENSE_SUSPENDED,
  REVOKED: DisclosureRevisionKind.LICENSE_REVOKED,
};

/** A name prefix: trimmed, 2 to 200 characters, without LIKE's wildcards. */
function namePrefix(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < NAME_MIN_LENGTH) throw invalidInput('name', `must be at least ${NAME_MIN_LENGTH} characters`);
  if (trimmed.length > NAME_MAX_LENGTH) throw invalidInput('name', `must be at most ${NAME_MAX_LENGTH} characters`);
  if (/[%_\\]/.test(trimmed)) throw invalidInput('name', 'must not contain %, _ or \\');
  return trimmed;
}
