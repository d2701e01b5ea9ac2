import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { RegionScope } from '../../platform/auth/region-scope';
import { NATIONAL_REGION_CODE, regionScopePrefix } from '../../platform/codes/region-code';
import { openDataSource } from '../../platform/database/data-source.factory';
import { createLogger, type Logger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import type { EventEnvelope, EventPayloads, EventType } from '../../platform/outbox/domain-event';
import { statisticsSubgraph } from './statistics.subgraph';
import type { StatisticsServices } from './statistics.context';

// Helpers for the statistics specs: the real migration on a fresh embedded database, and events as
// the other departments publish them.

export interface StatisticsDatabase {
  dataSource: DataSource;
  counters: Counters;
  services: StatisticsServices;
  warnings: string[];
}

export async function openStatisticsDatabase(): Promise<StatisticsDatabase> {
  const counters = new Counters();
  const warnings: string[] = [];
  const quiet = createLogger('statistics-spec', 'error');
  const logger: Logger = { ...quiet, warn: (message) => warnings.push(message) };
  const dataSource = await openDataSource({
    settings: { kind: 'embedded', schema: 'statistics_spec', poolSize: 1 },
    dataDir: mkdtempSync(join(tmpdir(), 'statistics-spec-')),
    entities: statisticsSubgraph.entities,
    migrations: statisticsSubgraph.migrations,
    counters,
    logger: quiet,
  });
  const services = statisticsSubgraph.createServices({
    dataSource,
    logger,
    outbox: undefined as never,
    files: undefined as never,
    config: undefined as never,
  });
  return { dataSource, counters, services, warnings };
}

export function envelopeOf<TType extends EventType>(
  type: TType,
  payload: EventPayloads[TType],
  source: EventEnvelope['source'] = 'licensing',
): EventEnvelope<TType> {
  return { id: randomUUID(), type, source, occurredAt: new Date().toISOString(), payload };
}

/** The region scope of a caller whose token carries `region`. */
export function scopeOf(region: string): RegionScope {
  return { region, prefix: regionScopePrefix(region), national: region === NATIONAL_REGION_CODE };
}

// Demo enterprises (valid credit codes) of platform/demo/demo-dataset.ts.
export const NANJING_CARRIER = '91320102MA1MY0R10Q';
export const KUNSHAN_CARRIER = '91320583MA1NQ2W40E';
export const HANGZHOU_CARRIER = '91330106MA2H4K1L0X';

export const events = {
  permitIssued: (regionCode: string, issuedAt: string, creditCode = NANJING_CARRIER) =>
    envelopeOf('permit.issued', {
      permitNumber: `P${randomUUID().slice(0, 8)}`,
      kind: 'ROAD_FREIGHT_TRANSPORT',
      creditCode,
      regionCode,
      issuedAt,
    }),
  caseFiled: (regionCode: string, filedAt: string, creditCode: string | null = NANJING_CARRIER) =>
    envelopeOf(
      'case.filed',
      { caseNumber: `C${randomUUID().slice(0, 8)}`, regionCode, creditCode, plateNumber: null, filedAt },
      'enforcement',
    ),
  caseDecided: (
    regionCode: string,
    decidedAt: string,
    fineFen: number | null,
    creditCode: string | null = NANJING_CARRIER,
  ) =>
    envelopeOf(
      'case.decided',
      {
        caseNumber: `C${randomUUID().slice(0, 8)}`,
        regionCode,
        creditCode,
        plateNumber: null,
        permitNumber: null,
        penalty: fineFen ? 'FINE' : 'WARNING',
        fineFen,
        summary: '罚款',
        decidedAt,
      },
      'enforcement',
    ),
  waybillCreated: (originRegionCode: string, createdAt: string, carrierCreditCode = NANJING_CARRIER) =>
    envelopeOf(
      'waybill.created',
      {
        waybillNumber: `W${randomUUID().slice(0, 8)}`,
        carrierCreditCode,
        plateNumber: '苏A12345',
        originRegionCode,
        createdAt,
      },
      'safety',
    ),
};
