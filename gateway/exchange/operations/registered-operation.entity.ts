import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of a partner client's named operation (注册接口): the exact document its machine client
 * may run, found by the document's SHA-256. Registering the same name again adds a version; a version
 * is retired, never changed or deleted. Kept in the gateway's database, so every replica shares it.
 */
@Entity({ name: 'registered_operation' })
@Index('ux_registered_operation_version', ['clientId', 'name', 'version'], { unique: true })
@Index('ix_registered_operation_sha256', ['sha256'])
export class RegisteredOperation {
  @PrimaryGeneratedColumn()
  id: number;

  /** The machine client that may run it (azp of its tokens), e.g. partner-ndrc. */
  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  /** The operation's name in the document. */
  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** 1, 2, ... per client and name. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  document: string;

  /** SHA-256 (lower-case hex) of the document exactly as registered: the persisted-query hash. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** The `Type.field` coordinates it reads that need a grant, comma-separated, sorted. */
  @Column({ type: 'text' })
  coordinates: string;

  /** The administrator's username, or `seed` for the files in gateway/persisted-operations. */
  @Column({ name: 'registered_by', type: 'varchar', length: 128 })
  registeredBy: string;

  @Column({ name: 'registered_at', type: 'datetime' })
  registeredAt: Date;

  @Column({ name: 'retired_at', type: 'datetime', nullable: true })
  retiredAt: Date | null;

  @Column({ name: 'retired_by', type: 'varchar', length: 128, nullable: true })
  retiredBy: string | null;
}

/** The coordinates an operation row reads, as a list. */
export function coordinatesOf(operation: RegisteredOperation): string[] {
  return operation.coordinates ? operation.coordinates.split(',') : [];
}
