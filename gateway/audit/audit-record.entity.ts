import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditOutcome {
  /** Answered without errors. */
  OK = 'OK',
  /** Answered with data and errors (for example one subgraph down). */
  PARTIAL = 'PARTIAL',
  /** Refused: not signed in, not allowed, bad input, over a limit. */
  REFUSED = 'REFUSED',
  /** Failed on our side. */
  ERROR = 'ERROR',
}

export enum AuditRecordKind {
  REQUEST = 'REQUEST',
  /** Written when old records are pruned: anchors the chain that remains. */
  CHECKPOINT = 'CHECKPOINT',
}

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'How an audited request ended.',
  valuesConfig: {
    OK: { description: 'Answered without errors.' },
    PARTIAL: { description: 'Answered with data and errors, for example with one department down.' },
    REFUSED: { description: 'Refused: not signed in, not allowed, bad input or over a limit.' },
    ERROR: { description: "Failed on the single window's side." },
  },
});
registerEnumType(AuditRecordKind, {
  name: 'AuditRecordKind',
  description: 'What an audit record records.',
  valuesConfig: {
    REQUEST: { description: 'One request to the single window.' },
    CHECKPOINT: { description: 'Old records were pruned; this anchors the chain that remains.' },
  },
});

/**
 * One audited operation. Rows are chained: `hash` is the SM3 digest of the row's content and the
 * previous row's hash, so editing or deleting a row breaks every later link (`npm run audit:verify`).
 */
@ObjectType({ description: 'One audited request to the single window (审计记录), chained by SM3 hashes; read-only.' })
@Entity({ name: 'audit_record' })
@Index('ix_audit_occurred', ['occurredAt'])
@Index('ix_audit_subject', ['subject', 'occurredAt'])
@Index('ix_audit_client', ['clientId', 'occurredAt'])
export class AuditRecord {
  @Field(() => Int, { description: 'Position in the chain.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => AuditRecordKind, { description: 'A request, or a retention checkpoint.' })
  @Column({ type: 'varchar', length: 16 })
  kind: AuditRecordKind;

  @Field({ description: 'When the request arrived (UTC).' })
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @Field({ description: "The gateway's id for the request (also sent to subgraphs as X-Request-Id)." })
  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId: string;

  /** Token `sub`; null when the caller was not identified. */
  @Field(() => String, { nullable: true, description: "The caller's token subject; null when not identified." })
  @Column({ type: 'varchar', length: 64, nullable: true })
  subject: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The caller's username (service-account-<client> for machines).",
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  username: string | null;

  @Field(() => String, { nullable: true, description: 'The client the token was issued to.' })
  @Column({ name: 'client_id', type: 'varchar', length: 100, nullable: true })
  clientId: string | null;

  /** Realm roles, comma-separated. */
  @Field({ description: "The caller's realm roles, comma-separated." })
  @Column({ type: 'varchar', length: 1000 })
  roles: string;

  @Field(() => String, { nullable: true, description: "The caller's GB/T 2260 region." })
  @Column({ type: 'varchar', length: 6, nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true, description: 'The declared purpose (用途), if any.' })
  @Column({ name: 'purpose_code', type: 'varchar', length: 64, nullable: true })
  purposeCode: string | null;

  @Field(() => String, { nullable: true, description: 'The declared reason.' })
  @Column({ name: 'purpose_reason', type: 'varchar', length: 500, nullable: true })
  purposeReason: string | null;

  @Field(() => String, { nullable: true, description: "The GraphQL operation's name." })
  @Column({ name: 'operation_name', type: 'varchar', length: 200, nullable: true })
  operationName: string | null;

  @Field(() => String, { nullable: true, description: 'query or mutation.' })
  @Column({ name: 'operation_type', type: 'varchar', length: 16, nullable: true })
  operationType: string | null;

  /** SHA-256 of the document text, as Apollo's persisted-query hashes are. */
  @Field(() => String, { nullable: true, description: 'SHA-256 of the operation document.' })
  @Column({ name: 'document_hash', type: 'varchar', length: 64, nullable: true })
  documentHash: string | null;

  /** Variables as JSON with personal information masked. */
  @Field({ description: 'The variables as JSON, personal information masked.' })
  @Column({ type: 'text' })
  variables: string;

  /** Identifiers the operation named (credit codes, plates, case and application numbers), space-separated. */
  @Field({ description: 'Identifiers the operation named (credit codes, plates, case numbers), space-separated.' })
  @Column({ type: 'varchar', length: 1000 })
  entities: string;

  /** Subgraphs the gateway called, comma-separated. */
  @Field({ description: 'The department subgraphs the gateway called, comma-separated.' })
  @Column({ type: 'varchar', length: 200 })
  subgraphs: string;

  @Field(() => AuditOutcome, { description: 'How the request ended.' })
  @Column({ type: 'varchar', length: 16 })
  outcome: AuditOutcome;

  @Field({ description: 'Error codes returned, comma-separated.' })
  @Column({ name: 'error_codes', type: 'varchar', length: 500 })
  errorCodes: string;

  @Field(() => Int, { description: 'HTTP status of the answer.' })
  @Column({ name: 'http_status', type: 'int' })
  httpStatus: number;

  @Field(() => Int, { description: 'Time taken, in milliseconds.' })
  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  @Field(() => String, { nullable: true, description: 'Network address the request came from.' })
  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;

  @Field({ description: 'SM3 hash of the previous record.' })
  @Column({ name: 'previous_hash', type: 'varchar', length: 64 })
  previousHash: string;

  @Field({ description: "SM3 hash of this record's content and the previous hash." })
  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
