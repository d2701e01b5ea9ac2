import { subgraphSql } from '../harness/subgraph-database';
import { RUN, type Base, type FixtureSpec } from './matrix.dsl';

// Hidden hazards and accidents for the matrix, written into safety's schema: verification must be done
// by an officer other than the inspector and the reporter, and ministry-admin (who makes every other
// fixture) is the only national safety officer, so these name an officer no cell acts as.

const FIXTURE_OFFICER = 'matrix-fixture-officer';
let serial = 0;

/** The record a hazard or accident fixture spec names. */
export function safetyFixture(
  base: Base,
  spec: Extract<FixtureSpec, { kind: 'hazard' | 'accident' }>,
): Promise<string> {
  return spec.kind === 'hazard' ? hazardFixture(base, spec) : accidentFixture(spec.region);
}

/** `<inspection id>:<hazard id>` of a general hazard, overdue since January 2026, in `spec.status`. */
async function hazardFixture(base: Base, spec: Extract<FixtureSpec, { kind: 'hazard' }>): Promise<string> {
  serial += 1;
  const marker = `mx-${RUN}-${serial}`.toLowerCase();
  const creditCode = spec.subject === 'js' ? base.jsEnterprise : base.fixtureEnterprise;
  await subgraphSql(
    'safety',
    `INSERT INTO safety_inspection (credit_code, region_code, inspected_on, inspectors, findings, recorded_by, recorded_at)
     VALUES (?, ?, '2026-01-05', '矩阵测试检查员', '矩阵测试检查情况', ?, '2026-01-05 02:00:00.000')`,
    [creditCode, spec.region, marker],
  );
  const [{ id: inspectionId }] = await subgraphSql<{ id: number }>(
    'safety',
    'SELECT id FROM safety_inspection WHERE recorded_by = ?',
    [marker],
  );
  const rectified = spec.status === 'RECTIFIED';
  await subgraphSql(
    'safety',
    `INSERT INTO hidden_hazard (inspection_id, credit_code, region_code, level, description, status, found_on, deadline,
       found_by, rectification_reported_by, rectification_reported_at, rectification_note, verified_by, verified_at,
       verification_note, closed_at, reported_versions, created_at, version)
     VALUES (?, ?, ?, 'GENERAL', '矩阵测试隐患', ?, '2026-01-05', '2026-01-19', ?, ?, ?, ?, NULL, NULL, NULL, NULL, 0,
       '2026-01-05 02:00:00.000', 1)`,
    [
      inspectionId,
      creditCode,
      spec.region,
      spec.status,
      FIXTURE_OFFICER,
      rectified ? FIXTURE_OFFICER : null,
      rectified ? '2026-01-06 02:00:00.000' : null,
      rectified ? '矩阵测试整改' : null,
    ],
  );
  const [{ id: hazardId }] = await subgraphSql<{ id: number }>(
    'safety',
    'SELECT id FROM hidden_hazard WHERE inspection_id = ?',
    [inspectionId],
  );
  return `${inspectionId}:${hazardId}`;
}

/** The id of a general accident reported in `region` (version 1). */
async function accidentFixture(region: string): Promise<string> {
  serial += 1;
  const marker = `mx-${RUN}-${serial}`.toLowerCase();
  await subgraphSql(
    'safety',
    `INSERT INTO safety_accident (plate_number, credit_code, occurred_at, region_code, location, summary, severity, deaths,
       injuries, direct_loss_fen, waybill_number, reported_by, reported_at, version)
     VALUES (NULL, NULL, '2026-01-05 02:00:00.000', ?, '矩阵测试地点', '矩阵测试事故', 'GENERAL', 0, 0, 0, NULL, ?,
       '2026-01-05 02:00:00.000', 1)`,
    [region, marker],
  );
  const [{ id }] = await subgraphSql<{ id: number }>('safety', 'SELECT id FROM safety_accident WHERE reported_by = ?', [
    marker,
  ]);
  return String(id);
}
