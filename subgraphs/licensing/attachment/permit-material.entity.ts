import { Field, ID, Int, ObjectType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({
  description:
    'A material (申请材料) attached to an application: its metadata and the SM3 digest of its bytes, checked whenever it is read back.',
})
@Entity({ name: 'permit_material' })
export class PermitMaterial {
  @Field(() => ID, { description: 'Identifier to read the content with `permitMaterialContent`.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_permit_material_application')
  @Column({ name: 'application_id', type: 'int' })
  applicationId: number;

  @Field({ description: "Which required material this is (the kind's material code)." })
  @Column({ name: 'material_code', type: 'varchar', length: 40 })
  materialCode: string;

  @Field({ description: 'Name of the required material, as the permit kind lists it.' })
  @Column({ name: 'material_name', type: 'varchar', length: 200 })
  materialName: string;

  @Field({ description: 'File name as uploaded.' })
  @Column({ name: 'file_name', type: 'text', transformer: freeText('licensing', 'permit_material.file_name') })
  fileName: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Field({ description: 'SM3 (GB/T 32905-2016) digest of the bytes, lower-case hex.' })
  @Column({ name: 'sm3_digest', type: 'varchar', length: 64 })
  sm3Digest: string;

  // Where the file store keeps the bytes; not shown to clients.
  @Column({ name: 'storage_reference', type: 'varchar', length: 300 })
  storageReference: string;

  @Field({ description: 'Who attached it (username).' })
  @Column({ name: 'uploaded_by', type: 'varchar', length: 100 })
  uploadedBy: string;

  @Field({ description: 'When it was attached (UTC).' })
  @Column({ name: 'uploaded_at', type: 'datetime' })
  uploadedAt: Date;
}
