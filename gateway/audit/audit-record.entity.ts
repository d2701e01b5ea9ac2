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

/**
 * One audited operation. Rows are chained: `hash` is the SM3 digest of the row's content and the
 * previous row's hash, so editing or deleting a row breaks every later link (`npm run audit:verify`).
 * Its GraphQL type is declared in audit.schema.ts.
 */
@Entity({ name: 'audit_record' })
@Index('ix_audit_occurred', ['occurredAt'])
@Index('ix_audit_subject', ['subject', 'occurredAt'])
@Index('ix_audit_client', ['clientId', 'occurredAt'])
export class AuditRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: AuditRecordKind;

  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId: string;

  /** Token `sub`; null when the caller was not identified. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  subject: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  username: string | null;

  @Column({ name: 'client_id', type: 'varchar', length: 100, nullable: true })
  clientId: string | null;

  /** Realm roles, comma-separated. */
  @Column({ type: 'varchar', length: 1000 })
  roles: string;

  @Column({ type: 'varchar', length: 6, nullable: true })
  region: string | null;

  @Column({ name: 'purpose_code', type: 'varchar', length: 64, nullable: true })
  purposeCode: string | null;

  @Column({ name: 'purpose_reason', type: 'varchar', length: 500, nullable: true })
  purposeReason: string | null;

  @Column({ name: 'operation_name', type: 'varchar', length: 200, nullable: true })
  operationName: string | null;

  @Column({ name: 'operation_type', type: 'varchar', length: 16, nullable: true })
  operationType: string | null;

  /** SHA-256 of the document text, as Apollo's persisted-query hashes are. */
  @Column({ name: 'document_hash', type: 'varchar', length: 64, nullable: true })
  documentHash: string | null;

  /** Variables as JSON with personal information masked. */
  @Column({ type: 'text' })
  variables: string;

  /** Identifiers the operation named (credit codes, plates, case and application numbers), space-separated. */
  @Column({ type: 'varchar', length: 1000 })
  entities: string;

  /** Subgraphs the gateway called, comma-separated. */
  @Column({ type: 'varchar', length: 200 })
  subgraphs: string;

  @Column({ type: 'varchar', length: 16 })
  outcome: AuditOutcome;

  @Column({ name: 'error_codes', type: 'varchar', length: 500 })
  errorCodes: string;

  @Column({ name: 'http_status', type: 'int' })
  httpStatus: number;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;

  @Column({ name: 'previous_hash', type: 'varchar', length: 64 })
  previousHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
