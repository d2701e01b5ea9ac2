import { Field, ObjectType } from 'type-graphql';
import { SeriousDishonestyRule } from './serious-dishonesty-rule';

@ObjectType({ description: 'A credit list the applicant is on now (信用名单), as credit last reported it.' })
export class ApplicantListing {
  @Field({ description: 'The list, e.g. SERIOUS_DISHONESTY (严重失信主体名单).' })
  list: string;

  @Field({ description: 'The criterion met (列入依据), as credit codes it, e.g. PERMIT_REVOKED.' })
  criterion: string;

  @Field({ description: 'Listed since (列入日期, UTC).' })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Planned removal (计划移出日期, UTC).' })
  plannedRemovalAt: Date | null;
}

@ObjectType({
  description:
    'Joint discipline (联合惩戒) for this application: whether the applicant is on the serious-dishonesty list and what approving then takes.',
})
export class JointDisciplineView {
  @Field({ description: 'The applicant is on the serious-dishonesty list now.' })
  applicantListed: boolean;

  @Field(() => SeriousDishonestyRule, {
    description: 'What the permit kind does with a listed applicant: refuse, or approve only with a recorded reason.',
  })
  rule: SeriousDishonestyRule;

  @Field(() => [ApplicantListing], { description: 'The listings, oldest first.' })
  listings: ApplicantListing[];
}
