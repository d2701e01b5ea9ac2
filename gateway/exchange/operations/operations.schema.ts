import { authorized } from '../../../platform/auth/authorized-resolver';
import { Permission } from '../../../platform/auth/permission.policy';
import { forbidden, invalidInput } from '../../../platform/errors/domain-error';
import { TextKind } from '../../../platform/graphql/text-fields';
import { EXCHANGE_CATALOGUE_ENTRY } from '../catalogue/exchange-entry';
import type { ExchangeContext } from '../exchange.context';
import type { ExchangePart } from '../exchange.part';
import { partnerClientAsked } from '../grants/grants.schema';
import type { RegisteredOperation } from './registered-operation.entity';

const TYPE_DEFS = `
extend type Query {
  """
  The operations registered for a partner client (注册接口), every version, retired ones included. A
  partner's administrator reads its own client's (clientId may be left out); an approver reads any client's.
  """
  registeredOperations(
    """The partner client, e.g. partner-ndrc."""
    clientId: String
  ): [RegisteredOperation!]!
}

extend type Mutation {
  """
  Registers a query for the administrator's partner client (接口注册): exactly one named query, valid
  against the current schema and within the gateway's limits, reading only items granted to the client.
  Its machine client may then run it, by the document or its SHA-256. The same name again is a new
  version; the same document as a version in force changes nothing.
  """
  registerOperation(
    """The GraphQL document, exactly as the machine client will send it (its SHA-256 is the hash)."""
    document: String!
  ): RegisterOperationPayload!

  """
  Retires a registered operation of the administrator's client at once: one version, or every version
  in force of the name when version is left out. Its machine client can no longer run it.
  """
  retireOperation(
    """The operation's name."""
    name: String!
    """The version to retire; every version in force when left out."""
    version: Int
  ): [RegisteredOperation!]!
}

"""What registering an operation did."""
type RegisterOperationPayload {
  """The version in force for the document."""
  operation: RegisteredOperation!
  """False when the same document was already registered (no new version)."""
  created: Boolean!
}

"""One version of an operation a partner client may run (注册接口)."""
type RegisteredOperation ${EXCHANGE_CATALOGUE_ENTRY} {
  """The version's number in the registry."""
  id: Int!
  """The machine client that may run it."""
  clientId: String!
  """The operation's name."""
  name: String!
  """1, 2, ... per client and name."""
  version: Int!
  """The document, exactly as registered."""
  document: String!
  """SHA-256 of the document (lower-case hex): the persisted-query hash the client may send alone."""
  sha256: String!
  """The catalogue items it reads (Type.field), each needing a grant in force when it runs."""
  coordinates: [String!]!
  """The administrator who registered it, or seed for the demo clients' files."""
  registeredBy: String!
  """When it was registered (UTC)."""
  registeredAt: DateTimeISO!
  """When it was retired (UTC), if it was."""
  retiredAt: DateTimeISO
  """Who retired it."""
  retiredBy: String
  """True until it is retired."""
  inForce: Boolean!
}
`;

/** The administrator's own partner client, the only one it registers for. */
function ownClient(context: ExchangeContext): string {
  const client = context.identity?.partnerClient;
  if (!client) throw forbidden('只有合作部门的管理员可以注册接口。Only a partner’s administrator registers operations');
  return client;
}

export const OPERATIONS_PART: ExchangePart = {
  typeDefs: TYPE_DEFS,
  resolvers: {
    Query: {
      registeredOperations: authorized(
        [Permission.PARTNER_ADMINISTER, Permission.DATA_ACCESS_APPROVE],
        (_root: unknown, args: { clientId?: string | null }, context: ExchangeContext) =>
          context.exchange.operations.list(partnerClientAsked(context.identity!, args.clientId)),
      ),
    },
    Mutation: {
      registerOperation: authorized(
        [Permission.PARTNER_ADMINISTER],
        (_root: unknown, args: { document: string }, context: ExchangeContext) =>
          context.exchange.operations.register(ownClient(context), args.document, context.identity!.username),
      ),
      retireOperation: authorized(
        [Permission.PARTNER_ADMINISTER],
        (_root: unknown, args: { name: string; version?: number | null }, context: ExchangeContext) => {
          if (args.version !== undefined && args.version !== null && args.version < 1)
            throw invalidInput('version', 'must be 1 or more');
          return context.exchange.operations.retire(
            ownClient(context),
            args.name,
            args.version ?? null,
            context.identity!.username,
          );
        },
      ),
    },
    RegisteredOperation: {
      coordinates: (operation: RegisteredOperation) => (operation.coordinates ? operation.coordinates.split(',') : []),
      inForce: (operation: RegisteredOperation) => operation.retiredAt === null,
    },
  },
  access: {
    RegisterOperationPayload: [Permission.PARTNER_ADMINISTER],
    RegisteredOperation: [Permission.PARTNER_ADMINISTER, Permission.DATA_ACCESS_APPROVE],
  },
  textFields: {
    RegisteredOperation: {
      clientId: TextKind.NOT_PERSONAL,
      name: TextKind.NOT_PERSONAL,
      document: TextKind.NOT_PERSONAL,
      sha256: TextKind.NOT_PERSONAL,
      coordinates: TextKind.NOT_PERSONAL,
      registeredBy: TextKind.NOT_PERSONAL,
      retiredBy: TextKind.NOT_PERSONAL,
    },
  },
};
