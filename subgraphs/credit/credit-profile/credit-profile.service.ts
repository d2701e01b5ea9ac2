import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import { CreditRecord } from '../credit-record/credit-record.entity';
import { CreditDisclosure } from '../disclosure/credit-disclosure.entity';
import { CreditSubjectName } from '../disclosure/credit-subject-name.entity';
import { CreditProfile } from './credit-profile';
import { creditRating, creditScore } from './credit-rating';

interface RecordTotals {
  deltaSum: number;
  recordCount: number;
}

export function profileFrom(creditCode: string, totals: RecordTotals): CreditProfile {
  const score = creditScore(totals.deltaSum);
  return { creditCode, score, rating: creditRating(score), recordCount: totals.recordCount };
}

const NO_RECORDS: RecordTotals = { deltaSum: 0, recordCount: 0 };

/**
 * Profiles are read nationally: a subject's credit is one file whichever region decided its records, and
 * penalties and commendations are public information (双公示), so the caller's region does not narrow them.
 */
export class CreditProfileService {
  constructor(private readonly dataSource: DataSource) {}

  /** Profiles of many subjects in one statement; a subject without records has the full score. */
  createLoader(): DataLoader<string, CreditProfile> {
    return new DataLoader(async (creditCodes) => {
      const totals = await this.totalsOf(this.dataSource.manager, [...creditCodes]);
      return creditCodes.map((code) => profileFrom(code, totals.get(code) ?? NO_RECORDS));
    });
  }

  /** One subject's profile as `manager` sees it (inside a transaction, with its own writes counted). */
  async profileOf(manager: EntityManager, creditCode: string): Promise<CreditProfile> {
    const totals = await this.totalsOf(manager, [creditCode]);
    return profileFrom(creditCode, totals.get(creditCode) ?? NO_RECORDS);
  }

  // A repaired record (信用修复) stays in the file and in the count, but no longer moves the score.
  /**
   * Whether credit knows the subject at all: a name from the registry (enterprise.registered), a record or a
   * disclosure. A well-formed code credit has never heard of is a NOT_FOUND, not a blank file rated A.
   */
  async isKnown(creditCode: string): Promise<boolean> {
    const manager = this.dataSource.manager;
    return (
      (await manager.existsBy(CreditSubjectName, { creditCode })) ||
      (await manager.existsBy(CreditRecord, { creditCode })) ||
      (await manager.existsBy(CreditDisclosure, { creditCode }))
    );
  }

  private async totalsOf(manager: EntityManager, creditCodes: string[]): Promise<Map<string, RecordTotals>> {
    const rows: Array<{ creditCode: string; deltaSum: string | number | null; recordCount: string | number }> =
      await manager
        .createQueryBuilder(CreditRecord, 'record')
        .select('record.creditCode', 'creditCode')
        .addSelect('SUM(CASE WHEN record.repairedAt IS NULL THEN record.scoreDelta ELSE 0 END)', 'deltaSum')
        .addSelect('COUNT(*)', 'recordCount')
        .where('record.creditCode IN (:...creditCodes)', { creditCodes })
        .groupBy('record.creditCode')
        .getRawMany();
    // MySQL returns SUM as a DECIMAL string.
    return new Map(
      rows.map((row) => [
        row.creditCode,
        { deltaSum: Number(row.deltaSum ?? 0), recordCount: Number(row.recordCount) },
      ]),
    );
  }
}
