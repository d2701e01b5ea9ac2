import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './harness/service-processes';
import { clientToken, eventually, gatewayUrl, query, tokenFor } from './harness/single-window.client';

// Requests that send only a registered operation's hash (persisted queries) are audited with the
// operation's name and type, read from the registered document, whether they ran or were refused.
const registered = readFileSync(
  join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'partner-ndrc', 'EnterpriseCreditAndPermits.graphql'),
  'utf8',
);
const hash = createHash('sha256').update(registered).digest('hex');
const PURPOSE = { 'x-purpose': 'JOINT_DISCIPLINE', 'x-purpose-reason': encodeURIComponent('联合惩戒名单核查') };

interface AuditNode {
  operationName: string | null;
  operationType: string | null;
  documentHash: string | null;
  outcome: string;
  errorCodes: string;
  entities: string;
  variables: string;
}

/**
 * A marker of letters only. The audit masks personal information in variables, and a random UUID's digit
 * runs sometimes look like a phone number ("1ec2f070-8356-419e-…" was recorded as "1ec2f070***6419e-…"),
 * so the record could not be found by its marker.
 */
function letterMarker(): string {
  return `marker${Array.from(randomBytes(20), (byte) => String.fromCharCode(97 + (byte % 26))).join('')}`;
}

/** The audit record of the request whose variables carried `marker` (an extra variable the operation ignores). */
async function auditRecordMarked(marker: string): Promise<AuditNode> {
  const admin = await tokenFor('ministry-admin');
  return eventually(async () => {
    const data = await query<{ auditRecords: { edges: Array<{ node: AuditNode }> } }>(
      admin,
      `query ($entity: String) {
        auditRecords(entity: $entity, first: 50) {
          edges { node { operationName operationType documentHash outcome errorCodes entities variables } }
        }
      }`,
      { entity: '91320102MA1MY0R10Q' },
    );
    const record = data.auditRecords.edges.map((edge) => edge.node).find((node) => node.variables.includes(marker));
    if (!record) throw new Error(`no audit record carries ${marker}`);
    return record;
  });
}

function sendByHash(headers: Record<string, string>, marker: string, method: 'POST' | 'GET' = 'POST') {
  const variables = { creditCode: '91320102MA1MY0R10Q', auditMarker: marker };
  const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
  if (method === 'GET') {
    const search = new URLSearchParams({
      variables: JSON.stringify(variables),
      extensions: JSON.stringify(extensions),
    });
    return fetch(`${gatewayUrl()}/graphql?${search.toString()}`, {
      headers: { 'apollo-require-preflight': 'true', ...headers },
    });
  }
  return fetch(`${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ variables, extensions }),
  });
}

describe('the audit record of a persisted query sent by hash only', () => {
  let partner: string;
  beforeAll(async () => {
    partner = await clientToken('partner-ndrc');
  });

  it('names the registered operation and its type when it runs', async () => {
    const marker = letterMarker();
    const response = await sendByHash({ authorization: `Bearer ${partner}`, ...PURPOSE }, marker);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(await auditRecordMarked(marker)).toMatchObject({
      operationName: 'EnterpriseCreditAndPermits',
      operationType: 'query',
      documentHash: hash,
      outcome: 'OK',
    });
  });

  it('names it when the operation is refused (no declared purpose)', async () => {
    const marker = letterMarker();
    const response = await sendByHash({ authorization: `Bearer ${partner}` }, marker);
    expect(response.status).toBe(403);
    expect(await auditRecordMarked(marker)).toMatchObject({
      operationName: 'EnterpriseCreditAndPermits',
      operationType: 'query',
      outcome: 'REFUSED',
      errorCodes: 'FORBIDDEN',
    });
  });

  it('names it when the caller is refused before the document is looked up (a token that does not verify)', async () => {
    const marker = letterMarker();
    const response = await sendByHash({ authorization: 'Bearer not-a-token', ...PURPOSE }, marker);
    expect(response.status).toBe(401);
    expect(await auditRecordMarked(marker)).toMatchObject({
      operationName: 'EnterpriseCreditAndPermits',
      operationType: 'query',
      documentHash: hash,
      outcome: 'REFUSED',
      errorCodes: 'UNAUTHENTICATED',
    });
  });

  it('names it for a GET request too', async () => {
    const marker = letterMarker();
    const response = await sendByHash({ authorization: `Bearer ${partner}`, ...PURPOSE }, marker, 'GET');
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(await auditRecordMarked(marker)).toMatchObject({
      operationName: 'EnterpriseCreditAndPermits',
      operationType: 'query',
      outcome: 'OK',
    });
  });
});
