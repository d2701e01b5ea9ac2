import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedColumn, freeText } from '../../../platform/crypto/encrypted-column';

/** Phone numbers are compared without spaces and dashes. */
export function normalizedPhone(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** The contact phone: encrypted, and looked up by its blind index (`indexOf`). */
export const CONTACT_PHONE_CIPHER = encryptedColumn({
  department: 'licensing',
  column: 'enterprise.contact_phone',
  blindIndex: 'contactPhoneIndex',
  normalize: normalizedPhone,
});

@Directive('@key(fields: "creditCode")')
@ObjectType({
  description: 'A market subject (经营业户) in the transport registry, keyed by its unified social credit code.',
})
@Entity({ name: 'enterprise' })
export class Enterprise {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Unified social credit code (统一社会信用代码), 18 characters, GB 32100-2015.' })
  @Index('uq_enterprise_credit_code', { unique: true })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field({ description: 'Registered name.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'Legal representative (法定代表人) as registered.' })
  @Column({
    name: 'legal_representative',
    type: 'varchar',
    length: 680,
    transformer: encryptedColumn({ department: 'licensing', column: 'enterprise.legal_representative' }),
  })
  legalRepresentative: string;

  @Field(() => String, { nullable: true, description: 'Contact phone (联系电话) as registered, when one was given.' })
  @Column({ name: 'contact_phone', type: 'varchar', length: 160, nullable: true, transformer: CONTACT_PHONE_CIPHER })
  contactPhone: string | null;

  /** HMAC-SM3 of the contact phone under the department's index key: exact lookups without decrypting. */
  @Index('ix_enterprise_contact_phone_index')
  @Column({ name: 'contact_phone_index', type: 'varchar', length: 64, nullable: true, select: false })
  contactPhoneIndex?: string | null;

  @Field({ description: 'GB/T 2260 code of the region the enterprise is registered in.' })
  @Index('ix_enterprise_region')
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'Registered address.' })
  @Column({ type: 'text', transformer: freeText('licensing', 'enterprise.address') })
  address: string;

  @Field({ description: 'When the enterprise entered the registry (UTC).' })
  @Column({ name: 'registered_at', type: 'datetime' })
  registeredAt: Date;
}
