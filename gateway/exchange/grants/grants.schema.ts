import { GraphQLDateTimeISO } from 'graphql-scalars';
import { authorized } from '../../../platform/auth/authorized-resolver';
import type { Identity } from '../../../platform/auth/identity';
import { Permission } from '../../../platform/auth/permission.policy';
import { forbidden, invalidInput } from '../../../platform/errors/domain-error';
import { TextKind } from '../../../platform/graphql/text-fields';
import { EXCHANGE_CATALOGUE_ENTRY } from '../catalogue/exchange-entry';
import type { ExchangeContext } from '../exchange.context';
import type { ExchangePart } from '../exchange.part';
import type { DataGrant } from './data-grant.entity';
import { grantPurposes, inForce } from './grant-book';

const TYPE_DEFS = `
extend type Query {
  """
  A partner client's grants of catalogue items (共享授权), newest first, ended ones included. A partner's
  administrator reads its own client's (clientId may be left out); an approver reads any client's.
  """
  dataGrants(
    """The partner client, e.g. partner-ndrc."""
    clientId: String
  ): [DataGrant!]!
}

"""A catalogue item granted to a partner client (数据共享授权)."""
type DataGrant ${EXCHANGE_CATALOGUE_ENTRY} {
  """The grant's number."""
  id: Int!
  """The partner client the item is granted to."""
  clientId: String!
  """The catalogue item, Type.field."""
  coordinate: String!
  """The department owning the item."""
  department: String!
  """The item's data category (category:<name> scope of the client)."""
  category: String!
  """The purposes the item may be read for."""
  purposes: [String!]!
  """The approver's username, or catalogue for an unconditional item."""
  grantedBy: String!
  """When it was granted (UTC)."""
  grantedAt: DateTimeISO!
  """When it stops (UTC); null until revoked."""
  expiresAt: DateTimeISO
  """When it was revoked (UTC), if it was."""
  revokedAt: DateTimeISO
  """Why it was revoked, as the approver wrote it."""
  revokeReason: String
  """True while it is neither expired nor revoked."""
  inForce: Boolean!
}
`;

/** The client whose grants `identity` asks for: a partner's administrator only its own. */
export function partnerClientAsked(identity: Identity, clientId: string | null | undefined): string {
  if (identity.roles.has('data-sharing-approver') && clientId) return clientId;
  if (!identity.partnerClient) {
    if (!clientId) throw invalidInput('clientId', 'name the partner client');
    throw forbidden('只能查看本单位的共享数据。Only your own client’s records can be read');
  }
  if (clientId && clientId !== identity.partnerClient)
    throw forbidden('只能查看本单位的共享数据。Only your own client’s records can be read');
  return identity.partnerClient;
}

export const GRANTS_PART: ExchangePart = {
  typeDefs: TYPE_DEFS,
  resolvers: {
    DateTimeISO: GraphQLDateTimeISO,
    Query: {
      dataGrants: authorized(
        [Permission.PARTNER_ADMINISTER, Permission.DATA_ACCESS_APPROVE],
        (_root: unknown, args: { clientId?: string | null }, context: ExchangeContext) =>
          context.exchange.grants.history(partnerClientAsked(context.identity!, args.clientId)),
      ),
    },
    DataGrant: {
      purposes: (grant: DataGrant) => grantPurposes(grant),
      inForce: (grant: DataGrant) => inForce(grant),
    },
  },
  access: { DataGrant: [Permission.PARTNER_ADMINISTER, Permission.DATA_ACCESS_APPROVE] },
  textFields: {
    DataGrant: {
      clientId: TextKind.NOT_PERSONAL,
      coordinate: TextKind.NOT_PERSONAL,
      department: TextKind.NOT_PERSONAL,
      category: TextKind.NOT_PERSONAL,
      purposes: TextKind.NOT_PERSONAL,
      grantedBy: TextKind.NOT_PERSONAL,
      revokeReason: TextKind.FREE_TEXT,
    },
  },
};
