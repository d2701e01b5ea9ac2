import type { DataSource } from 'typeorm';
import { invalidInput } from '../../../platform/errors/domain-error';
import { chinaDateSql } from '../../../platform/database/sql-dialect';
import { AuditOutcome, AuditRecord, AuditRecordKind } from '../../audit/audit-record.entity';

/** Calls of one client to one operation on one day (China Standard Time), from the audit trail. */
export interface PartnerUsageRow {
  /** YYYY-MM-DD in China Standard Time. */
  day: string;
  clientId: string;
  operationName: string | null;
  calls: number;
  refused: number;
}

/** The longest range one question may cover, in days. */
export const USAGE_MAX_DAYS = 366;

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The UTC instant China Standard Time's day `date` (YYYY-MM-DD) starts at, or null for no such date. */
function chinaDayStart(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const midnightUtc = new Date(`${date}T00:00:00.000Z`);
  if (Number.isNaN(midnightUtc.getTime()) || midnightUtc.toISOString().slice(0, 10) !== date) return null;
  return new Date(midnightUtc.getTime() - CHINA_OFFSET_MS);
}

/** The instants [from, to) covering China Standard Time days `from` to `to`, inclusive; bad input throws. */
export function usageRange(from: string, to: string): { start: Date; end: Date } {
  const start = chinaDayStart(from);
  if (!start) throw invalidInput('from', '须为日期 YYYY-MM-DD。must be a date, YYYY-MM-DD');
  const last = chinaDayStart(to);
  if (!last) throw invalidInput('to', '须为日期 YYYY-MM-DD。must be a date, YYYY-MM-DD');
  if (last < start) throw invalidInput('to', '不能早于起始日期。must not be before from');
  const days = (last.getTime() - start.getTime()) / DAY_MS + 1;
  if (days > USAGE_MAX_DAYS)
    throw invalidInput('to', `查询范围不超过 ${USAGE_MAX_DAYS} 天。must be at most ${USAGE_MAX_DAYS} days after from`);
  return { start, end: new Date(last.getTime() + DAY_MS) };
}

/**
 * A client's calls per operation and China Standard Time day, counted in SQL from the audit trail (the
 * record of every call; no second bookkeeping). The range is bounded and the client named, so the
 * trail's (client_id, occurred_at) index serves the scan. `refused` counts calls the gateway refused.
 */
export async function partnerUsage(
  dataSource: DataSource,
  clientId: string,
  from: string,
  to: string,
): Promise<PartnerUsageRow[]> {
  const { start, end } = usageRange(from, to);
  const day = chinaDateSql(dataSource, 'record.occurred_at');
  const rows = await dataSource
    .getRepository(AuditRecord)
    .createQueryBuilder('record')
    .select(day, 'usage_day')
    .addSelect('record.operationName', 'operationName')
    .addSelect('COUNT(*)', 'calls')
    .addSelect(`SUM(CASE WHEN record.outcome = :refused THEN 1 ELSE 0 END)`, 'refused')
    .where('record.clientId = :clientId', { clientId })
    .andWhere('record.occurredAt >= :start', { start })
    .andWhere('record.occurredAt < :end', { end })
    .andWhere('record.kind = :kind', { kind: AuditRecordKind.REQUEST })
    .setParameter('refused', AuditOutcome.REFUSED)
    .groupBy(day)
    .addGroupBy('record.operationName')
    .orderBy('usage_day', 'ASC')
    .addOrderBy('record.operationName', 'ASC')
    .getRawMany<{
      usage_day: string;
      operationName: string | null;
      calls: number | string;
      refused: number | string | null;
    }>();
  return rows.map((row) => ({
    day: row.usage_day,
    clientId,
    operationName: row.operationName,
    calls: Number(row.calls),
    refused: Number(row.refused ?? 0),
  }));
}
