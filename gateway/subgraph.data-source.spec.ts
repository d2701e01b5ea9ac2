import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { expect } from '@jest/globals';
import type { GatewayContext } from './gateway.context';
import { SubgraphDataSource } from './subgraph.data-source';

// How the gateway reads a subgraph's answer: a refusal (4xx) is the caller's, passed on with its code
// and field; a failure (5xx, no answer, too slow) is SERVICE_UNAVAILABLE.

let server: Server;
let url: string;
let answer: { status: number; body: string; delayMs?: number };

beforeAll(async () => {
  server = createServer((_request, response) => {
    setTimeout(() => {
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    }, answer.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function call(target = url, timeoutMs = 10_000) {
  const source = new SubgraphDataSource('enforcement', target, 'secret-secret-secret', timeoutMs);
  const context = { identity: null, token: null, requestId: 'r-1', purpose: null, facts: undefined };
  const response = await source.process({
    kind: 'incoming operation',
    request: { query: 'mutation ($input: In!) { submit(input: $input) { ok } }', variables: {} },
    context,
    incomingRequestContext: { overallCachePolicy: undefined },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
  return response.errors ?? [];
}

const coercionError = {
  message:
    'Variable "$input" got invalid value "2026-02-30T08:00:00Z" at "input.records[3].detectedAt"; Expected type "DateTimeISO". DateTime cannot represent an invalid date-time-string 2026-02-30T08:00:00Z.',
  extensions: { code: 'BAD_USER_INPUT' },
};

describe('a subgraph answer', () => {
  it('passes a 400 on as the caller error it is, with its code and the field named', async () => {
    answer = { status: 400, body: JSON.stringify({ errors: [coercionError] }) };
    expect(await call()).toEqual([
      {
        message: coercionError.message,
        extensions: { code: 'BAD_USER_INPUT', field: 'input.records[3].detectedAt' },
      },
    ]);
  });

  it('keeps a field the subgraph named itself, and codes an uncoded 4xx by its status', async () => {
    answer = {
      status: 400,
      body: JSON.stringify({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT', field: 'plate' } }] }),
    };
    expect((await call())[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'plate' } });
    answer = { status: 403, body: JSON.stringify({ errors: [{ message: 'no' }] }) };
    expect((await call())[0]).toMatchObject({ message: 'no', extensions: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['a 5xx', { status: 500, body: JSON.stringify({ errors: [{ message: 'boom' }] }) }],
    ['a 4xx that is not GraphQL', { status: 404, body: 'not found' }],
    ['an answer slower than the timeout', { status: 200, body: '{"data":{}}', delayMs: 3000 }],
  ])('reports %s as the service unavailable', async (_case, given) => {
    answer = given;
    expect(await call(url, 1000)).toEqual([
      {
        message: expect.stringMatching(/^行政执法服务暂不可用.*The enforcement service is unavailable/),
        extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE' },
      },
    ]);
  });

  it('reports a subgraph that cannot be reached as unavailable', async () => {
    expect((await call('http://127.0.0.1:1/graphql'))[0]?.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'SUBGRAPH_UNAVAILABLE',
    });
  });
});
