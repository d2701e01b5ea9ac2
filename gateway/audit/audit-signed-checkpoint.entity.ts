import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit chain's head as the gateway signed it (SM2 with SM3, signer ID 1234567812345678): which
 * record was the head and its hash, when, and by which key. Kept beside the chain rather than in it, so
 * signing takes no chain lock and the trail's readers see requests only; rows are inserted, never updated.
 * `npm run audit:verify` checks each signature and that the chain still hashes to each signed head.
 */
@Entity({ name: 'audit_signed_checkpoint' })
@Index('ix_audit_signed_head', ['headRecordId'])
export class AuditSignedCheckpoint {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'head_record_id', type: 'int' })
  headRecordId: number;

  /** SM3 chain hash of the head record, lower-case hex. */
  @Column({ name: 'head_hash', type: 'varchar', length: 64 })
  headHash: string;

  @Column({ name: 'signed_at', type: 'datetime' })
  signedAt: Date;

  /** SM3 of the signing key's DER SubjectPublicKeyInfo, lower-case hex. */
  @Column({ name: 'key_fingerprint', type: 'varchar', length: 64 })
  keyFingerprint: string;

  @Column({ type: 'varchar', length: 16 })
  algorithm: string;

  /** r || s, 64 bytes as lower-case hex, over checkpointMessage(). */
  @Column({ type: 'varchar', length: 128 })
  signature: string;
}
