import type { EntityManager } from 'typeorm';
import { OverloadCase } from './overload-case.entity';
import { OverloadRecord } from './overload-record.entity';

/**
 * For `case.decided`: how far the worst weigh-station record of a case opened from overload records was
 * above its limit, in percent with one decimal; null for a case no station opened.
 */
export async function overloadExcessPercent(manager: EntityManager, caseId: number): Promise<number | null> {
  if (!(await manager.existsBy(OverloadCase, { caseId }))) return null;
  const records = await manager.findBy(OverloadRecord, { caseId, overloaded: true });
  if (records.length === 0) return null;
  const worst = Math.max(...records.map((record) => (record.excessKg / record.limitKg) * 100));
  return Math.round(worst * 10) / 10;
}
