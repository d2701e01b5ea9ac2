import { createHash, randomInt } from 'node:crypto';
import { expect } from '@jest/globals';
import { gatewayUrl, tokenFor, type GraphQLErrorBody } from './harness/single-window.client';

// Automatic persisted queries through the gateway: what it learns is bounded in bytes, and a caller
// whose hash is unknown, evicted or wrong is told so in its own words, with its own code.

const RUN = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
const CACHE_BYTES = 131072; // GATEWAY_APQ_CACHE_BYTES in the harness
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A distinct document of about `bytes` bytes (a comment makes it long without adding tokens). */
function documentOf(label: string, bytes: number): string {
  const head = `query Apq_${label}_${RUN} { enterprises(first: 1) { totalCount } }\n# `;
  return head + 'x'.repeat(Math.max(0, bytes - head.length));
}

interface Answer {
  status: number;
  data?: unknown;
  errors?: GraphQLErrorBody[];
}

async function send(token: string, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

async function learnedBytes(): Promise<number> {
  const text = await (await fetch(`${gatewayUrl()}/metrics`)).text();
  const match = /^gateway_apq_learned_bytes\{[^}]*\} (\d+)$/m.exec(text);
  if (!match) throw new Error('the gateway reports no gateway_apq_learned_bytes');
  return Number(match[1]);
}

describe('automatic persisted queries', () => {
  let token: string;

  beforeAll(async () => {
    token = await tokenFor('ministry-admin');
  });

  it('learns a document sent with its hash, and answers the hash alone afterwards', async () => {
    const document = documentOf('learned', 200);
    expect((await send(token, { query: document, extensions: persisted(sha256(document)) })).errors).toBeUndefined();
    const again = await send(token, { extensions: persisted(sha256(document)) });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual({ enterprises: { totalCount: expect.any(Number) } });
  });

  it('holds learned documents within GATEWAY_APQ_CACHE_BYTES, evicting the least recently used', async () => {
    const first = documentOf('first', 15_000);
    expect((await send(token, { query: first, extensions: persisted(sha256(first)) })).errors).toBeUndefined();
    for (let index = 0; index < 12; index += 1) {
      const document = documentOf(`fill${index}`, 15_000);
      expect((await send(token, { query: document, extensions: persisted(sha256(document)) })).errors).toBeUndefined();
      expect(await learnedBytes()).toBeLessThanOrEqual(CACHE_BYTES);
    }
    expect(await learnedBytes()).toBeGreaterThan(CACHE_BYTES / 2);
    // Evicted: the caller is told to send the document again, which it may.
    const evicted = await send(token, { extensions: persisted(sha256(first)) });
    expect(evicted.errors?.[0]?.extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect(evicted.errors?.[0]?.message).toMatch(/不认识此持久化查询哈希.*send the full document with the hash again/);
    expect((await send(token, { query: first, extensions: persisted(sha256(first)) })).errors).toBeUndefined();
  });

  it('runs a document too large to learn, without learning it', async () => {
    const large = documentOf('large', 20_000); // over GATEWAY_APQ_MAX_DOCUMENT_BYTES, within the document limit
    const before = await learnedBytes();
    expect((await send(token, { query: large, extensions: persisted(sha256(large)) })).errors).toBeUndefined();
    expect(await learnedBytes()).toBeLessThanOrEqual(before);
    const hashOnly = await send(token, { extensions: persisted(sha256(large)) });
    expect(hashOnly.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('tells a caller whose hash does not match its document so, as its own mistake', async () => {
    const document = documentOf('mismatch', 200);
    const answer = await send(token, { query: document, extensions: persisted(sha256(`${document} `)) });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'PERSISTED_QUERY_HASH_MISMATCH',
      field: 'extensions.persistedQuery.sha256Hash',
    });
    expect(answer.errors?.[0]?.message).toMatch(/哈希与文档不符.*does not match the document/);
  });

  it('tells a caller with a hash the gateway never saw, or a malformed extension, what to do', async () => {
    const unknown = await send(token, { extensions: persisted(sha256(`never sent ${RUN}`)) });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect(unknown.errors?.[0]?.message).not.toBe('PersistedQueryNotFound');
    const version = await send(token, { extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } });
    expect(version.status).toBe(400);
    expect(version.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_PERSISTED_QUERY' });
  });
});
