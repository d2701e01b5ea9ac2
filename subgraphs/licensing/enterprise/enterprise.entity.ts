import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
  @Column({ name: 'legal_representative', type: 'varchar', length: 100 })
  legalRepresentative: string;

  @Field({ description: 'GB/T 2260 code of the region the enterprise is registered in.' })
  @Index('ix_enterprise_region')
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'Registered address.' })
  @Column({ type: 'varchar', length: 300 })
  address: string;

  @Field({ description: 'When the enterprise entered the registry (UTC).' })
  @Column({ name: 'registered_at', type: 'datetime' })
  registeredAt: Date;
}
