import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Logger } from '../../platform/observability/logger';
import { requestBodyOf } from '../audit/request-audit';
import type { GatewayContext } from '../gateway.context';
import { checkInput, inputCheckingSchema, uncheckedScalars } from './input-coercion';
import { checkParsedDocument, parseWithinLimits, type OperationLimits } from './operation-limits';
import { documentHash } from './persisted-operations';
import {
  persistedQueryHashMismatch,
  persistedQueryMalformed,
  persistedQueryNotFound,
  type PersistedQueryCache,
} from './persisted-query.cache';
import { checkRawBody, checkVariables } from './variables-limits';

interface SentRequest {
  query?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** The request as sent, from a POST body or a GET query string (where extensions are JSON too). */
function sentRequest(request: IncomingMessage, body: unknown): SentRequest {
  const sent: SentRequest = requestBodyOf(request, body);
  if (body && typeof body === 'object') return sent;
  const extensions = new URL(request.url ?? '/', 'http://localhost').searchParams.get('extensions');
  try {
    return { ...sent, extensions: extensions ? (JSON.parse(extensions) as unknown) : undefined };
  } catch {
    return sent;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The gateway's checks of what a request asks, in the order they cost: the raw body's size in values
 * before it is parsed, then (first thing once it is parsed, before the caller is identified) the
 * variables, the persisted-query hash and the document's limits; finally, once the operation is
 * validated, every input value against its type as the subgraphs will coerce it.
 */
export class RequestScreen {
  private schema: GraphQLSchema | null = null;
  private inputSchema: GraphQLSchema | null = null;

  constructor(
    private readonly limits: OperationLimits,
    private readonly persistedQueries: PersistedQueryCache,
    private readonly logger: Logger,
  ) {}

  /** Called with each API schema the gateway loads. */
  useSchema(apiSchema: GraphQLSchema): void {
    this.schema = apiSchema;
    this.inputSchema = inputCheckingSchema(apiSchema);
    const unchecked = uncheckedScalars(apiSchema);
    if (unchecked.length > 0)
      this.logger.warn('custom scalars the gateway cannot check; only their subgraphs will', { scalars: unchecked });
  }

  /** Before the body is parsed as JSON. */
  checkBody(rawBody: Buffer): void {
    checkRawBody(rawBody, this.limits);
  }

  /**
   * Before anything else is done for the request: throws the refusal. `parsed` sees the document once
   * parsed (null when it was refused unread or does not parse), for the audit record.
   */
  checkRequest(request: IncomingMessage, body: unknown, parsed: (document: DocumentNode | null) => void): void {
    const sent = sentRequest(request, body);
    const variables = isRecord(sent.variables) ? sent.variables : {};
    checkVariables(sent.variables, this.limits);
    let source = typeof sent.query === 'string' ? sent.query : undefined;
    const persisted = isRecord(sent.extensions) ? sent.extensions.persistedQuery : undefined;
    let expectedHash: string | undefined;
    if (persisted !== undefined) {
      if (!isRecord(persisted) || persisted.version !== 1)
        throw persistedQueryMalformed('version 必须为 1', 'version must be 1');
      if (typeof persisted.sha256Hash !== 'string')
        throw persistedQueryMalformed('sha256Hash 必须是字符串', 'sha256Hash must be a string');
      if (source === undefined) {
        source = this.persistedQueries.document(persisted.sha256Hash);
        if (source === undefined) throw persistedQueryNotFound();
      } else expectedHash = persisted.sha256Hash;
    }
    if (source === undefined || !this.schema) return;
    parsed(null);
    const document = parseWithinLimits(source, this.limits);
    parsed(document);
    if (document) checkParsedDocument(document, this.schema, variables, this.limits);
    if (expectedHash !== undefined && documentHash(source) !== expectedHash) throw persistedQueryHashMismatch();
  }

  /** Checks every input value once the operation is validated (list it after the caller policy). */
  inputPlugin(): ApolloServerPlugin<GatewayContext> {
    const check = (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) => {
      if (this.inputSchema) checkInput(this.inputSchema, document, operation, variables);
    };
    return {
      requestDidStart: () =>
        Promise.resolve({
          // A rejected promise, not a throw: the caller policy listed before it decides first.
          didResolveOperation: ({ document, operation, request }) =>
            new Promise<void>((resolve) => {
              if (operation) check(document, operation, request.variables ?? {});
              resolve();
            }),
        }),
    };
  }
}
