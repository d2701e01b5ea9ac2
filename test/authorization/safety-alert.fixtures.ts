import { subgraphSql } from '../harness/subgraph-database';
import { runReference, type Base } from './matrix.dsl';

// Monitoring alerts (动态监控报警) the matrix's cells read and handle, written straight into safety's table:
// how an alert comes about (positions from the platform's client) is test/vehicle-positions.test.ts's subject.

/** An OPEN alert on the Jiangsu enterprise's vehicle certified in `region`; its id. */
export async function safetyAlert(base: Base, region: string): Promise<string> {
  const marker = runReference();
  const plate = region.startsWith('32') ? base.jsVehicle : base.zjVehicle;
  await subgraphSql(
    'safety',
    `INSERT INTO safety_alert (kind, plate_number, owner_credit_code, region_code, occurred_at, description_zh,
       description_en, status, raised_at, version) VALUES ('SPEEDING', ?, ?, ?, ?, ?, ?, 'OPEN', ?, 1)`,
    [
      plate,
      base.jsEnterprise,
      region,
      '2026-12-01 02:00:00',
      `矩阵测试：超速 ${marker}`,
      marker,
      '2026-12-01 02:00:00',
    ],
  );
  const [row] = await subgraphSql<{ id: number }>('safety', 'SELECT id FROM safety_alert WHERE description_en = ?', [
    marker,
  ]);
  return String(row.id);
}
