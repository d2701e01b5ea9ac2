import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum NationalStandingStatus {
  AVAILABLE = 'AVAILABLE',
  CACHED = 'CACHED',
  UNAVAILABLE = 'UNAVAILABLE',
}

registerEnumType(NationalStandingStatus, {
  name: 'NationalStandingStatus',
  description: 'How current the standing from the national credit information sharing platform is.',
  valuesConfig: {
    AVAILABLE: {
      description: 'The platform’s answer, retrieved within the cache’s time to live (CREDIT_STANDING_TTL_SECONDS).',
    },
    CACHED: {
      description:
        'An older answer (see retrievedAt): the platform did not answer in time or failed; it is asked again in the background.',
    },
    UNAVAILABLE: {
      description: 'The platform did not answer in time and nothing is cached: the standing is unknown, not clean.',
    },
  },
});

@ObjectType({
  description: 'An entry of the subject on a national list kept by another authority (e.g. 失信被执行人).',
})
export class NationalListEntry {
  @Field({ description: 'The list (名单名称), e.g. 失信被执行人 or 重大税收违法失信主体.' })
  listName: string;

  @Field({ description: 'The authority that listed the subject (认定部门), e.g. 最高人民法院.' })
  listingAuthority: string;

  @Field({ description: 'The day the subject was listed (列入日期), YYYY-MM-DD.' })
  listedOn: string;

  @Field(() => String, { nullable: true, description: 'The listing decision’s document number (认定文书号).' })
  reference: string | null;
}

@ObjectType({
  description:
    'The subject’s standing on the national credit information sharing platform (全国信用信息共享平台): other authorities’ lists, dated, apart from this credit file.',
})
export class NationalStanding {
  @Field(() => NationalStandingStatus, { description: 'Fresh, an older cached answer, or unknown.' })
  status: NationalStandingStatus;

  @Field(() => Date, {
    nullable: true,
    description: 'When the platform gave this answer (UTC); null when unavailable.',
  })
  retrievedAt: Date | null;

  @Field(() => [NationalListEntry], {
    description: 'The lists the subject is on; empty when none, or when unavailable.',
  })
  entries: NationalListEntry[];
}
