import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway.context';
import { Kind, visit, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { Identity } from '../../platform/auth/identity';
import { maskFreeText, maskPersonalInformation } from '../../platform/codes/personal-information';
import { parseWithinLimits } from '../protection/operation-limits';
import type { AuditEntry } from './audit-trail';
import { AuditOutcome } from './audit-record.entity';

/** What the gateway learns about one request while serving it, for its audit record. */
export interface RequestFacts {
  requestId: string;
  startedAt: number;
  identity: Identity | null;
  purpose: { code: string; reason: string } | null;
  subgraphs: Set<string>;
  /**
   * The document as the gateway's limits parsed it; null when they refused it unparsed (too large) or it
   * does not parse. Absent when not yet checked, and then parsed here.
   */
  document?: DocumentNode | null;
  /** The document Apollo resolved, when the caller sent only its hash (a persisted query). */
  source?: string;
}

// Arguments and variables that name a record; the audit trail is searchable by them.
const ENTITY_KEYS = new Set([
  'creditCode',
  'carrierCreditCode',
  'ownerCreditCode',
  'plateNumber',
  'caseNumber',
  'applicationNumber',
  'number',
  'permitNumber',
  'waybillNumber',
  'certificateId',
  // Credit repair names the disclosure it is about.
  'disclosureId',
  'id',
  // The data exchange: the catalogue items a partner asks for (`Type.field`).
  'coordinates',
]);
// Integer arguments that name a record, written `<kind>:<number>` so a bare number is never ambiguous:
// the data exchange's access requests, their items (decideDataAccess) and grants.
const NUMBERED_ENTITY_KEYS: Readonly<Record<string, string>> = {
  requestId: 'data-access-request',
  itemIds: 'data-access-item',
  grantId: 'data-grant',
};
// Refusals are the caller's doing; anything else with no data is ours.
const REFUSAL_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_HASH_MISMATCH',
  'OPERATION_RESOLUTION_FAILURE',
  'PURPOSE_REQUIRED',
  'OPERATION_NOT_ALLOWED',
]);
const MAX_VARIABLES_LENGTH = 60_000;
// Longer than anything an officer types into a form; a longer text is described, not copied.
const MAX_AUDITED_TEXT_LENGTH = 10_000;
// The most any configuration of the gateway's limits allows (gateway.config.ts): a larger document is not read.
const AUDIT_PARSE_LIMITS = { maxDocumentBytes: 1_048_576, maxTokens: 100_000 };

interface GraphQLRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

function parsedParameter(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The GraphQL request as sent, from a POST body or a GET query string. */
export function requestBodyOf(request: IncomingMessage, body: unknown): GraphQLRequestBody {
  if (body && typeof body === 'object') return body;
  const search = new URL(request.url ?? '/', 'http://localhost').searchParams;
  const extensions = parsedParameter(search.get('extensions'));
  return {
    query: search.get('query') ?? undefined,
    operationName: search.get('operationName') ?? undefined,
    variables: parsedParameter(search.get('variables')),
    extensions: extensions && typeof extensions === 'object' ? extensions : undefined,
  };
}

/**
 * Records the document Apollo resolved for the request in its facts, so a request that sent only a
 * persisted query's hash is audited with the operation's name and type like any other.
 */
export function auditSourcePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: ({ contextValue }) =>
      Promise.resolve({
        didResolveSource: ({ source }) => {
          contextValue.facts.source = source;
          return Promise.resolve();
        },
      }),
  };
}

function selectedOperation(document: DocumentNode, operationName: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return operationName ? operations.find((operation) => operation.name?.value === operationName) : operations[0];
}

function collectEntities(variables: unknown, document: DocumentNode | null): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string' && ENTITY_KEYS.has(key) && value.length <= 64) found.add(value);
    else if (Number.isSafeInteger(value) && key in NUMBERED_ENTITY_KEYS)
      found.add(`${NUMBERED_ENTITY_KEYS[key]}:${String(value)}`);
    else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object')
      for (const [entryKey, entryValue] of Object.entries(value)) walk(entryValue, entryKey);
  };
  walk(variables, '');
  if (document) {
    // `enterprise(creditCode: $code)`: the argument names the entity, the variable holds it.
    const variableValues = variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
    const take = (name: string, value: ValueNode) => {
      if (value.kind === Kind.LIST) return value.values.forEach((item) => take(name, item));
      if (value.kind === Kind.VARIABLE) return walk(variableValues[value.name.value], name);
      if (value.kind === Kind.STRING && ENTITY_KEYS.has(name)) found.add(value.value);
      if (value.kind === Kind.INT && name in NUMBERED_ENTITY_KEYS) walk(Number(value.value), name);
    };
    visit(document, {
      Argument: (node) => take(node.name.value, node.value),
      ObjectField: (node) => take(node.name.value, node.value),
    });
  }
  return [...found];
}

function outcomeOf(status: number, responseText: string): { outcome: AuditOutcome; errorCodes: string[] } {
  let parsed: { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> } = {};
  try {
    parsed = JSON.parse(responseText) as typeof parsed;
  } catch {
    return { outcome: status < 400 ? AuditOutcome.OK : AuditOutcome.ERROR, errorCodes: [] };
  }
  const errorCodes = [
    ...new Set(
      (parsed.errors ?? []).map((error) =>
        typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN',
      ),
    ),
  ];
  if (errorCodes.length === 0 && status < 400) return { outcome: AuditOutcome.OK, errorCodes };
  const hasData = parsed.data !== undefined && parsed.data !== null;
  if (hasData) return { outcome: AuditOutcome.PARTIAL, errorCodes };
  return {
    outcome:
      errorCodes.every((code) => REFUSAL_CODES.has(code)) && errorCodes.length > 0
        ? AuditOutcome.REFUSED
        : AuditOutcome.ERROR,
    errorCodes,
  };
}

/**
 * File contents sent inline (`contentBase64`, evidence and attachments) are not copied into the trail:
 * the record keeps their size and SM3 digest, which is enough to match them to the stored file. Nor is a
 * text longer than any form holds: its length stands for it, with its SM3 digest when the request was
 * served (a refused request's text, up to the variables' size limit, is not worth 100 ms of digest).
 */
function withoutFileContent(value: unknown, digest: boolean, key = ''): unknown {
  if (typeof value === 'string' && /Base64$/.test(key)) {
    const bytes = Buffer.from(value, 'base64');
    return `[${bytes.length} bytes, sm3 ${createHash('sm3').update(bytes).digest('hex')}]`;
  }
  if (typeof value === 'string' && value.length > MAX_AUDITED_TEXT_LENGTH)
    return digest
      ? `[${value.length} characters, sm3 ${createHash('sm3').update(value, 'utf8').digest('hex')}]`
      : `[${value.length} characters]`;
  if (Array.isArray(value)) return value.map((item) => withoutFileContent(item, digest, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([entryKey, entryValue]) => [
        entryKey,
        withoutFileContent(entryValue, digest, entryKey),
      ]),
    );
  }
  return value;
}

/**
 * Turns what the gateway saw and answered into an audit entry, personal information masked. A request
 * sent by hash only is described from the document the hash stands for: the one Apollo resolved, or,
 * when the request was refused before that, the registered one (`registeredDocument`).
 */
export function auditEntryFor(
  request: IncomingMessage,
  facts: RequestFacts,
  rawBody: unknown,
  status: number,
  responseText: string,
  registeredDocument: (sha256: string) => string | undefined = () => undefined,
): AuditEntry {
  const body = requestBodyOf(request, rawBody);
  const persistedHash =
    typeof body.extensions?.persistedQuery?.sha256Hash === 'string' ? body.extensions.persistedQuery.sha256Hash : null;
  const sentQuery = typeof body.query === 'string' ? body.query : null;
  const query = sentQuery ?? facts.source ?? (persistedHash ? registeredDocument(persistedHash) : undefined) ?? null;
  const operationName = typeof body.operationName === 'string' ? body.operationName : null;
  let document: DocumentNode | null = facts.document ?? null;
  try {
    // Refused before the limits read it (its variables, say): parsed here by the limits' own parser.
    if (facts.document === undefined && query) document = parseWithinLimits(query, AUDIT_PARSE_LIMITS);
  } catch {
    document = null;
  }
  const operation = document ? selectedOperation(document, operationName) : undefined;
  const { outcome, errorCodes } = outcomeOf(status, responseText);
  const identity = facts.identity;
  const maskedVariables =
    JSON.stringify(maskPersonalInformation(withoutFileContent(body.variables ?? {}, status < 400))) ?? '{}';
  return {
    occurredAt: new Date(facts.startedAt),
    requestId: facts.requestId,
    subject: identity?.subject ?? null,
    username: identity?.username ?? null,
    clientId: identity?.clientId ?? null,
    roles: identity ? [...identity.roles].sort().join(',').slice(0, 1000) : '',
    region: identity?.region ?? null,
    purposeCode: facts.purpose?.code ?? null,
    purposeReason: facts.purpose ? maskFreeText(facts.purpose.reason.slice(0, 500)) : null,
    operationName: (operation?.name?.value ?? operationName)?.slice(0, 200) ?? null,
    operationType: operation?.operation ?? null,
    documentHash: sentQuery ? createHash('sha256').update(sentQuery).digest('hex') : persistedHash,
    variables:
      maskedVariables.length > MAX_VARIABLES_LENGTH
        ? `${maskedVariables.slice(0, MAX_VARIABLES_LENGTH)}…(truncated)`
        : maskedVariables,
    entities: collectEntities(body.variables, document).join(' ').slice(0, 1000),
    subgraphs: [...facts.subgraphs].sort().join(','),
    outcome,
    errorCodes: errorCodes.join(',').slice(0, 500),
    httpStatus: status,
    durationMs: Math.min(2_147_483_647, Date.now() - facts.startedAt),
    clientAddress: request.socket.remoteAddress ?? null,
  };
}
