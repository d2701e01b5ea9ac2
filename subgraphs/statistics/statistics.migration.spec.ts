import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MixedList } from 'typeorm';
import { InitialStatistics1764000000000 } from '../../migrations/statistics/1764000000000-initial-statistics';
import { PersonalInformationKeysStatistics1765000000000 } from '../../migrations/statistics/1765000000000-personal-information-keys';
import { openDataSource, type EntityClass, type MigrationClass } from '../../platform/database/data-source.factory';
import { createLogger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import { scopeIn } from '../../platform/testing/callers';
import { IndicatorCountsReader } from './indicator/indicator-counts.reader';
import { IndicatorService } from './indicator/indicator.service';
import { statisticsSubgraph } from './statistics.subgraph';

// A database counted before the roll-up (one row per event's own region) keeps its figures: the old
// counts are carried into indicator_count at their region and every region above it.

describe('the indicator-count migration on a database with earlier counts', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statistics-migration-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = (migrations: MixedList<MigrationClass>, entities: EntityClass[] = []) =>
    openDataSource({
      settings: { kind: 'embedded', schema: 'statistics', poolSize: 1 },
      dataDir,
      entities,
      migrations,
      counters: new Counters(),
      logger: createLogger('spec', 'error'),
    });

  it('rolls the old counts up the region tree with the same totals', async () => {
    const before = await open([InitialStatistics1764000000000, PersonalInformationKeysStatistics1765000000000]);
    const old = [
      ['320102', '2026-01', 'PERMITS_ISSUED', 2],
      ['320583', '2026-01', 'PERMITS_ISSUED', 1],
      ['320000', '2026-02', 'PERMITS_ISSUED', 1],
      ['330106', '2026-01', 'FINES_FEN', 500_000],
    ];
    for (const row of old)
      await before.query(
        'INSERT INTO region_month_count (region_code, month, indicator, value) VALUES (?, ?, ?, ?)',
        row,
      );
    await before.destroy();

    const after = await open(statisticsSubgraph.migrations, statisticsSubgraph.entities as EntityClass[]);
    const tables = await after.query<Array<{ name: string }>>("SELECT name FROM sqlite_master WHERE type = 'table'");
    expect(tables.map((table) => table.name)).not.toContain('region_month_count');
    const indicators = new IndicatorService(new IndicatorCountsReader(after));
    const national = scopeIn('000000');
    const jiangsu = await indicators.series(national, 'PERMITS_ISSUED', '320000', '2026-01', '2026-02');
    expect(jiangsu.points.map((point) => point.value)).toEqual([3, 1]);
    const suzhou = await indicators.series(national, 'PERMITS_ISSUED', '320500', '2026-01', '2026-01');
    expect(suzhou.total).toBe(1);
    const country = await indicators.series(national, 'FINES_FEN', '000000', '2026-01', '2026-01');
    expect(country.total).toBe(500_000);
    await after.destroy();
  });
});
