import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { CreditRepairAttachmentKind } from './repair-state';

@ObjectType({
  description:
    'A document attached to a credit repair application: the commitment letter or corrective evidence, with the SM3 digest of its bytes.',
})
@Entity({ name: 'credit_repair_attachment' })
export class CreditRepairAttachment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_credit_repair_attachment_application')
  @Column({ name: 'application_id', type: 'int' })
  applicationId: number;

  @Field(() => CreditRepairAttachmentKind, { description: 'What the document is.' })
  @Column({ type: 'varchar', length: 32 })
  kind: CreditRepairAttachmentKind;

  @Field({ description: 'File name as uploaded.' })
  @Column({ name: 'file_name', type: 'text', transformer: freeText('credit', 'credit_repair_attachment.file_name') })
  fileName: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Field({ description: 'SM3 (GB/T 32905-2016) digest of the bytes, lower-case hex; checked whenever they are read.' })
  @Column({ name: 'sm3_digest', type: 'varchar', length: 64 })
  sm3Digest: string;

  // Where the platform's file store keeps the bytes; not shown to clients.
  @Column({ name: 'storage_reference', type: 'varchar', length: 300 })
  storageReference: string;

  @Field({ description: 'When it was attached (UTC).' })
  @Column({ name: 'uploaded_at', type: 'datetime' })
  uploadedAt: Date;
}
