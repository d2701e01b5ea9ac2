import { Field, InputType, ObjectType } from 'type-graphql';
import { Enterprise } from '../enterprise.entity';

@InputType({ description: 'A market subject to enter into the registry.' })
export class RegisterEnterpriseInput {
  @Field({ description: 'Unified social credit code, validated with its check character.' })
  creditCode: string;

  @Field({ description: 'Registered name (1-200 characters).' })
  name: string;

  @Field({ description: 'Legal representative (1-100 characters).' })
  legalRepresentative: string;

  @Field({ description: 'GB/T 2260 region code of registration.' })
  regionCode: string;

  @Field({ description: 'Registered address (1-300 characters).' })
  address: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Contact phone (联系电话): a mobile number (11 digits) or a landline with its area code, e.g. 025-84561234.',
  })
  contactPhone?: string | null;
}

@ObjectType({ description: 'The result of registering an enterprise.' })
export class RegisterEnterprisePayload {
  @Field(() => Enterprise, { description: 'The enterprise as registered.' })
  enterprise: Enterprise;
}
