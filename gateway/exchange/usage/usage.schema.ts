import { EXCHANGE_CATALOGUE_ENTRY } from '../catalogue/exchange-entry';
import { authorized } from '../../../platform/auth/authorized-resolver';
import { Permission } from '../../../platform/auth/permission.policy';
import { TextKind } from '../../../platform/graphql/text-fields';
import type { ExchangeContext } from '../exchange.context';
import type { ExchangePart } from '../exchange.part';
import { partnerClientAsked } from '../grants/grants.schema';
import { partnerUsage } from './partner-usage';

const TYPE_DEFS = `
extend type Query {
  """
  How many calls a partner client made per operation and day (调用统计), counted from the audit trail,
  days in China Standard Time, at most 366 days. A partner's administrator reads its own client's
  (clientId may be left out); a data-sharing approver reads any client's.
  """
  partnerUsage(
    """The partner client, e.g. partner-ndrc."""
    clientId: String
    """First day, YYYY-MM-DD (China Standard Time)."""
    from: String!
    """Last day, inclusive, YYYY-MM-DD (China Standard Time)."""
    to: String!
  ): [PartnerUsage!]!
}

"""A partner client's calls to one operation on one day (调用统计)."""
type PartnerUsage ${EXCHANGE_CATALOGUE_ENTRY} {
  """The day, YYYY-MM-DD in China Standard Time."""
  day: String!
  """The partner client."""
  clientId: String!
  """The operation's name; null for calls without one."""
  operationName: String
  """Calls made, refused ones included."""
  calls: Int!
  """Calls the gateway refused (no grant, no purpose, not registered, over a limit...)."""
  refused: Int!
}
`;

export const USAGE_PART: ExchangePart = {
  typeDefs: TYPE_DEFS,
  resolvers: {
    Query: {
      partnerUsage: authorized(
        [Permission.PARTNER_ADMINISTER, Permission.DATA_ACCESS_APPROVE],
        (_root: unknown, args: { clientId?: string | null; from: string; to: string }, context: ExchangeContext) =>
          partnerUsage(
            context.exchange.dataSource(),
            partnerClientAsked(context.identity!, args.clientId),
            args.from,
            args.to,
          ),
      ),
    },
  },
  access: { PartnerUsage: [Permission.PARTNER_ADMINISTER, Permission.DATA_ACCESS_APPROVE] },
  textFields: {
    PartnerUsage: {
      day: TextKind.NOT_PERSONAL,
      clientId: TextKind.NOT_PERSONAL,
      operationName: TextKind.NOT_PERSONAL,
    },
  },
};
