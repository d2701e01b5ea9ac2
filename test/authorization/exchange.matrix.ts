import { at, EVERYWHERE, type DepartmentMatrix, type OperationProbe, type Variant } from './matrix.dsl';

// The data exchange (数据共享交换) the gateway serves: partners' administrators and the owning
// departments' approvers. Rows of the authorization matrix (test/authorization-matrix.test.ts), written
// out by hand from permission.policy.ts and the exchange's authorized(...) rules; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.dataGrants': '-       -       -       -       -      -      -     -   -     Y     Y',
  'Query.notificationSubscriptions': '-       -       -       -       -      -      -     -   -     Y     -',
  'Query.notificationDeliveries': '-       -       -       -       -      -      -     -   -     Y     -',
  'Mutation.subscribeNotifications': '-       -       -       -       -      -      -     -   -     Y     -',
  'Mutation.unsubscribeNotifications': '-       -       -       -       -      -      -     -   -     Y     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// Grants are national: a partner's administrator reads its own client's, an approver any client's.
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  'Query.dataGrants': { any: EVERYWHERE },
  // A partner's administrator reads and changes only its own client's subscriptions and delivery log.
  'Query.notificationSubscriptions': { any: EVERYWHERE },
  'Query.notificationDeliveries': { any: EVERYWHERE },
  // The matrix's partner holds no grant (grants come by request and approval): past the permission
  // check it is refused by the grant check, which names the event type. With a granted item this is ok.
  'Mutation.subscribeNotifications': { any: 'FORBIDDEN FORBIDDEN FORBIDDEN' },
  // Subscription 0 never exists: past the permission check the answer is NOT_FOUND, as for another client's.
  'Mutation.unsubscribeNotifications': { any: 'NOT_FOUND NOT_FOUND NOT_FOUND' },
};

const PROBES: Record<Operation, OperationProbe> = {
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
          variables: { input: { eventTypes: ['case.decided'], webhookUrl: 'http://127.0.0.1:9/matrix' } },
        }),
        ok: (data) => expect(at(data, 'subscribeNotifications.subscription.eventTypes')).toEqual(['case.decided']),
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
};

export const EXCHANGE_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
