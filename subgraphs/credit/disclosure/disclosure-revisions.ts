import type { EntityManager } from 'typeorm';
import { maskFreeText } from '../../../platform/codes/personal-information-text';
import type { CreditChange, CreditChangeSink } from '../national-platform/credit-change';
import { conflict } from '../credit.errors';
import { CreditDisclosure } from './credit-disclosure.entity';
import { CreditDisclosureRevision, type DisclosureFieldChange } from './credit-disclosure-revision.entity';
import type { DisclosureRevisionKind } from './disclosure-kind';

/** The fields of a disclosure the public sees and a revision may change; their changes are kept. */
export const REVISED_FIELDS = [
  'counterpartName',
  'matter',
  'legalBasis',
  'content',
  'penaltyKind',
  'fineFen',
  'validFrom',
  'validUntil',
  'licenseStatus',
  'severity',
  'repairableFrom',
  'publicUntil',
  'displayEndedAt',
] as const satisfies ReadonlyArray<keyof CreditDisclosure>;

export type RevisedField = (typeof REVISED_FIELDS)[number];
export type DisclosureValues = Partial<Pick<CreditDisclosure, RevisedField>>;

function asText(value: string | number | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

/** The fields whose value `values` changes, before and after, as text. */
export function changedFields(disclosure: CreditDisclosure, values: DisclosureValues): DisclosureFieldChange[] {
  return REVISED_FIELDS.flatMap((field) => {
    if (!(field in values)) return [];
    const before = asText(disclosure[field]);
    const after = asText(values[field]);
    return before === after ? [] : [{ field, before, after }];
  });
}

/**
 * What the national platform receives of one version: public facts, free text masked like everywhere.
 * A disclosure reaches the platform from its publication, so its first push may be a later version (a
 * licence suspended before it was published); the outbox numbers such a record from 1 (credit-platform.outbox.ts).
 */
export function disclosureChange(disclosure: CreditDisclosure, revision: DisclosureRevisionKind): CreditChange {
  return {
    recordType: 'DISCLOSURE',
    recordId: String(disclosure.id),
    version: disclosure.version,
    payload: {
      revision,
      kind: disclosure.kind,
      creditCode: disclosure.creditCode,
      counterpartName: disclosure.counterpartName,
      documentNumber: disclosure.documentNumber,
      matter: maskFreeText(disclosure.matter),
      legalBasis: disclosure.legalBasis,
      content: maskFreeText(disclosure.content),
      penaltyKind: disclosure.penaltyKind,
      fineFen: disclosure.fineFen,
      authorityName: disclosure.authorityName,
      authorityCode: disclosure.authorityCode,
      decidedAt: disclosure.decidedAt.toISOString(),
      validFrom: disclosure.validFrom,
      validUntil: disclosure.validUntil,
      licenseStatus: disclosure.licenseStatus,
      severity: disclosure.severity,
      publishedAt: disclosure.publishedAt?.toISOString() ?? null,
      repairableFrom: disclosure.repairableFrom?.toISOString() ?? null,
      publicUntil: disclosure.publicUntil.toISOString(),
      displayEndedAt: disclosure.displayEndedAt?.toISOString() ?? null,
    },
  };
}

export interface Revision {
  kind: DisclosureRevisionKind;
  reason: string | null;
  actor: string;
}

/**
 * Every version of a disclosure, in the transaction that makes it: the history row (never deleted) and,
 * once the disclosure is public, the change pushed to the national platform through the sink. A
 * disclosure not yet published is pushed at its publication, as the version it has then.
 */
export class DisclosureRevisions {
  constructor(
    private readonly sink: CreditChangeSink,
    private readonly clock: () => Date,
  ) {}

  /**
   * A new version: the UPDATE repeats the version read (or the one the caller expected), so of two
   * revisions at once exactly one applies and the other is STALE_VERSION.
   */
  async revise(
    manager: EntityManager,
    disclosure: CreditDisclosure,
    values: DisclosureValues,
    revision: Revision,
    expectedVersion: number = disclosure.version,
  ): Promise<CreditDisclosure> {
    const changes = changedFields(disclosure, values);
    const result = await manager
      .createQueryBuilder()
      .update(CreditDisclosure)
      .set({ ...values, version: expectedVersion + 1 })
      .where('id = :id AND version = :version', { id: disclosure.id, version: expectedVersion })
      .execute();
    if (result.affected !== 1)
      throw conflict(
        'STALE_VERSION',
        `Disclosure ${disclosure.id} is at another version than ${expectedVersion}; reload it and try again`,
      );
    const revised = await manager.findOneByOrFail(CreditDisclosure, { id: disclosure.id });
    await this.record(manager, revised, changes, revision);
    return revised;
  }

  /** The history row of the disclosure's current version, and its push when it is public. */
  async record(
    manager: EntityManager,
    disclosure: CreditDisclosure,
    changes: DisclosureFieldChange[],
    revision: Revision,
  ): Promise<void> {
    await manager.insert(CreditDisclosureRevision, {
      disclosureId: disclosure.id,
      version: disclosure.version,
      kind: revision.kind,
      changesJson: JSON.stringify(changes),
      reason: revision.reason,
      actor: revision.actor,
      occurredAt: this.clock(),
    });
    if (disclosure.publishedAt !== null) await this.sink.record(manager, disclosureChange(disclosure, revision.kind));
  }

  /** A disclosure's revisions, oldest first. */
  historyOf(manager: EntityManager, disclosureId: number): Promise<CreditDisclosureRevision[]> {
    return manager.find(CreditDisclosureRevision, { where: { disclosureId }, order: { id: 'ASC' } });
  }
}
