import { GraphQLDateTimeISO } from 'graphql-scalars';
import { catalogue } from '../../platform/graphql/catalogue-directive';
import { citing, LEGAL_BASIS } from '../../platform/graphql/catalogue-legal-basis';
import { connectionTypeDefs, PAGE_ARGUMENTS, PAGE_INFO_TYPE_DEFS } from '../../platform/graphql/connection.sdl';

// The audit subgraph's types, written as SDL: the gateway process runs without type-graphql
// (resolvers in audit.resolver.ts; access in audit.access.ts).

// The audit trail is the single window's own record of who read what: never shared.
const AUDIT_CATALOGUE_ENTRY = catalogue({
  category: 'audit',
  shareClass: 'NOT_SHARED',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.cybersecurity, LEGAL_BASIS.personalInformation),
});

export const AUDIT_TYPE_DEFS = `
type Query {
  """
  Audit records, newest first, filtered by who, which client, when, which record and outcome (administrators only).
  """
  auditRecords(
${PAGE_ARGUMENTS}
    """Only records of operations with this name."""
    operationName: String
    """Only records with this outcome."""
    outcome: AuditOutcome
    """
    A credit code, plate, case, application or waybill number the operation named.
    """
    entity: String
    """Records before this time (UTC)."""
    to: DateTimeISO
    """Records at or after this time (UTC)."""
    from: DateTimeISO
    """The client the caller used."""
    clientId: String
    """The caller's username."""
    username: String
    """The caller's token subject."""
    subject: String
  ): AuditRecordConnection!
}

${connectionTypeDefs('AuditRecord', 'audit record', 'A page of audit records.')}

"""
One audited request to the single window (审计记录), chained by SM3 hashes; read-only.
"""
type AuditRecord ${AUDIT_CATALOGUE_ENTRY} {
  """Position in the chain."""
  id: Int!
  """A request, or a retention checkpoint."""
  kind: AuditRecordKind!
  """When the request arrived (UTC)."""
  occurredAt: DateTimeISO!
  """
  The gateway's id for the request (also sent to subgraphs as X-Request-Id).
  """
  requestId: String!
  """The caller's token subject; null when not identified."""
  subject: String
  """The caller's username (service-account-<client> for machines)."""
  username: String
  """The client the token was issued to."""
  clientId: String
  """The caller's realm roles, comma-separated."""
  roles: String!
  """The caller's GB/T 2260 region."""
  region: String
  """The declared purpose (用途), if any."""
  purposeCode: String
  """The declared reason."""
  purposeReason: String
  """The GraphQL operation's name."""
  operationName: String
  """query or mutation."""
  operationType: String
  """SHA-256 of the operation document."""
  documentHash: String
  """The variables as JSON, personal information masked."""
  variables: String!
  """
  Identifiers the operation named (credit codes, plates, case numbers), space-separated.
  """
  entities: String!
  """The department subgraphs the gateway called, comma-separated."""
  subgraphs: String!
  """How the request ended."""
  outcome: AuditOutcome!
  """Error codes returned, comma-separated."""
  errorCodes: String!
  """HTTP status of the answer."""
  httpStatus: Int!
  """Time taken, in milliseconds."""
  durationMs: Int!
  """Network address the request came from."""
  clientAddress: String
  """SM3 hash of the previous record."""
  previousHash: String!
  """SM3 hash of this record's content and the previous hash."""
  hash: String!
}

"""What an audit record records."""
enum AuditRecordKind {
  """One request to the single window."""
  REQUEST
  """Old records were pruned; this anchors the chain that remains."""
  CHECKPOINT
}

"""
${GraphQLDateTimeISO.description}
"""
scalar DateTimeISO

"""How an audited request ended."""
enum AuditOutcome {
  """Answered without errors."""
  OK
  """Answered with data and errors, for example with one department down."""
  PARTIAL
  """Refused: not signed in, not allowed, bad input or over a limit."""
  REFUSED
  """Failed on the single window's side."""
  ERROR
}
${PAGE_INFO_TYPE_DEFS}`;
