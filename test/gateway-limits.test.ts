import { getIntrospectionQuery } from 'graphql';
import { fragmentBomb, worstRequests, type WorstRequest } from '../gateway/protection/worst-documents';
import { clientToken, gatewayUrl, graphql, tokenFor, type GraphQLErrorBody } from './harness/single-window.client';

// The gateway's limits on what one request may ask, through the gateway over HTTP: each worst-case
// request of its kind is refused, naming the limit, before anything else is done for it.

interface Answer {
  status: number;
  data: unknown;
  errors: GraphQLErrorBody[] | undefined;
  requestId: string | null;
}

async function send(worst: WorstRequest, token: string | null): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers,
    body: worst.rawBody ?? JSON.stringify({ query: worst.query, variables: worst.variables ?? {} }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: GraphQLErrorBody[] };
  return {
    status: response.status,
    data: body.data,
    errors: body.errors,
    requestId: response.headers.get('x-request-id'),
  };
}

describe('operation limits at the gateway', () => {
  let officer: string;

  beforeAll(async () => {
    officer = await tokenFor('ministry-admin');
  });

  it('refuses the 100,000 aliases of __typename (1.9 MB) by its size, with no data', async () => {
    const answer = await send(worstRequests()[0], officer);
    expect(answer.status).toBe(400);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'document size',
      setting: 'GATEWAY_MAX_DOCUMENT_BYTES',
    });
    expect(answer.errors?.[0]?.message).toMatch(/文档大小.*document size exceeds the limit of \d+/);
  });

  it('counts aliases of introspection fields like any other selection', async () => {
    const aliases = Array.from({ length: 21 }, (_, index) => `a${index}: __typename`).join(' ');
    const answer = await graphql(`{ ${aliases} }`, {}, { token: officer });
    expect(answer.status).toBe(400);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'alias count' });
  });

  it('refuses nested fragments that expand exponentially, as aliases or as cost', async () => {
    for (const [query, limit] of [
      [fragmentBomb(), 'alias count'],
      [fragmentBomb(22, '__typename'), 'cost'],
      [fragmentBomb(40, 'enterprises(first: 100) { totalCount }'), 'cost'],
    ]) {
      const answer = await graphql(query, {}, { token: officer });
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit });
    }
  });

  it('refuses every worst-case request of each kind, naming its limit, with the request id', async () => {
    for (const worst of worstRequests()) {
      const answer = await send(worst, officer);
      expect({ limit: worst.limit, status: answer.status }).toEqual({ limit: worst.limit, status: 400 });
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'OPERATION_LIMIT_EXCEEDED',
        limit: worst.limit,
        requestId: answer.requestId,
      });
    }
  });

  it('checks the limits before anything else: before the caller is identified or the safelist consulted', async () => {
    const tooDeep = worstRequests().find((worst) => worst.limit === 'depth')!;
    // Without a token: refused for its depth, not asked to sign in.
    const anonymous = await send(tooDeep, null);
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'depth' });
    // A machine client's unregistered document: refused for its size, before it is found not allowed.
    const station = await send(worstRequests()[1], await clientToken('weigh-station-js-0001'));
    expect(station.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'token count' });
  });

  it('still answers what stays within the limits: a full introspection, as many aliases as allowed', async () => {
    const introspection = await graphql<{ __schema: { types: unknown[] } }>(
      getIntrospectionQuery({ descriptions: true }),
      {},
      { token: officer },
    );
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.__schema.types.length).toBeGreaterThan(50);
    const aliases = Array.from({ length: 20 }, (_, index) => `a${index}: __typename`).join(' ');
    const wide = await graphql(`{ ${aliases} enterprises(first: 5) { totalCount } }`, {}, { token: officer });
    expect(wide.errors).toBeUndefined();
  });
});
