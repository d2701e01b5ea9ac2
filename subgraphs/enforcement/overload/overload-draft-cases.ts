import type { EntityManager } from 'typeorm';
import { chinaYear } from '../../../platform/time/china-time';
import { CaseStatus } from '../enforcement-case/case-status';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import type { EnforcementCaseService } from '../enforcement-case/enforcement-case.service';
import { excessKg } from './overload-limits';
import { OverloadCase } from './overload-case.entity';
import type { CheckedOverloadRecord } from './overload-record.validation';

/**
 * Statuses in which a case opened from an overload record still takes further records of the vehicle:
 * the draft stage, its filing awaiting a supervisor's approval (立案审批). Once approved (or refused),
 * the vehicle's next overload opens a new draft.
 */
export const JOINABLE_CASE_STATUSES: readonly CaseStatus[] = [CaseStatus.FILING_PENDING];

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
  const chinaTime = new Date(record.detectedAt.getTime() + CHINA_OFFSET_MS)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
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
 * A draft is a filing like an officer's (`EnforcementCaseService.submitFilings`): numbered from the same
 * (region, year) serial, FILING_PENDING with its FILING_SUBMITTED step, awaiting a supervisor's approval,
 * which announces it (`case.filed`); plus an `overload_case` row.
 */
export class OverloadDraftCases {
  constructor(
    private readonly cases: EnforcementCaseService,
    private readonly joinWindowHours: number,
  ) {}

  /** Makes sure the (region, year) serial rows exist before the batch's transaction (see `CaseNumbers.prepare`). */
  async prepare(regionCodes: readonly string[], filedAt: Date): Promise<void> {
    await this.cases.numbers.prepare(regionCodes, chinaYear(filedAt));
  }

  /**
   * The case each detection goes to, by key, inside the batch's transaction. The serial rows of the
   * regions are locked first, so two batches about one vehicle cannot both open a draft: the second
   * waits, then sees the first's.
   */
  async assign(
    manager: EntityManager,
    detections: readonly OverloadDetection[],
    actor: string,
    filedAt: Date,
  ): Promise<Map<number, number>> {
    const assigned = new Map<number, number>();
    if (detections.length === 0) return assigned;
    const regionCodes = [...new Set(detections.map((detection) => detection.record.regionCode))].sort();
    await this.cases.numbers.lock(manager, regionCodes, chinaYear(filedAt));

    const drafts = new Map<string, Draft[]>();
    for (const draft of await this.openDrafts(manager, detections)) {
      const key = draftKey(draft.plateNumber, draft.regionCode);
      drafts.set(key, [...(drafts.get(key) ?? []), draft]);
    }
    const windowMs = this.joinWindowHours * 3600_000;
    const chosen = new Map<number, Draft>();
    const opened: Draft[] = [];
    // In detection order, so the earliest record of a vehicle opens its draft and the later ones join it.
    const inOrder = [...detections].sort(
      (left, right) => left.record.detectedAt.getTime() - right.record.detectedAt.getTime() || left.key - right.key,
    );
    for (const detection of inOrder) {
      const key = draftKey(detection.record.plateNumber, detection.record.regionCode);
      const candidates = drafts.get(key) ?? [];
      const detectedAt = detection.record.detectedAt.getTime();
      let draft = candidates.find(
        (candidate) => Math.abs(candidate.openedByDetectionAt.getTime() - detectedAt) <= windowMs,
      );
      if (!draft) {
        draft = {
          caseId: null,
          plateNumber: detection.record.plateNumber,
          regionCode: detection.record.regionCode,
          openedByDetectionAt: detection.record.detectedAt,
          opening: detection,
        };
        drafts.set(key, [...candidates, draft]);
        opened.push(draft);
      }
      chosen.set(detection.key, draft);
    }
    await this.open(manager, opened, actor, filedAt);
    for (const [key, draft] of chosen) assigned.set(key, draft.caseId!);
    return assigned;
  }

  /** Drafts of these vehicles that some detection could join: one statement, oldest opening first. */
  private async openDrafts(manager: EntityManager, detections: readonly OverloadDetection[]): Promise<Draft[]> {
    const times = detections.map((detection) => detection.record.detectedAt.getTime());
    const windowMs = this.joinWindowHours * 3600_000;
    const found = await manager
      .createQueryBuilder(OverloadCase, 'draft')
      .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = draft.caseId')
      .where('draft.plateNumber IN (:...plates)', {
        plates: [...new Set(detections.map((detection) => detection.record.plateNumber))],
      })
      .andWhere('draft.regionCode IN (:...regions)', {
        regions: [...new Set(detections.map((detection) => detection.record.regionCode))],
      })
      .andWhere('draft.openedByDetectionAt BETWEEN :from AND :to', {
        from: new Date(Math.min(...times) - windowMs),
        to: new Date(Math.max(...times) + windowMs),
      })
      .andWhere('enforcementCase.status IN (:...joinable)', { joinable: [...JOINABLE_CASE_STATUSES] })
      .orderBy('draft.openedByDetectionAt', 'ASC')
      .addOrderBy('draft.caseId', 'ASC')
      .getMany();
    return found.map((draft) => ({
      caseId: draft.caseId,
      plateNumber: draft.plateNumber,
      regionCode: draft.regionCode,
      openedByDetectionAt: draft.openedByDetectionAt,
      opening: null,
    }));
  }

  /** Files the new drafts (numbers, cases, filing steps, one statement per kind) and their join rows. */
  private async open(manager: EntityManager, drafts: Draft[], actor: string, filedAt: Date): Promise<void> {
    if (drafts.length === 0) return;
    const filed = await this.cases.submitFilings(
      manager,
      drafts.map((draft) => ({
        regionCode: draft.regionCode,
        cause: overloadCause(draft.opening!.record),
        creditCode: draft.opening!.ownerCreditCode,
        plateNumber: draft.plateNumber,
        partyName: null,
        partyIdNumber: null,
        comment: `opened from overload record ${draft.opening!.record.stationCode}/${draft.opening!.record.stationRecordId}`,
      })),
      actor,
      filedAt,
    );
    drafts.forEach((draft, index) => (draft.caseId = filed[index].id));
    await manager
      .createQueryBuilder()
      .insert()
      .into(OverloadCase)
      .values(
        drafts.map((draft) => ({
          caseId: draft.caseId!,
          plateNumber: draft.plateNumber,
          regionCode: draft.regionCode,
          openedByDetectionAt: draft.openedByDetectionAt,
        })),
      )
      .updateEntity(false)
      .execute();
  }
}
