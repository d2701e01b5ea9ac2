import { chinaToday } from '../../platform/time/china-time';
import { randomInt } from 'node:crypto';
import {
  at,
  EVERYWHERE,
  type DepartmentMatrix,
  type Json,
  type OperationProbe,
  type Variant,
  type VariantProbe,
} from './matrix.dsl';

/** A query partner-ndrc's seed grants cover (Enterprise.name), under a name of its own for each probe. */
function probeOperation(): { name: string; document: string } {
  const name = `MatrixProbe${Date.now()}N${randomInt(1e6)}`;
  return { name, document: `query ${name}($code: String!) { enterprise(creditCode: $code) { name } }` };
}

// The data exchange (数据共享交换) the gateway serves: partners' administrators and the owning
// departments' approvers. Rows of the authorization matrix (test/authorization-matrix.test.ts), written
// out by hand from permission.policy.ts and the exchange's authorized(...) rules; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.dataCatalogue': '-       -       -       -       -      -      -     -   Y     Y     Y',
  'Query.dataGrants': '-       -       -       -       -      -      -     -   -     Y     Y',
  'Query.dataAccessRequests': '-       -       -       -       -      -      -     -   -     Y     Y',
  'Mutation.requestDataAccess': '-       -       -       -       -      -      -     -   -     Y     -',
  'Mutation.decideDataAccess': '-       -       -       -       -      -      -     -   -     -     Y',
  'Mutation.revokeDataGrant': '-       -       -       -       -      -      -     -   -     -     Y',
  'Query.notificationSubscriptions': '-       -       -       -       -      -      -     -   -     Y     -',
  'Query.notificationDeliveries': '-       -       -       -       -      -      -     -   -     Y     -',
  'Mutation.subscribeNotifications': '-       -       -       -       -      -      -     -   -     Y     -',
  'Mutation.unsubscribeNotifications': '-       -       -       -       -      -      -     -   -     Y     -',
  'Query.partnerUsage': '-       -       -       -       -      -      -     -   -     Y     Y',
  'Query.registeredOperations': '-       -       -       -       -      -      -     -   -     Y     Y',
  'Mutation.registerOperation': '-       -       -       -       -      -      -     -   -     Y     -',
  'Mutation.retireOperation': '-       -       -       -       -      -      -     -   -     Y     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// The catalogue is national: it describes the graph, not any region's records.
// Grants are national: a partner's administrator reads its own client's, an approver any client's.
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  'Query.dataCatalogue': { any: EVERYWHERE },
  'Query.dataGrants': { any: EVERYWHERE },
  // Requests are national too: a partner's administrator asks for its own client, the credit
  // department's approver decides and revokes its department's items wherever the partner is.
  'Query.dataAccessRequests': { any: EVERYWHERE },
  'Mutation.requestDataAccess': { any: EVERYWHERE },
  'Mutation.decideDataAccess': { any: EVERYWHERE },
  'Mutation.revokeDataGrant': { any: EVERYWHERE },
  // A partner's administrator reads and changes only its own client's subscriptions and delivery log.
  'Query.notificationSubscriptions': { any: EVERYWHERE },
  'Query.notificationDeliveries': { any: EVERYWHERE },
  // partner-ndrc's seed grants cover CreditListEntry.creditCode, which credit.list-changed needs.
  'Mutation.subscribeNotifications': { any: EVERYWHERE },
  // Subscription 0 never exists: past the permission check the answer is NOT_FOUND, as for another client's.
  'Mutation.unsubscribeNotifications': { any: 'NOT_FOUND NOT_FOUND NOT_FOUND' },
  'Query.partnerUsage': { any: EVERYWHERE },
  // Registered operations are a partner client's, whatever the caller's region.
  'Query.registeredOperations': { any: EVERYWHERE },
  'Mutation.registerOperation': { any: EVERYWHERE },
  'Mutation.retireOperation': { any: EVERYWHERE },
};

const PROBES: Record<Operation, OperationProbe> = {
  'Query.dataCatalogue': {
    field: 'dataCatalogue',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ dataCatalogue(department: "licensing") { items { coordinate department shareClass } totalCount } }`,
          variables: {},
        }),
        ok: (data) => expect(at(data, 'dataCatalogue.totalCount')).toBeGreaterThan(0),
      },
    },
  },
  'Query.dataGrants': {
    field: 'dataGrants',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ dataGrants(clientId: "partner-ndrc") { id clientId coordinate inForce } }`,
          variables: {},
        }),
        ok: (data) => expect(Array.isArray(at(data, 'dataGrants'))).toBe(true),
      },
    },
  },
  'Query.dataAccessRequests': {
    field: 'dataAccessRequests',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ dataAccessRequests(first: 5) { id clientId items { id status } } }`,
          variables: {},
        }),
        ok: (data) => expect(Array.isArray(at(data, 'dataAccessRequests'))).toBe(true),
      },
    },
  },
  'Mutation.requestDataAccess': {
    field: 'requestDataAccess',
    write: true,
    variants: {
      any: {
        // Permit.status is unconditional: granted at once, nothing left for an approver.
        request: () => ({
          document: `mutation ($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { request { clientId items { coordinate status } } } }`,
          variables: {
            input: {
              coordinates: ['Permit.status'],
              purposes: ['LICENSING_REVIEW'],
              legalBasis: '《中华人民共和国行政许可法》第四十四条',
              reason: '授权矩阵测试：核验许可证状态',
            },
          },
        }),
        ok: (data) => {
          expect(at(data, 'requestDataAccess.request.clientId')).toBe('partner-ndrc');
          expect(at(data, 'requestDataAccess.request.items')).toEqual([
            { coordinate: 'Permit.status', status: 'GRANTED' },
          ]);
        },
      },
    },
  },
  'Mutation.decideDataAccess': {
    field: 'decideDataAccess',
    write: true,
    variants: {
      any: {
        fixture: { kind: 'access-item' },
        request: (context) => ({
          document: `mutation ($input: DecideDataAccessInput!) { decideDataAccess(input: $input) { items { id status decidedBy } } }`,
          variables: {
            input: {
              itemIds: [Number(context.record)],
              decision: 'GRANT',
              expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            },
          },
        }),
        ok: (data, context) =>
          expect(at(data, 'decideDataAccess.items')).toEqual([
            { id: Number(context.record), status: 'GRANTED', decidedBy: 'ministry-credit-approver' },
          ]),
      },
    },
  },
  'Mutation.revokeDataGrant': {
    field: 'revokeDataGrant',
    write: true,
    variants: {
      any: {
        fixture: { kind: 'data-grant' },
        request: (context) => ({
          document: `mutation ($id: Int!) { revokeDataGrant(grantId: $id, reason: "授权矩阵测试：合作协议终止") { grant { id inForce revokedAt } } }`,
          variables: { id: Number(context.record) },
        }),
        ok: (data, context) => {
          expect(at(data, 'revokeDataGrant.grant.id')).toBe(Number(context.record));
          expect(at(data, 'revokeDataGrant.grant.inForce')).toBe(false);
        },
      },
    },
  },
  'Query.notificationSubscriptions': {
    field: 'notificationSubscriptions',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ notificationSubscriptions { id eventTypes webhookUrl active } }`,
          variables: {},
        }),
        ok: (data) => expect(Array.isArray(at(data, 'notificationSubscriptions'))).toBe(true),
      },
    },
  },
  'Query.notificationDeliveries': {
    field: 'notificationDeliveries',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ notificationDeliveries(first: 10) { id eventId eventType status attempts lastError } }`,
          variables: {},
        }),
        ok: (data) => expect(Array.isArray(at(data, 'notificationDeliveries'))).toBe(true),
      },
    },
  },
  'Mutation.subscribeNotifications': {
    field: 'subscribeNotifications',
    write: true,
    variants: {
      any: {
        request: () => ({
          document: `mutation Subscribe($input: SubscribeNotificationsInput!) {
            subscribeNotifications(input: $input) { subscription { id eventTypes } signingSecret } }`,
          variables: { input: { eventTypes: ['credit.list-changed'], webhookUrl: 'http://127.0.0.1:9/matrix' } },
        }),
        ok: (data) =>
          expect(at(data, 'subscribeNotifications.subscription.eventTypes')).toEqual(['credit.list-changed']),
      },
    },
  },
  'Mutation.unsubscribeNotifications': {
    field: 'unsubscribeNotifications',
    write: true,
    variants: {
      any: {
        request: () => ({ document: `mutation { unsubscribeNotifications(id: 0) { id active } }`, variables: {} }),
        ok: (data) => expect(at(data, 'unsubscribeNotifications.active')).toBe(false),
      },
    },
  },
  'Query.partnerUsage': {
    field: 'partnerUsage',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `query ($from: String!, $to: String!) {
            partnerUsage(clientId: "partner-ndrc", from: $from, to: $to) { day operationName calls refused }
          }`,
          variables: { from: chinaToday(), to: chinaToday() },
        }),
        ok: (data) => expect(Array.isArray(at(data, 'partnerUsage'))).toBe(true),
      },
    },
  },
  'Query.registeredOperations': {
    field: 'registeredOperations',
    write: false,
    variants: {
      any: {
        request: () => ({
          document: `{ registeredOperations(clientId: "partner-ndrc") { id name version registeredBy inForce } }`,
          variables: {},
        }),
        // The seed files are registered for partner-ndrc by seed.
        ok: (data) =>
          expect(at(data, 'registeredOperations')).toContainEqual(
            expect.objectContaining({ name: 'EnterpriseCreditAndPermits', registeredBy: 'seed' }),
          ),
      },
    },
  },
  'Mutation.registerOperation': {
    field: 'registerOperation',
    write: true,
    variants: {
      any: ((): VariantProbe => {
        const probe = probeOperation();
        return {
          request: () => ({
            document: `mutation ($document: String!) { registerOperation(document: $document) { created operation { name version clientId } } }`,
            variables: { document: probe.document },
          }),
          ok: (data: Json | undefined) =>
            expect(at(data, 'registerOperation')).toEqual({
              created: true,
              operation: { name: probe.name, version: 1, clientId: 'partner-ndrc' },
            }),
        };
      })(),
    },
  },
  'Mutation.retireOperation': {
    field: 'retireOperation',
    write: true,
    variants: {
      any: ((): VariantProbe => {
        const probe = probeOperation();
        // Registered and retired in one request (mutation fields run one after the other).
        return {
          request: () => ({
            document: `mutation ($document: String!, $name: String!) { registerOperation(document: $document) { created } retireOperation(name: $name) { name version inForce } }`,
            variables: { document: probe.document, name: probe.name },
          }),
          ok: (data: Json | undefined) =>
            expect(at(data, 'retireOperation')).toEqual([{ name: probe.name, version: 1, inForce: false }]),
        };
      })(),
    },
  },
};

export const EXCHANGE_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
