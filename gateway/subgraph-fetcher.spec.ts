import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { subgraphAgent, subgraphFetcher } from './subgraph-fetcher';

// The gateway's calls to a subgraph: identical reads in flight together are sent once, but only when
// everything that matters is the same (the caller's token, the purpose); writes are always sent.

describe('subgraphFetcher', () => {
  const received: Array<{ authorization?: string; purpose?: string; body: string }> = [];
  let server: Server;
  let url: string;
  const agent = subgraphAgent();
  const fetcher = subgraphFetcher(agent, 5_000);

  const call = (body: string, headers: Record<string, string> = {}) =>
    fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer officer-a', ...headers },
      body,
    });
  const read = (id: number) => JSON.stringify({ query: `query($id:Int){permit(id:$id){number}}`, variables: { id } });
  const write = JSON.stringify({ query: 'mutation{withdraw(id:1){ok}}', variables: {} });

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          authorization: request.headers.authorization,
          purpose: request.headers['x-forwarded-purpose'] as string | undefined,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        // Slow enough that calls made together are in flight together.
        setTimeout(() => {
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ data: { n: received.length } }));
        }, 50);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received.length = 0;
  });

  it('sends identical reads of one caller once, and gives each its own answer object', async () => {
    const answers = await Promise.all([
      call(read(1), { 'x-request-id': 'r-1' }),
      call(read(1), { 'x-request-id': 'r-2' }),
      call(read(1), { 'x-request-id': 'r-3' }),
    ]);
    expect(received).toHaveLength(1);
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as unknown[];
    expect(bodies).toEqual([{ data: { n: 1 } }, { data: { n: 1 } }, { data: { n: 1 } }]);
    expect(bodies[0]).not.toBe(bodies[1]);
    expect(answers.every((answer) => answer.ok && answer.status === 200)).toBe(true);
  });

  it('never merges two callers, two purposes, or two different reads', async () => {
    await Promise.all([
      call(read(1)),
      call(read(1), { authorization: 'Bearer officer-b' }),
      call(read(1), { 'x-forwarded-purpose': 'ENFORCEMENT_INVESTIGATION' }),
      call(read(2)),
    ]);
    expect(received).toHaveLength(4);
    expect(new Set(received.map((request) => request.authorization))).toEqual(
      new Set(['Bearer officer-a', 'Bearer officer-b']),
    );
  });

  it('always sends writes', async () => {
    await Promise.all([call(write), call(write)]);
    expect(received).toHaveLength(2);
  });

  it('keeps nothing once an answer came: the same read later is sent again', async () => {
    await call(read(1));
    await call(read(1));
    expect(received).toHaveLength(2);
  });
});
