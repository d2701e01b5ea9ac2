import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forUpdate } from '../../../platform/database/sql-dialect';
import { conflict } from '../enforcement.errors';
import { CaseNumberSequence } from './case-number-sequence.entity';

const LAST_SERIAL = 999_999;

/**
 * Case numbers (案件编号), `<region><year><six-digit serial>`, unique per region and year: the one place
 * that allocates them, for officers' filings and for the draft cases weigh-station records open alike.
 * The serial comes from the (region, year) row of `case_number_sequence`, advanced in the filing's own
 * transaction, so numbers run without gaps and a rolled-back filing uses none.
 */
export class CaseNumbers {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Makes sure the (region, year) serial rows exist, each in a transaction of its own before the
   * filing's: the filing then only locks and UPDATEs existing rows, so concurrent filings queue on a
   * row's lock instead of deadlocking on the gap an absent row leaves (InnoDB). An unused row holds
   * serial 0 and costs nothing.
   */
  async prepare(regionCodes: readonly string[], year: number): Promise<void> {
    const repository = this.dataSource.getRepository(CaseNumberSequence);
    for (const regionCode of [...new Set(regionCodes)].sort()) {
      if (await repository.existsBy({ regionCode, year })) continue;
      try {
        await inTransaction(this.dataSource, (manager) =>
          manager.insert(CaseNumberSequence, { regionCode, year, lastSerial: 0 }),
        );
      } catch (error) {
        // A filing in the same region created it first.
        if (!(await repository.existsBy({ regionCode, year }))) throw error;
      }
    }
  }

  /**
   * Holds the serial rows of these regions (FOR UPDATE, in region order) to the end of the caller's
   * transaction, for work that must decide what to file before numbering it (a weigh-station batch:
   * two batches about one vehicle then cannot both open a draft).
   */
  async lock(manager: EntityManager, regionCodes: readonly string[], year: number): Promise<void> {
    if (regionCodes.length === 0) return;
    await forUpdate(
      manager
        .createQueryBuilder(CaseNumberSequence, 'sequence')
        .where('sequence.year = :year', { year })
        .andWhere('sequence.regionCode IN (:...regionCodes)', { regionCodes: [...new Set(regionCodes)].sort() })
        .orderBy('sequence.regionCode', 'ASC'),
    ).getMany();
  }

  /** `count` consecutive case numbers of the region and year, in the caller's transaction (after `prepare`). */
  async reserve(manager: EntityManager, regionCode: string, year: number, count: number): Promise<string[]> {
    const advanced = await manager
      .createQueryBuilder()
      .update(CaseNumberSequence)
      .set({ lastSerial: () => 'last_serial + :count' })
      .setParameter('count', count)
      .where({ regionCode, year })
      .execute();
    if (advanced.affected !== 1) throw new Error(`No case serial row for ${regionCode}/${year}`);
    const { lastSerial } = await manager.findOneByOrFail(CaseNumberSequence, { regionCode, year });
    if (lastSerial > LAST_SERIAL)
      throw conflict('CASE_NUMBERS_EXHAUSTED', `Region ${regionCode} has used every case number of ${year}`);
    return Array.from(
      { length: count },
      (_, index) => `${regionCode}${year}${String(lastSerial - count + 1 + index).padStart(6, '0')}`,
    );
  }
}
