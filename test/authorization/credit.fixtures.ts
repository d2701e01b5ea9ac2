import { newCreditCode } from '../harness/story';
import { subgraphSql } from '../harness/subgraph-database';
import { RUN } from './matrix.dsl';

// Credit's records for the matrix that no request can make yet: a penalty disclosure past its minimum
// publicity period (three months after a decision), and a repair application pending on one. Written
// into credit's schema the way an old decision would have left them.

const PAST = '2025-01-06 02:00:00.000';
let serial = 0;

async function repairableDisclosure(
  region: string,
): Promise<{ id: string; documentNumber: string; creditCode: string }> {
  serial += 1;
  const documentNumber = `MX-${RUN}-REPAIR-${region}-${serial}`;
  const creditCode = newCreditCode(region);
  await subgraphSql(
    'credit',
    `INSERT INTO credit_disclosure (kind, counterpart_name, credit_code, document_number, matter, legal_basis, content,
       penalty_kind, fine_fen, authority_name, authority_code, decided_at, publication_deadline, publish_by,
       published_at, public_until, version, severity, repairable_from)
     VALUES ('ADMINISTRATIVE_PENALTY', '矩阵测试信用修复有限公司', ?, ?, '矩阵测试', '矩阵测试', '矩阵测试罚款', 'FINE', 500000,
       '矩阵测试', ?, ?, '2025-01-15', '2025-01-15 16:00:00.000', ?, '2099-01-01 00:00:00.000', 1, 'ORDINARY', '2025-04-06 02:00:00.000')`,
    [creditCode, documentNumber, region, PAST, PAST],
  );
  const [row] = await subgraphSql<{ id: number }>(
    'credit',
    'SELECT id FROM credit_disclosure WHERE document_number = ?',
    [documentNumber],
  );
  return { id: String(row.id), documentNumber, creditCode };
}

/** A published penalty disclosure of `region`, correctable and past its minimum period: its id. */
export async function creditDisclosureFixture(region: string): Promise<string> {
  return (await repairableDisclosure(region)).id;
}

/** A pending repair application on a disclosure of `region`: its id. */
export async function creditRepairFixture(region: string): Promise<string> {
  const disclosure = await repairableDisclosure(region);
  await subgraphSql(
    'credit',
    `INSERT INTO credit_repair_application (disclosure_id, open_disclosure_id, credit_code, document_number,
       authority_code, state, version, penalty_executed, execution_statement, filed_by, filed_at)
     VALUES (?, ?, ?, ?, ?, 'PENDING', 1, 1, '矩阵测试：罚款已缴清', 'ministry-admin', ?)`,
    [Number(disclosure.id), Number(disclosure.id), disclosure.creditCode, disclosure.documentNumber, region, PAST],
  );
  const [row] = await subgraphSql<{ id: number }>(
    'credit',
    'SELECT id FROM credit_repair_application WHERE document_number = ?',
    [disclosure.documentNumber],
  );
  return String(row.id);
}
