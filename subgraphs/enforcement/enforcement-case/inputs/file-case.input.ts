import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'A case to file (立案) against an enterprise, a vehicle and/or a person: at least one of them.',
})
export class FileCaseInput {
  @Field({ description: 'GB/T 2260 code of the region whose authority handles the case.' })
  regionCode: string;

  @Field({ description: 'The suspected violation (案由), 1-2000 characters.' })
  cause: string;

  @Field(() => String, {
    nullable: true,
    description: 'Credit code of the enterprise, validated with its check character.',
  })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Plate number of the vehicle involved, GA 36 form.' })
  plateNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the person the case is against (1-50 characters); given together with `partyIdNumber`.',
  })
  partyName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Resident ID number (公民身份号码) of that person, GB 11643-1999 with its check character.',
  })
  partyIdNumber?: string | null;
}
