import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { auditEntryFor, type RequestFacts } from './request-audit';

const request = { url: '/graphql', socket: { remoteAddress: '10.0.0.8' } } as unknown as IncomingMessage;
const facts: RequestFacts = {
  requestId: 'r-1',
  startedAt: Date.now(),
  identity: null,
  purpose: null,
  subgraphs: new Set(['enforcement']),
};

describe('an audit entry', () => {
  it('keeps the size and SM3 digest of inline file content, not the content', () => {
    const photo = Buffer.from('现场照片的字节');
    const entry = auditEntryFor(
      request,
      facts,
      {
        query:
          'mutation AddEvidence($input: AddCaseEvidenceInput!) { addCaseEvidence(input: $input) { evidence { id } } }',
        variables: { input: { caseNumber: '3201022026000001', contentBase64: photo.toString('base64') } },
      },
      200,
      '{"data":{"addCaseEvidence":{"evidence":{"id":"1"}}}}',
    );
    expect(entry.variables).toContain(`[${photo.length} bytes, sm3 ${createHash('sm3').update(photo).digest('hex')}]`);
    expect(entry.variables).not.toContain(photo.toString('base64'));
    expect(entry).toMatchObject({
      operationName: 'AddEvidence',
      operationType: 'mutation',
      outcome: 'OK',
      entities: '3201022026000001',
      subgraphs: 'enforcement',
    });
  });

  it('names the access request items an approver decides and the catalogue items a partner asks for', () => {
    const decide = auditEntryFor(
      request,
      { ...facts, subgraphs: new Set(['exchange']) },
      {
        query:
          'mutation Decide($items: [Int!]!) { decideDataAccess(input: { itemIds: $items, decision: REFUSE, reason: "用途不明确" }) { items { id } } }',
        variables: { items: [12, 15] },
      },
      200,
      '{"data":{"decideDataAccess":{"items":[{"id":12},{"id":15}]}}}',
    );
    expect(decide.entities).toBe('data-access-item:12 data-access-item:15');
    const inline = auditEntryFor(
      request,
      facts,
      {
        query:
          'mutation { decideDataAccess(input: { itemIds: [7], decision: REFUSE, reason: "不需要" }) { items { id } } }',
      },
      200,
      '{"data":{"decideDataAccess":{"items":[{"id":7}]}}}',
    );
    expect(inline.entities).toBe('data-access-item:7');
    const ask = auditEntryFor(
      request,
      facts,
      {
        query: 'mutation Ask($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { request { id } } }',
        variables: {
          input: { coordinates: ['Enterprise.name', 'CreditListEntry.criterion'], purposes: ['CREDIT_ASSESSMENT'] },
        },
      },
      200,
      '{"data":{"requestDataAccess":{"request":{"id":3}}}}',
    );
    expect(ask.entities).toBe('Enterprise.name CreditListEntry.criterion');
  });

  it('describes a text longer than any form holds by its length and SM3 digest, not its content', () => {
    const text = `身份证11010519491231002X ${'x'.repeat(8 * 1024 * 1024)}`;
    const entry = auditEntryFor(
      request,
      { ...facts, document: null },
      { query: '{ __typename }', variables: { text, note: '手机13812345678' } },
      400,
      '{"errors":[{"message":"too large","extensions":{"code":"OPERATION_LIMIT_EXCEEDED"}}]}',
    );
    // Refused: its length only.
    expect(JSON.parse(entry.variables)).toEqual({ text: `[${text.length} characters]`, note: '手机138****5678' });
    expect(entry.outcome).toBe('REFUSED');
    // Served: its length and digest.
    const served = auditEntryFor(
      request,
      { ...facts, document: null },
      { query: '{ __typename }', variables: { text } },
      200,
      '{"data":{"__typename":"Query"}}',
    );
    expect(JSON.parse(served.variables)).toEqual({
      text: `[${text.length} characters, sm3 ${createHash('sm3').update(text, 'utf8').digest('hex')}]`,
    });
  });

  it('records a refusal with its codes', () => {
    const entry = auditEntryFor(
      request,
      facts,
      { query: '{ enterprises { totalCount } }' },
      401,
      '{"errors":[{"message":"Sign in","extensions":{"code":"UNAUTHENTICATED"}}]}',
    );
    expect(entry).toMatchObject({ outcome: 'REFUSED', errorCodes: 'UNAUTHENTICATED', httpStatus: 401 });
  });
});

describe('an audit entry for a persisted query sent by hash only', () => {
  const registered =
    'query EnterprisesInRegion($regionCode: String!) { enterprises(regionCode: $regionCode) { totalCount } }';
  const hash = createHash('sha256').update(registered).digest('hex');
  const byHash = {
    variables: { regionCode: '320100' },
    extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  };

  it('names the operation from the document Apollo resolved', () => {
    const entry = auditEntryFor(request, { ...facts, source: registered }, byHash, 200, '{"data":{}}');
    expect(entry).toMatchObject({ operationName: 'EnterprisesInRegion', operationType: 'query', documentHash: hash });
  });

  it('names it from the registered document when the request was refused before Apollo resolved it', () => {
    const entry = auditEntryFor(
      request,
      facts,
      byHash,
      401,
      '{"errors":[{"message":"Sign in","extensions":{"code":"UNAUTHENTICATED"}}]}',
      (sha256) => (sha256 === hash ? registered : undefined),
    );
    expect(entry).toMatchObject({ operationName: 'EnterprisesInRegion', operationType: 'query', outcome: 'REFUSED' });
  });

  it('reads the hash from a GET query string too', () => {
    const get = {
      url: `/graphql?extensions=${encodeURIComponent(JSON.stringify(byHash.extensions))}&variables=%7B%7D`,
      socket: { remoteAddress: '10.0.0.8' },
    } as unknown as IncomingMessage;
    const entry = auditEntryFor(get, facts, undefined, 200, '{"data":{}}', (sha256) =>
      sha256 === hash ? registered : undefined,
    );
    expect(entry).toMatchObject({ operationName: 'EnterprisesInRegion', operationType: 'query', documentHash: hash });
  });

  it('stays unnamed for a hash nobody registered', () => {
    const entry = auditEntryFor(
      request,
      facts,
      byHash,
      200,
      '{"errors":[{"extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}',
    );
    expect(entry).toMatchObject({ operationName: null, operationType: null, documentHash: hash });
  });
});
