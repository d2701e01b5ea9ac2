import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';

const APQ_PREFIX = 'apq:';

export interface PersistedQueryCacheLimits {
  /** Bytes the learned documents may hold together; the least recently used go first. */
  maxBytes: number;
  /** A larger document still runs, but is not learned: its hash alone is not enough next time. */
  maxDocumentBytes: number;
}

/** Where registered operations' documents are found by hash (the exchange's registry, or the seed files). */
export interface RegisteredDocuments {
  /** What is known without waiting (read before). */
  cachedDocument(sha256: string): string | undefined;
  /** Read through to the shared registry on a miss. */
  document(sha256: string): Promise<string | undefined>;
}

/**
 * Apollo Server's persisted-query store, backed by the registered machine-client operations (read
 * through from the shared registry) so a client may send only the hash. Officers' clients may register their own documents (automatic
 * persisted queries); those are bounded in bytes, not only in number, and give no extra rights:
 * safelisting checks the registry, not this cache. A client whose hash was evicted gets
 * PERSISTED_QUERY_NOT_FOUND and, as the protocol has it, sends the document again with the hash.
 */
export class PersistedQueryCache {
  private readonly learned: LRUCache<string, string>;

  constructor(
    private readonly registered: RegisteredDocuments,
    limits: PersistedQueryCacheLimits,
  ) {
    this.learned = new LRUCache<string, string>({
      maxSize: limits.maxBytes,
      maxEntrySize: limits.maxDocumentBytes,
      sizeCalculation: (document, key) => Buffer.byteLength(document, 'utf8') + key.length,
    });
  }

  /** The document for a hash (hex SHA-256), registered (as far as known here, see prepare) or learned. */
  document(sha256: string): string | undefined {
    return this.registered.cachedDocument(sha256) ?? this.learned.get(`${APQ_PREFIX}${sha256}`);
  }

  /**
   * Reads a registered document this replica has not seen (registered on another one) before the
   * request is screened, so that a machine client may send only its hash. Nothing for a learned one.
   */
  async prepare(sha256: string): Promise<void> {
    if (this.learned.has(`${APQ_PREFIX}${sha256}`) || this.registered.cachedDocument(sha256) !== undefined) return;
    // Unreadable now (the database is down): the hash is unknown, and the client sends the document,
    // which the caller policy then answers with the outage.
    await this.registered.document(sha256).catch(() => undefined);
  }

  /** Bytes the learned documents hold now. */
  learnedBytes(): number {
    return this.learned.calculatedSize;
  }

  async get(key: string): Promise<string | undefined> {
    const learned = this.learned.get(key);
    if (learned !== undefined || !key.startsWith(APQ_PREFIX)) return learned;
    // A document known here runs into the caller policy, which refuses it if retired meanwhile.
    const sha256 = key.slice(APQ_PREFIX.length);
    return this.registered.cachedDocument(sha256) ?? this.registered.document(sha256).catch(() => undefined);
  }

  set(key: string, value: string): Promise<void> {
    if (this.registered.cachedDocument(key.slice(APQ_PREFIX.length)) === undefined) this.learned.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.learned.delete(key));
  }
}

export function persistedQueryNotFound(): GraphQLError {
  return new GraphQLError(
    '网关不认识此持久化查询哈希（从未发送过完整文档，或已从缓存中淘汰）：请连同完整文档和哈希重新发送。' +
      'The gateway does not know this persisted query hash (its document was never sent, or has been evicted): ' +
      'send the full document with the hash again; machine clients send the hash of an operation registered for them',
    // The code is the one the automatic persisted queries protocol defines: clients resend the document on it.
    {
      extensions: {
        code: 'PERSISTED_QUERY_NOT_FOUND',
        reason: 'PERSISTED_QUERY_NOT_FOUND',
        http: { status: 200, headers: new HeaderMap([['cache-control', 'private, no-cache, must-revalidate']]) },
      },
    },
  );
}

export function persistedQueryHashMismatch(): GraphQLError {
  return new GraphQLError(
    '持久化查询的哈希与文档不符：sha256Hash 必须是所发送 query 文本的 SHA-256（十六进制小写）。' +
      'The persisted query hash does not match the document: sha256Hash must be the SHA-256 (lower-case hex) ' +
      'of the query text exactly as sent',
    {
      extensions: {
        code: 'PERSISTED_QUERY_HASH_MISMATCH',
        reason: 'PERSISTED_QUERY_HASH_MISMATCH',
        field: 'extensions.persistedQuery.sha256Hash',
        http: { status: 400 },
      },
    },
  );
}

export function persistedQueryMalformed(chinese: string, english: string): GraphQLError {
  return new GraphQLError(`持久化查询扩展无效：${chinese}。The persistedQuery extension is invalid: ${english}`, {
    extensions: {
      code: 'BAD_REQUEST',
      reason: 'INVALID_PERSISTED_QUERY',
      field: 'extensions.persistedQuery',
      http: { status: 400 },
    },
  });
}
