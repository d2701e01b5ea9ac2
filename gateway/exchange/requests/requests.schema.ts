import { authorized } from '../../../platform/auth/authorized-resolver';
import { Permission } from '../../../platform/auth/permission.policy';
import { TextKind } from '../../../platform/graphql/text-fields';
import { EXCHANGE_CATALOGUE_ENTRY } from '../catalogue/exchange-entry';
import type { ExchangeContext } from '../exchange.context';
import type { ExchangePart } from '../exchange.part';
import type { DecideDataAccessInput, RequestDataAccessInput } from './access-request.inputs';
import type { AccessRequestFilter } from './access-request.service';
import type { DataAccessRequest } from './data-access-request.entity';

const TYPE_DEFS = `
extend type Query {
  """
  Access requests (共享申请), newest first. A partner's administrator reads its own client's, with every
  item; an approver reads those holding items of its department, with only those items.
  """
  dataAccessRequests(
    """Only items in this status (and the requests holding one)."""
    status: DataAccessItemStatus
    """How many requests, 1-200."""
    first: Int = 50
    """A request id: only older requests (the last id of the previous page)."""
    after: Int
  ): [DataAccessRequest!]!
}

extend type Mutation {
  """
  A partner's administrator asks for catalogue items for its own client (共享申请): unconditional items
  (无条件共享) are granted at once, conditional ones (有条件共享) wait for the owning department's
  approver; not-shared items (不予共享) cannot be asked for, and then nothing is recorded.
  """
  requestDataAccess(
    """The items, their purposes and legal basis."""
    input: RequestDataAccessInput!
  ): RequestDataAccessPayload!
  """
  The owning department's approver grants pending items with an expiry, or refuses them with a reason
  (审批); all the items named or none.
  """
  decideDataAccess(
    """The items and the decision."""
    input: DecideDataAccessInput!
  ): DecideDataAccessPayload!
  """The owning department's approver ends a grant at once (撤销授权)."""
  revokeDataGrant(
    """The grant's number (dataGrants.id); the audit trail names it as data-grant:<grantId>."""
    grantId: Int!
    """Why it ends, 4-1000 characters (kept with the grant as revokeReason)."""
    reason: String!
  ): RevokeDataGrantPayload!
}

"""Why a partner reads data (PIPL's purpose limitation)."""
enum PurposeCode {
  """Reviewing a permit application (许可审查)."""
  LICENSING_REVIEW
  """Investigating an enforcement case (执法调查)."""
  ENFORCEMENT_INVESTIGATION
  """Exchanging a case with another region (异地协查、移送)."""
  CASE_EXCHANGE
  """Assessing credit (信用评价)."""
  CREDIT_ASSESSMENT
  """Joint rewards and punishments across departments (联合奖惩)."""
  JOINT_DISCIPLINE
  """Safety supervision (安全监管)."""
  SAFETY_SUPERVISION
  """Investment project approval (投资审批)."""
  INVESTMENT_APPROVAL
  """Statistics for decisions (统计分析); never for personal information."""
  STATISTICAL_ANALYSIS
  """Assisting a court or procuratorate (司法协助)."""
  JUDICIAL_ASSISTANCE
}

"""Where a requested item stands."""
enum DataAccessItemStatus {
  """Waiting for the owning department's approver."""
  PENDING
  """Granted: at once (unconditional) or by the approver (conditional)."""
  GRANTED
  """Refused by the approver, with a reason."""
  REFUSED
}

"""An approver's decision on pending items."""
enum DataAccessDecision {
  """Grant each item until expiresAt."""
  GRANT
  """Refuse each item, with a reason."""
  REFUSE
}

"""Catalogue items a partner asks for."""
input RequestDataAccessInput {
  """The catalogue items, Type.field, 1-200, each once."""
  coordinates: [String!]!
  """What the items will be read for, at least one; STATISTICAL_ANALYSIS never with personal items."""
  purposes: [PurposeCode!]!
  """The law, regulation or agreement relied on (法律依据), 4-500 characters."""
  legalBasis: String!
  """Why the items are needed, 4-1000 characters."""
  reason: String!
}

"""A decision on pending items of the approver's department."""
input DecideDataAccessInput {
  """The items (DataAccessItem.id), 1-200, each once."""
  itemIds: [Int!]!
  """Grant or refuse."""
  decision: DataAccessDecision!
  """For GRANT: when the grants stop (UTC), in the future and at most 3 years ahead."""
  expiresAt: DateTimeISO
  """For REFUSE: why, 4-1000 characters, shown to the partner."""
  reason: String
}

"""The request recorded."""
type RequestDataAccessPayload ${EXCHANGE_CATALOGUE_ENTRY} {
  """The request and its items."""
  request: DataAccessRequest!
}

"""The items decided."""
type DecideDataAccessPayload ${EXCHANGE_CATALOGUE_ENTRY} {
  """The items, in the order named."""
  items: [DataAccessItem!]!
}

"""The grant ended."""
type RevokeDataGrantPayload ${EXCHANGE_CATALOGUE_ENTRY} {
  """The grant, now revoked."""
  grant: DataGrant!
}

"""A partner's request for catalogue items (共享申请)."""
type DataAccessRequest ${EXCHANGE_CATALOGUE_ENTRY} {
  """The request's number."""
  id: Int!
  """The partner client the items are asked for."""
  clientId: String!
  """The partner administrator who asked."""
  requestedBy: String!
  """What the items will be read for."""
  purposes: [PurposeCode!]!
  """The legal basis given (法律依据)."""
  legalBasis: String!
  """Why the items are needed."""
  reason: String!
  """When it was asked (UTC)."""
  requestedAt: DateTimeISO!
  """Its items (for an approver, only those of its department)."""
  items: [DataAccessItem!]!
}

"""One catalogue item of an access request and its decision (共享申请项)."""
type DataAccessItem ${EXCHANGE_CATALOGUE_ENTRY} {
  """The item's number, which decideDataAccess names."""
  id: Int!
  """The request it belongs to."""
  requestId: Int!
  """The catalogue item, Type.field."""
  coordinate: String!
  """The owning department, whose approver decides it."""
  department: String!
  """The item's data category."""
  category: String!
  """The share class when it was asked for: UNCONDITIONAL or CONDITIONAL."""
  shareClass: String!
  """Pending, granted or refused."""
  status: DataAccessItemStatus!
  """Who decided: the approver's username, or catalogue for an unconditional item."""
  decidedBy: String
  """When it was decided (UTC)."""
  decidedAt: DateTimeISO
  """Why it was refused."""
  refusalReason: String
  """The grant it made (DataGrant.id), when granted."""
  grantId: Int
  """When the grant stops (UTC); null for an unconditional item (until revoked)."""
  expiresAt: DateTimeISO
}
`;

const BOTH = [Permission.PARTNER_ADMINISTER, Permission.DATA_ACCESS_APPROVE] as const;

export const REQUESTS_PART: ExchangePart = {
  typeDefs: TYPE_DEFS,
  resolvers: {
    Query: {
      dataAccessRequests: authorized([...BOTH], (_root: unknown, args: AccessRequestFilter, context: ExchangeContext) =>
        context.exchange.accessRequests.list(context.identity!, args),
      ),
    },
    Mutation: {
      requestDataAccess: authorized(
        [Permission.PARTNER_ADMINISTER],
        async (_root: unknown, args: { input: RequestDataAccessInput }, context: ExchangeContext) => ({
          request: await context.exchange.accessRequests.request(context.identity!, args.input),
        }),
      ),
      decideDataAccess: authorized(
        [Permission.DATA_ACCESS_APPROVE],
        async (_root: unknown, args: { input: DecideDataAccessInput }, context: ExchangeContext) => ({
          items: await context.exchange.accessRequests.decide(context.identity!, args.input),
        }),
      ),
      revokeDataGrant: authorized(
        [Permission.DATA_ACCESS_APPROVE],
        async (_root: unknown, args: { grantId: number; reason: string }, context: ExchangeContext) => ({
          grant: await context.exchange.accessRequests.revoke(context.identity!, args.grantId, args.reason),
        }),
      ),
    },
    DataAccessRequest: {
      purposes: (request: DataAccessRequest) => request.purposes.split(','),
    },
  },
  access: {
    RequestDataAccessPayload: 'STRUCTURE',
    DecideDataAccessPayload: 'STRUCTURE',
    RevokeDataGrantPayload: 'STRUCTURE',
    DataAccessRequest: [...BOTH],
    DataAccessItem: [...BOTH],
  },
  textFields: {
    DataAccessRequest: {
      clientId: TextKind.NOT_PERSONAL,
      requestedBy: TextKind.NOT_PERSONAL,
      legalBasis: TextKind.FREE_TEXT,
      reason: TextKind.FREE_TEXT,
    },
    DataAccessItem: {
      coordinate: TextKind.NOT_PERSONAL,
      department: TextKind.NOT_PERSONAL,
      category: TextKind.NOT_PERSONAL,
      shareClass: TextKind.NOT_PERSONAL,
      decidedBy: TextKind.NOT_PERSONAL,
      refusalReason: TextKind.FREE_TEXT,
    },
  },
};
