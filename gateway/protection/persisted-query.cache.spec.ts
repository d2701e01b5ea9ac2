import { documentHash, PersistedOperations } from './persisted-operations';
import { PersistedQueryCache } from './persisted-query.cache';

function registry(document: string): PersistedOperations {
  const operations = new PersistedOperations();
  operations.add({ clientId: 'station', name: 'Submit', sha256: documentHash(document), document });
  return operations;
}

const key = (document: string) => `apq:${documentHash(document)}`;

describe('the persisted-query cache', () => {
  it('holds learned documents up to a number of bytes, dropping the least recently used first', async () => {
    const cache = new PersistedQueryCache(new PersistedOperations(), { maxBytes: 10_000, maxDocumentBytes: 4_000 });
    const documents = Array.from({ length: 8 }, (_, index) => `query Q${index} { ${'__typename '.repeat(250)}}`);
    for (const document of documents.slice(0, 3)) await cache.set(key(document), document);
    expect(cache.document(documentHash(documents[0]))).toBe(documents[0]);
    for (const document of documents.slice(3)) await cache.set(key(document), document);
    expect(cache.learnedBytes()).toBeLessThanOrEqual(10_000);
    expect(cache.learnedBytes()).toBeGreaterThan(6_000);
    expect(await cache.get(key(documents[1]))).toBeUndefined();
    expect(await cache.get(key(documents[7]))).toBe(documents[7]);
  });

  it('does not learn a document larger than allowed (it still runs, sent in full)', async () => {
    const cache = new PersistedQueryCache(new PersistedOperations(), { maxBytes: 100_000, maxDocumentBytes: 1_000 });
    const large = `{ ${'__typename '.repeat(200)}}`;
    await cache.set(key(large), large);
    expect(cache.document(documentHash(large))).toBeUndefined();
    expect(cache.learnedBytes()).toBe(0);
  });

  it('keeps registered operations whatever is learned, and never lets a learned one replace them', async () => {
    const registered = 'query Submit { __typename }';
    const cache = new PersistedQueryCache(registry(registered), { maxBytes: 2_000, maxDocumentBytes: 1_500 });
    await cache.set(key(registered), '{ somethingElse }');
    for (let index = 0; index < 50; index += 1)
      await cache.set(`apq:${index}`, `query Q${index} { ${'a '.repeat(300)}}`);
    expect(cache.document(documentHash(registered))).toBe(registered);
  });
});
