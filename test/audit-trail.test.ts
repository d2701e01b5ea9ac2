import { verifyAuditTrail } from './harness/audit-verify';
import { gatewaySql } from './harness/gateway-database';
import { eventually, graphql, query, tokenFor } from './harness/single-window.client';
import { MoreThanOrEqual } from 'typeorm';
import { chainHash } from '../gateway/audit/audit-chain';
import { openGatewayDatabase } from '../gateway/audit/audit-database';
import { AuditOutcome, AuditRecord } from '../gateway/audit/audit-record.entity';
import { loadConfig } from '../platform/config/config';
import { createLogger } from '../platform/observability/logger';
import { readState } from './harness/harness-state';

interface AuditRow {
  id: number;
  username: string | null;
  outcome: string;
  operationName: string | null;
  variables: string;
  subgraphs: string;
  errorCodes: string;
  purposeCode: string | null;
  entities: string;
}

const AUDIT_RECORDS = `query ($username: String, $entity: String, $operationName: String) {
  auditRecords(username: $username, entity: $entity, operationName: $operationName, first: 20) {
    totalCount
    edges { node { id username outcome operationName variables subgraphs errorCodes purposeCode entities hash previousHash } }
  }
}`;

async function auditRecordsOf(filter: {
  username?: string;
  entity?: string;
  operationName?: string;
}): Promise<AuditRow[]> {
  const data = await query<{ auditRecords: { edges: Array<{ node: AuditRow }> } }>(
    await tokenFor('ministry-admin'),
    AUDIT_RECORDS,
    filter,
  );
  return data.auditRecords.edges.map((edge) => edge.node);
}

describe('the audit trail', () => {
  it('records every operation with who, what, where, why and which subgraphs', async () => {
    const token = await tokenFor('js-credit-officer');
    await query(
      token,
      `query AuditProbe($code: String!) { enterprise(creditCode: $code) { name creditProfile { rating } } }`,
      { code: '91320583MA1NQ2W40E' },
    );
    const [record] = await auditRecordsOf({ username: 'js-credit-officer', operationName: 'AuditProbe' });
    expect(record).toMatchObject({ outcome: 'OK', subgraphs: 'credit,licensing', purposeCode: null });
    expect(record.entities).toContain('91320583MA1NQ2W40E');
  });

  it('keeps the declared purpose and masks personal information in the recorded variables', async () => {
    const token = await tokenFor('js-pii-officer');
    const filed = await graphql(
      `
        mutation AuditMaskingProbe($input: FileCaseInput!) {
          fileCase(input: $input) {
            case {
              caseNumber
            }
          }
        }
      `,
      {
        input: {
          regionCode: '320102',
          cause: '驾驶员王建国(电话13812345678)超限运输',
          partyName: '王建国',
          partyIdNumber: '320102199001011232',
        },
      },
      {
        token,
        headers: {
          'x-purpose': 'ENFORCEMENT_INVESTIGATION',
          'x-purpose-reason': encodeURIComponent('超限运输案件调查取证'),
        },
      },
    );
    expect(filed.errors).toBeUndefined();
    const [record] = await auditRecordsOf({ username: 'js-pii-officer', operationName: 'AuditMaskingProbe' });
    expect(record).toMatchObject({ outcome: 'OK', subgraphs: 'enforcement', purposeCode: 'ENFORCEMENT_INVESTIGATION' });
    expect(record.variables).toContain('138****5678');
    expect(record.variables).toContain('3201**********1232');
    expect(record.variables).toContain('"partyName":"王**"');
    expect(record.variables).not.toMatch(/13812345678|320102199001011232|"王建国"/);
  });

  it('records refused requests too: no token, and a role that may not do it', async () => {
    await graphql(`
      query AnonymousProbe {
        enterprises(first: 1) {
          totalCount
        }
      }
    `);
    await graphql(
      `
        mutation RefusedProbe {
          registerEnterprise(
            input: {
              creditCode: "91320102MA1MY0R10Q"
              name: "x"
              legalRepresentative: "x"
              regionCode: "320102"
              address: "x"
            }
          ) {
            enterprise {
              name
            }
          }
        }
      `,
      {},
      { token: await tokenFor('js-safety-officer') },
    );
    const [anonymous] = await auditRecordsOf({ operationName: 'AnonymousProbe' });
    expect(anonymous).toMatchObject({
      outcome: 'REFUSED',
      username: null,
      errorCodes: 'UNAUTHENTICATED',
      subgraphs: '',
    });
    const [refused] = await auditRecordsOf({ username: 'js-safety-officer', operationName: 'RefusedProbe' });
    expect(refused).toMatchObject({ outcome: 'REFUSED', errorCodes: 'FORBIDDEN', subgraphs: 'licensing' });
    expect(refused.entities).toContain('91320102MA1MY0R10Q');
  });

  it('is readable only by administrators and offers no way to change it', async () => {
    const result = await graphql(AUDIT_RECORDS, {}, { token: await tokenFor('js-enforcement-supervisor') });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mutation = await graphql(
      `
        mutation {
          deleteAuditRecord(id: 1)
        }
      `,
      {},
      { token: await tokenFor('ministry-admin') },
    );
    expect(mutation.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('detects a record edited in the database and names it', async () => {
    await query(await tokenFor('ministry-admin'), `query TamperTarget { enterprises(first: 1) { totalCount } }`);
    // Journaled before the answer, in the trail's table a moment later.
    const target = await eventually(async () => {
      const [row] = await gatewaySql<{ id: number; outcome: string }>(
        `SELECT id, outcome FROM audit_record WHERE operation_name = 'TamperTarget' ORDER BY id DESC LIMIT 1`,
      );
      if (!row) throw new Error('the TamperTarget record is not in the trail yet');
      return row;
    });
    expect((await verifyAuditTrail()).code).toBe(0);
    // Altered behind the running gateway's back, as an intruder with database access would.
    await gatewaySql(`UPDATE audit_record SET outcome = 'REFUSED' WHERE id = ?`, [target.id]);
    try {
      const broken = await verifyAuditTrail();
      expect(broken.code).toBe(1);
      expect(broken.output).toContain(`BROKEN at record #${target.id}`);
    } finally {
      await gatewaySql(`UPDATE audit_record SET outcome = ? WHERE id = ?`, [target.outcome, target.id]);
    }
    expect((await verifyAuditTrail()).code).toBe(0);
  });

  it('fails a signed chain that an intruder rewrote and re-hashed, naming the checkpoint and record', async () => {
    await query(await tokenFor('ministry-admin'), `query SignedTarget { enterprises(first: 1) { totalCount } }`);
    // Shipped, then signed on the gateway's timer (AUDIT_SIGNING_INTERVAL_SECONDS=1 in the harness).
    const target = await eventually(async () => {
      const [row] = await gatewaySql<{ id: number }>(
        `SELECT id FROM audit_record WHERE operation_name = 'SignedTarget' ORDER BY id DESC LIMIT 1`,
      );
      const [head] = await gatewaySql<{ id: number }>('SELECT MAX(id) AS id FROM audit_record');
      const [signed] = await gatewaySql<{ id: number }>(
        'SELECT MAX(head_record_id) AS id FROM audit_signed_checkpoint',
      );
      if (!row || Number(signed?.id) !== Number(head.id)) throw new Error('the SignedTarget record is not signed yet');
      return { id: Number(row.id), head: Number(head.id) };
    });
    const intact = await verifyAuditTrail();
    expect(intact.code).toBe(0);
    expect(intact.output).toMatch(
      /audit signing public key: .*fingerprint \(SM3 of SubjectPublicKeyInfo\) [0-9a-f]{64}/,
    );
    expect(intact.output).toMatch(/signed checkpoints: [1-9]\d* verified \(SM2\), \d+ for pruned records, 0 broken/);
    // The intruder works through the gateway's own data layer, so times and types come back as it hashed them.
    const dataSource = await openGatewayDatabase(loadConfig(readState().environment), createLogger('test', 'error'));
    const repository = dataSource.getRepository(AuditRecord);
    const rows = await repository.find({ where: { id: MoreThanOrEqual(target.id) }, order: { id: 'ASC' } });
    const original = rows.map(({ id, outcome, previousHash, hash }) => ({ id, outcome, previousHash, hash }));
    try {
      // Edit the record and recompute every later hash, so the chain itself verifies again.
      let link: string | null = null;
      for (const { id, hash: _hash, ...content } of rows) {
        if (id === target.id) content.outcome = AuditOutcome.REFUSED;
        if (link !== null) content.previousHash = link;
        link = chainHash(content);
        await repository.update(id, { outcome: content.outcome, previousHash: content.previousHash, hash: link });
      }
      const broken = await verifyAuditTrail();
      expect(broken.code).toBe(1);
      expect(broken.output).toContain('audit chain intact');
      expect(broken.output).toMatch(
        new RegExp(
          `signed checkpoint BROKEN: checkpoint #\\d+ \\(head record #${target.head}\\): record #${target.head} now hashes to`,
        ),
      );
      expect(broken.output).toContain(`to #${target.head} was rewritten and the later hashes recomputed`);
    } finally {
      for (const { id, ...restored } of original) await repository.update(id, restored);
      await dataSource.destroy();
    }
    expect((await verifyAuditTrail()).code).toBe(0);
  });
});
