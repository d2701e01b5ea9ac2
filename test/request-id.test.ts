import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readState } from './harness/harness-state';
import { gatewayUrl, query, tokenFor, type GraphQLErrorBody } from './harness/single-window.client';

// Every error a caller sees names the request (extensions.requestId and the X-Request-Id header), so an
// officer can quote it; the gateway's log line for the request and its audit record carry the same id.

const RUN = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;

interface Answer {
  status: number;
  header: string | null;
  errors: GraphQLErrorBody[];
}

async function post(body: string, token: string | null, contentType = 'application/json'): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${gatewayUrl()}/graphql`, { method: 'POST', headers, body });
  const parsed = (await response.json()) as { errors?: GraphQLErrorBody[] };
  return { status: response.status, header: response.headers.get('x-request-id'), errors: parsed.errors ?? [] };
}

const graphqlBody = (document: string, variables: Record<string, unknown> = {}) =>
  JSON.stringify({ query: document, variables });

function expectNamed(answer: Answer): string {
  expect(answer.header).toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.errors.length).toBeGreaterThan(0);
  for (const error of answer.errors) expect(error.extensions?.requestId).toBe(answer.header);
  return answer.header!;
}

async function auditRecordOf(operationName: string) {
  const data = await query<{ auditRecords: { edges: Array<{ node: Record<string, unknown> }> } }>(
    await tokenFor('ministry-admin'),
    `query ($name: String) { auditRecords(operationName: $name, first: 5) { edges { node { requestId username outcome errorCodes } } } }`,
    { name: operationName },
  );
  return data.auditRecords.edges.map((edge) => edge.node);
}

function gatewayLogLines(requestId: string): Array<Record<string, unknown>> {
  return readFileSync(readState().services.gateway.logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the request id', () => {
  let officer: string;

  beforeAll(async () => {
    officer = await tokenFor('ministry-admin');
  });

  it('is on every kind of error: limits, sign-in, validation, bad JSON, a subgraph refusal, an oversized body', async () => {
    const aliases = Array.from({ length: 25 }, (_, index) => `a${index}: __typename`).join(' ');
    const answers = [
      await post(graphqlBody(`{ ${aliases} }`), officer),
      await post(graphqlBody('{ enterprises(first: 1) { totalCount } }'), null),
      await post(graphqlBody('{ noSuchField }'), officer),
      await post('{"query": ', officer),
      await post(graphqlBody('{ enterprises(first: 1000) { totalCount } }'), officer),
      await post(graphqlBody('{ __typename }', { text: 'x'.repeat(9 * 1024 * 1024) }), officer),
    ];
    expect(answers.map((answer) => [answer.status, answer.errors[0]?.extensions?.code])).toEqual([
      [400, 'OPERATION_LIMIT_EXCEEDED'],
      [401, 'UNAUTHENTICATED'],
      [400, 'GRAPHQL_VALIDATION_FAILED'],
      [400, 'BAD_REQUEST'],
      [200, 'BAD_USER_INPUT'],
      [413, 'BAD_REQUEST'],
    ]);
    const ids = answers.map(expectNamed);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is sent with every answer, and is the one in the log line and the audit record of the request', async () => {
    const ok = await fetch(`${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: graphqlBody(`query RequestIdOk_${RUN} { enterprises(first: 1) { totalCount } }`),
    });
    const okId = ok.headers.get('x-request-id');
    expect(okId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await auditRecordOf(`RequestIdOk_${RUN}`))[0]).toMatchObject({ requestId: okId, outcome: 'OK' });

    const refusedName = `RequestIdRefused_${RUN}`;
    const aliases = Array.from({ length: 25 }, (_, index) => `a${index}: __typename`).join(' ');
    const refused = await post(graphqlBody(`query ${refusedName} { ${aliases} }`), officer);
    const refusedId = expectNamed(refused);
    // Refused before the caller was identified, the record still names who sent it.
    expect((await auditRecordOf(refusedName))[0]).toMatchObject({
      requestId: refusedId,
      username: 'ministry-admin',
      outcome: 'REFUSED',
      errorCodes: 'OPERATION_LIMIT_EXCEEDED',
    });
    expect(gatewayLogLines(refusedId)).toContainEqual(
      expect.objectContaining({ message: 'request', requestId: refusedId, outcome: 'REFUSED', httpStatus: 400 }),
    );

    const failedName = `RequestIdFailed_${RUN}`;
    const failed = await post(graphqlBody(`query ${failedName} { enterprises(first: 1000) { totalCount } }`), officer);
    const failedId = expectNamed(failed);
    expect((await auditRecordOf(failedName))[0]).toMatchObject({ requestId: failedId });
    expect(gatewayLogLines(failedId)).toContainEqual(
      expect.objectContaining({ message: 'request', requestId: failedId }),
    );
  });
});
