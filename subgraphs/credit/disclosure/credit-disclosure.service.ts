import {
  In,
  IsNull,
  LessThan,
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
import { forUpdateSkipLocked } from '../../../platform/database/sql-dialect';
import { invalidInput } from '../../../platform/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { chinaDate } from '../../../platform/time/china-time';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import type { CreditChangeSink } from '../national-platform/credit-change';
import { disclosureChange } from '../national-platform/disclosure-change';
import { CreditDisclosure } from './credit-disclosure.entity';
import { CreditSubjectName } from './credit-subject-name.entity';
import { DisclosureKind } from './disclosure-kind';
import {
  addMonths,
  authorityNameOf,
  DEFAULT_PENALTY_LEGAL_BASIS,
  endOfChinaDay,
  penaltyContent,
  penaltyNotDisclosed,
  publicationDeadline,
} from './disclosure-rules';

export interface DisclosureSettings {
  penaltyPublicMonths: number;
  minorFineBelowFen: number;
}

export interface DisclosureSearch {
  creditCode: string | null;
  name: string | null;
  kind: DisclosureKind | null;
}

const NAME_MIN_LENGTH = 2;
/** Disclosures published in one transaction by the publication job. */
const PUBLICATION_BATCH = 500;
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
    private readonly clock: () => Date = () => new Date(),
    /** Where each published disclosure is recorded for the national credit platform (none in some specs). */
    private readonly changes: CreditChangeSink | null = null,
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
      }),
    );
  }

  /**
   * `case.decided`: a penalty against an enterprise, public for the configured months from the decision.
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
        publicUntil: addMonths(decidedAt, this.settings.penaltyPublicMonths),
      }),
    );
  }

  /**
   * The publication job's step: every disclosure not yet published whose counterpart is named is
   * published now, in batches, each one transaction that also records its push to the national credit
   * platform (DISCLOSURE, version 1). Rows another credit process is publishing are skipped (SKIP
   * LOCKED), so concurrent runs publish each once.
   */
  async publishDue(): Promise<number> {
    let published = 0;
    for (;;) {
      const batch = await inTransaction(this.dataSource, async (manager) => {
        const due = await forUpdateSkipLocked(
          manager
            .createQueryBuilder(CreditDisclosure, 'disclosure')
            .where('disclosure.publishedAt IS NULL')
            .andWhere('disclosure.counterpartName IS NOT NULL')
            .orderBy('disclosure.id', 'ASC')
            .limit(PUBLICATION_BATCH),
        ).getMany();
        if (due.length === 0) return 0;
        const publishedAt = this.clock();
        await manager.update(CreditDisclosure, { id: In(due.map((disclosure) => disclosure.id)) }, { publishedAt });
        for (const disclosure of due)
          await this.changes?.record(manager, disclosureChange({ ...disclosure, publishedAt }));
        return due.length;
      });
      published += batch;
      if (batch < PUBLICATION_BATCH) return published;
    }
  }

  /** Published, still-public disclosures, newest first, by credit code, name prefix and kind. */
  async search(filter: DisclosureSearch, page: PageRequest): Promise<Connection<CreditDisclosure>> {
    if (filter.creditCode !== null) assertCreditCode('creditCode', filter.creditCode);
    const name = filter.name === null ? null : namePrefix(filter.name);
    const where = {
      publishedAt: Not(IsNull()),
      publicUntil: MoreThan(this.clock()),
      ...(filter.creditCode === null ? {} : { creditCode: filter.creditCode }),
      // A prefix LIKE uses ix_credit_disclosure_name on MySQL and SQLite alike.
      ...(name === null ? {} : { counterpartName: Like(`${name}%`) }),
      ...(filter.kind === null ? {} : { kind: filter.kind }),
    };
    return this.page(where, page);
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

  private async page(
    where: FindOptionsWhere<CreditDisclosure> | Array<FindOptionsWhere<CreditDisclosure>>,
    page: PageRequest,
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
      repository.count({ where: alternatives }),
    ]);
    return toConnection(rows, totalCount, page);
  }
}

/** A name prefix: trimmed, 2 to 200 characters, without LIKE's wildcards. */
function namePrefix(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < NAME_MIN_LENGTH) throw invalidInput('name', `must be at least ${NAME_MIN_LENGTH} characters`);
  if (trimmed.length > NAME_MAX_LENGTH) throw invalidInput('name', `must be at most ${NAME_MAX_LENGTH} characters`);
  if (/[%_\\]/.test(trimmed)) throw invalidInput('name', 'must not contain %, _ or \\');
  return trimmed;
}
