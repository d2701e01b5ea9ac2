import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { NATIONAL_REGION_CODE, regionAncestry } from '../../platform/codes/region-code';

/**
 * Counts by indicator, region, month and dimension, rolled up to every region above (indicator_count),
 * replacing region_month_count, whose rows counted each event at its own region only. The old counts are
 * carried over, rolled up, with no dimension (they were not recorded by permit kind).
 */
export class IndicatorCounts1766500000000 implements MigrationInterface {
  name = 'IndicatorCounts1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'indicator_count',
        columns: [
          // The primary key serves a series (indicator, region, month range) and a breakdown (indicator,
          // region code prefix); a row is found by its whole key when counted.
          { name: 'indicator', type: 'varchar', length: '48', isPrimary: true },
          { name: 'region_code', type: 'varchar', length: '6', isPrimary: true },
          { name: 'month', type: 'varchar', length: '7', isPrimary: true },
          { name: 'dimension', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'bigint' },
        ],
      }),
    );
    const old = (await queryRunner.query(
      'SELECT region_code, month, indicator, value FROM region_month_count',
    )) as Array<{
      region_code: string;
      month: string;
      indicator: string;
      value: string | number;
    }>;
    const rolled = new Map<string, [string, string, string, number]>();
    for (const row of old) {
      const regions =
        row.region_code === NATIONAL_REGION_CODE
          ? [NATIONAL_REGION_CODE]
          : [...regionAncestry(row.region_code), NATIONAL_REGION_CODE];
      for (const region of regions) {
        const key = `${row.indicator}:${region}:${row.month}`;
        const entry = rolled.get(key) ?? [row.indicator, region, row.month, 0];
        entry[3] += Number(row.value);
        rolled.set(key, entry);
      }
    }
    const rows = [...rolled.values()];
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await queryRunner.query(
        `INSERT INTO indicator_count (indicator, region_code, month, dimension, value) VALUES ${chunk
          .map(() => "(?, ?, ?, '', ?)")
          .join(', ')}`,
        chunk.flat(),
      );
    }
    await queryRunner.dropTable('region_month_count');
  }

  /** Back to the old table, empty: the counts are rebuilt from the events (npm run statistics:replay). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await new InitialRegionMonthCount().up(queryRunner);
    await queryRunner.dropTable('indicator_count');
  }
}

/** region_month_count as 1764000000000 created it. */
class InitialRegionMonthCount {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'region_month_count',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'month', type: 'varchar', length: '7' },
          { name: 'indicator', type: 'varchar', length: '32' },
          { name: 'value', type: 'bigint' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_region_month_count',
            columnNames: ['region_code', 'month', 'indicator'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_region_month_count_series', columnNames: ['indicator', 'month', 'region_code'] }),
          new TableIndex({ name: 'ix_region_month_count_month', columnNames: ['month'] }),
        ],
      }),
    );
  }
}
