import { In, type DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../../kit/database/data-source.factory';
import { conflict } from '../../kit/errors/domain-error';
import type { EventOutbox } from '../../kit/outbox/event-outbox';
import { chinaYear } from '../../kit/time/china-time';
import { CaseNumberSequence } from '../enforcement-case/case-number-sequence.entity';
import { CaseStatus } from '../enforcement-case/case-status';
import { CaseStep } from '../enforcement-case/case-step.entity';
import { decisionDueDate } from '../enforcement-case/decision-deadline';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { excessKg } from './overload-limits';
import { OverloadCase } from './overload-case.entity';
import type { CheckedOverloadRecord } from './overload-record.validation';

/**
 * Statuses in which a case opened from an overload record still takes further records of the vehicle:
 * the draft stage, before an officer has started the investigation. (A filing-approval step would add
 * its draft status here.)
 */
export const JOINABLE_CASE_STATUSES: readonly CaseStatus[] = [CaseStatus.FILED];

const LAST_SERIAL = 999_999;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** An overloaded record that needs a draft case; `key` is the caller's handle for the answer. */
export interface OverloadDetection {
  key: number;
  record: CheckedOverloadRecord;
  ownerCreditCode: string | null;
}

interface Draft {
  caseId: number | null;
  plateNumber: string;
  regionCode: string;
  openedByDetectionAt: Date;
  /** The record that opens a draft made in this batch; null for a draft that exists already. */
  opening: OverloadDetection | null;
}

function draftKey(plateNumber: string, regionCode: string): string {
  return `${plateNumber}\u0000${regionCode}`;
}

/** "超限运输" and the measurement, as the case's cause (案由) names it. */
export function overloadCause(record: CheckedOverloadRecord): string {
  const chinaTime = new Date(record.detectedAt.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
  const excess = excessKg(record.grossWeightKg, record.limitKg);
  const percent = ((excess / record.limitKg) * 100).toFixed(1);
  return (
    `超限运输（非现场执法）：车辆 ${record.plateNumber} 于 ${chinaTime}（北京时间）经超限检测站 ${record.stationCode} 检测，` +
    `${record.axleCount} 轴，车货总质量 ${record.grossWeightKg} kg，超过限值 ${record.limitKg} kg（超限 ${excess} kg，${percent}%）。`
  );
}

/**
 * Opens draft cases for overloaded records, or finds the draft a record joins: one draft per vehicle and
 * responsible region for records within the join window of the record that opened it.
 *
 * A draft is an ordinary EnforcementCase row in status FILED, numbered from the same (region, year)
 * serial as officers' filings, with its filing step and `case.filed` event, plus an `overload_case` row.
 */
export class OverloadDraftCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly joinWindowHours: number,
  ) {}

  /**
   * Makes sure the (region, year) serial rows exist, each in a transaction of its own before the batch's:
   * the batch then only locks and updates existing rows (no InnoDB gap locks to deadlock on).
   */
  async prepare(regionCodes: readonly string[], filedAt: Date): Promise<void> {
    const year = chinaYear(filedAt);
    const repository = this.dataSource.getRepository(CaseNumberSequence);
    for (const regionCode of [...new Set(regionCodes)].sort()) {
      if (await repository.existsBy({ regionCode, year })) continue;
      try {
        await inTransaction(this.dataSource, (manager) => manager.insert(CaseNumberSequence, { regionCode, year, lastSerial: 0 }));
      } catch (error) {
        // A filing in the same region created it first.
        if (!(await repository.existsBy({ regionCode, year }))) throw error;
      }
    }
  }

  /**
   * The case each detection goes to, by key, inside the batch's transaction. The serial rows of the
   * regions are locked first, so two batches about one vehicle cannot both open a draft: the second
   * waits, then sees the first's.
   */
  async assign(manager: EntityManager, detections: readonly OverloadDetection[], actor: string, filedAt: Date): Promise<Map<number, number>> {
    const assigned = new Map<number, number>();
    if (detections.length === 0) return assigned;
    const regionCodes = [...new Set(detections.map((detection) => detection.record.regionCode))].sort();
    const year = chinaYear(filedAt);
    await this.lockSerials(manager, regionCodes, year);

    const drafts = new Map<string, Draft[]>();
    for (const draft of await this.openDrafts(manager, detections)) {
      const key = draftKey(draft.plateNumber, draft.regionCode);
      drafts.set(key, [...(drafts.get(key) ?? []), draft]);
    }
    const windowMs = this.joinWindowHours * 3600_000;
    const chosen = new Map<number, Draft>();
    const opened: Draft[] = [];
    // In detection order, so the earliest record of a vehicle opens its draft and the later ones join it.
    const inOrder = [...detections].sort((left, right) => left.record.detectedAt.getTime() - right.record.detectedAt.getTime() || left.key - right.key);
    for (const detection of inOrder) {
      const key = draftKey(detection.record.plateNumber, detection.record.regionCode);
      const candidates = drafts.get(key) ?? [];
      const detectedAt = detection.record.detectedAt.getTime();
      let draft = candidates.find((candidate) => Math.abs(candidate.openedByDetectionAt.getTime() - detectedAt) <= windowMs);
      if (!draft) {
        draft = { caseId: null, plateNumber: detection.record.plateNumber, regionCode: detection.record.regionCode, openedByDetectionAt: detection.record.detectedAt, opening: detection };
        drafts.set(key, [...candidates, draft]);
        opened.push(draft);
      }
      chosen.set(detection.key, draft);
    }
    await this.open(manager, opened, actor, filedAt, year);
    for (const [key, draft] of chosen) assigned.set(key, draft.caseId!);
    return assigned;
  }

  private async lockSerials(manager: EntityManager, regionCodes: readonly string[], year: number): Promise<void> {
    // The embedded database runs one transaction at a time (inTransaction queues them): nothing to lock.
    if (manager.connection.options.type === 'sqljs') return;
    await manager
      .createQueryBuilder(CaseNumberSequence, 'sequence')
      .setLock('pessimistic_write')
      .where('sequence.year = :year', { year })
      .andWhere('sequence.regionCode IN (:...regionCodes)', { regionCodes })
      .orderBy('sequence.regionCode', 'ASC')
      .getMany();
  }

  /** Drafts of these vehicles that some detection could join: one statement, oldest opening first. */
  private async openDrafts(manager: EntityManager, detections: readonly OverloadDetection[]): Promise<Draft[]> {
    const times = detections.map((detection) => detection.record.detectedAt.getTime());
    const windowMs = this.joinWindowHours * 3600_000;
    const found = await manager
      .createQueryBuilder(OverloadCase, 'draft')
      .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = draft.caseId')
      .where('draft.plateNumber IN (:...plates)', { plates: [...new Set(detections.map((detection) => detection.record.plateNumber))] })
      .andWhere('draft.regionCode IN (:...regions)', { regions: [...new Set(detections.map((detection) => detection.record.regionCode))] })
      .andWhere('draft.openedByDetectionAt BETWEEN :from AND :to', { from: new Date(Math.min(...times) - windowMs), to: new Date(Math.max(...times) + windowMs) })
      .andWhere('enforcementCase.status IN (:...joinable)', { joinable: [...JOINABLE_CASE_STATUSES] })
      .orderBy('draft.openedByDetectionAt', 'ASC')
      .addOrderBy('draft.caseId', 'ASC')
      .getMany();
    return found.map((draft) => ({ caseId: draft.caseId, plateNumber: draft.plateNumber, regionCode: draft.regionCode, openedByDetectionAt: draft.openedByDetectionAt, opening: null }));
  }

  /** Files the new drafts: numbers, cases, filing steps, join rows and `case.filed` events, a statement each kind. */
  private async open(manager: EntityManager, drafts: Draft[], actor: string, filedAt: Date, year: number): Promise<void> {
    if (drafts.length === 0) return;
    const numbers = new Map<Draft, string>();
    for (const regionCode of [...new Set(drafts.map((draft) => draft.regionCode))].sort()) {
      const ofRegion = drafts.filter((draft) => draft.regionCode === regionCode);
      const serials = await this.reserveSerials(manager, regionCode, year, ofRegion.length);
      ofRegion.forEach((draft, index) => numbers.set(draft, `${regionCode}${year}${String(serials[index]).padStart(6, '0')}`));
    }
    const dueDate = decisionDueDate(filedAt);
    await manager
      .createQueryBuilder()
      .insert()
      .into(EnforcementCase)
      .values(
        drafts.map((draft) => ({
          caseNumber: numbers.get(draft)!,
          regionCode: draft.regionCode,
          status: CaseStatus.FILED,
          cause: overloadCause(draft.opening!.record),
          creditCode: draft.opening!.ownerCreditCode,
          plateNumber: draft.plateNumber,
          partyName: null,
          partyIdNumber: null,
          penalty: null,
          fineFen: null,
          permitNumber: null,
          decisionSummary: null,
          dismissalReason: null,
          filedBy: actor,
          filedAt,
          decidedBy: null,
          decidedAt: null,
          closedAt: null,
          decisionDueDate: dueDate,
        })),
      )
      .updateEntity(false)
      .execute();
    const filed = await manager.find(EnforcementCase, { select: { id: true, caseNumber: true }, where: { caseNumber: In([...numbers.values()]) } });
    const idByNumber = new Map(filed.map((row) => [row.caseNumber, row.id]));
    for (const draft of drafts) draft.caseId = idByNumber.get(numbers.get(draft)!)!;

    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseStep)
      .values(
        drafts.map((draft) => ({
          caseId: draft.caseId!,
          fromStatus: null,
          toStatus: CaseStatus.FILED,
          actor,
          occurredAt: filedAt,
          comment: `opened from overload record ${draft.opening!.record.stationCode}/${draft.opening!.record.stationRecordId}`,
        })),
      )
      .updateEntity(false)
      .execute();
    await manager
      .createQueryBuilder()
      .insert()
      .into(OverloadCase)
      .values(drafts.map((draft) => ({ caseId: draft.caseId!, plateNumber: draft.plateNumber, regionCode: draft.regionCode, openedByDetectionAt: draft.openedByDetectionAt })))
      .updateEntity(false)
      .execute();
    await this.outbox.publishMany(
      manager,
      'case.filed',
      drafts.map((draft) => ({
        caseNumber: numbers.get(draft)!,
        regionCode: draft.regionCode,
        creditCode: draft.opening!.ownerCreditCode,
        plateNumber: draft.plateNumber,
        filedAt: filedAt.toISOString(),
      })),
    );
  }

  /**
   * `count` consecutive serials of the (region, year) row, advanced in the batch's transaction, so numbers
   * run without gaps per region and year as for officers' filings, and a rolled-back batch uses none.
   */
  private async reserveSerials(manager: EntityManager, regionCode: string, year: number, count: number): Promise<number[]> {
    const advanced = await manager
      .createQueryBuilder()
      .update(CaseNumberSequence)
      .set({ lastSerial: () => 'last_serial + :count' })
      .setParameter('count', count)
      .where({ regionCode, year })
      .execute();
    if (advanced.affected !== 1) throw new Error(`No case serial row for ${regionCode}/${year}`);
    const { lastSerial } = await manager.findOneByOrFail(CaseNumberSequence, { regionCode, year });
    if (lastSerial > LAST_SERIAL) throw conflict('CASE_NUMBERS_EXHAUSTED', `Region ${regionCode} has used every case number of ${year}`);
    return Array.from({ length: count }, (_, index) => lastSerial - count + 1 + index);
  }
}
