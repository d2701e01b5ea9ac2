import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { CreditProfile } from '../credit-profile/credit-profile';
import { actorOf, scopeOf, type CreditContext } from '../credit.context';
import { authorityNameOf } from '../disclosure/disclosure-rules';
import { CreditList } from './credit-list';
import { CreditListChange } from './credit-list-change.entity';
import { CreditListDecision } from './credit-list-decision.entity';
import { CreditListEntryConnection } from './credit-list-entry.connection';
import { CreditListEntry } from './credit-list-entry.entity';
import { listDecisionsLoader, listHistoryLoader, membershipsLoader } from './credit-list.loaders';
import { GoodStandingSubjectConnection } from './good-standing';
import {
  CreditListEntryPayload,
  ListCreditSubjectInput,
  RemoveCreditListEntryInput,
} from './inputs/list-credit-subject.input';
import { CRITERION_DESCRIPTIONS } from './list-criteria';

@Resolver(() => CreditListEntry)
export class CreditListResolver {
  // Read nationally like every credit file; licensing reviewers need it for joint discipline (联合惩戒),
  // partner ministries read it through their `credit` category with a declared purpose.
  @Authorized(Permission.CREDIT_READ)
  @Query(() => CreditListEntryConnection, {
    description:
      'Entries of the credit lists (信用名单), newest first: by list, subject and deciding region, current ones unless `includeRemoved`.',
  })
  async creditListEntries(
    @Arg('list', () => CreditList, { nullable: true, description: 'Only entries of this list.' })
    list: CreditList | null,
    @Arg('creditCode', () => String, {
      nullable: true,
      description: 'Only entries of this unified social credit code (统一社会信用代码).',
    })
    creditCode: string | null,
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code of the deciding authority; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Arg('includeRemoved', () => Boolean, {
      nullable: true,
      description: 'Also entries that left the list (default false).',
    })
    includeRemoved: boolean | null,
    @Args() page: PageArgs,
    @Ctx() context: CreditContext,
  ): Promise<CreditListEntryConnection> {
    return context.services.lists.list(
      {
        list: list ?? null,
        creditCode: creditCode ?? null,
        regionCode: regionCode ?? null,
        includeRemoved: includeRemoved ?? false,
      },
      pageRequest(page),
    );
  }

  @Authorized(Permission.CREDIT_READ)
  @Query(() => GoodStandingSubjectConnection, {
    description:
      'Market subjects in good standing (守信主体), derived on every read: top rating (A), on no credit list, and no penalty disclosed (双公示) in the last CREDIT_GOOD_STANDING_MONTHS months. By credit code.',
  })
  async goodStandingSubjects(
    @Args() page: PageArgs,
    @Ctx() context: CreditContext,
  ): Promise<GoodStandingSubjectConnection> {
    return context.services.lists.goodStanding(pageRequest(page));
  }

  @Authorized(Permission.CREDIT_WRITE)
  @Mutation(() => CreditListEntryPayload, {
    description:
      'Lists a registered market subject (认定列入) on a criterion, for an authority within the officer’s region; announced to licensing (`credit.list-changed`).',
  })
  async listCreditSubject(
    @Arg('input', { description: 'The subject, criterion, decisions and reasons.' }) input: ListCreditSubjectInput,
    @Ctx() context: CreditContext,
  ): Promise<CreditListEntryPayload> {
    return { entry: await context.services.lists.listByOfficer(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CREDIT_WRITE)
  @Mutation(() => CreditListEntryPayload, {
    description:
      'Removes a list entry (移出) decided within the officer’s region, with reasons; announced to licensing (`credit.list-changed`).',
  })
  async removeCreditListEntry(
    @Arg('input', { description: 'The entry, its version and the reasons.' }) input: RemoveCreditListEntryInput,
    @Ctx() context: CreditContext,
  ): Promise<CreditListEntryPayload> {
    return { entry: await context.services.lists.removeByOfficer(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.CREDIT_READ)
  @FieldResolver(() => String, { description: 'What the criterion says (列入依据), in Chinese.' })
  criterionDescription(@Root() entry: CreditListEntry): string {
    return CRITERION_DESCRIPTIONS[entry.criterion];
  }

  @Authorized(Permission.CREDIT_READ)
  @FieldResolver(() => String, { description: 'The deciding authority (认定机关), the region’s transport authority.' })
  authorityName(@Root() entry: CreditListEntry): string {
    return authorityNameOf(entry.regionCode);
  }

  @Authorized(Permission.CREDIT_READ)
  @FieldResolver(() => [CreditListDecision], {
    description: 'The decisions the listing rests on: case numbers, permit numbers or document numbers.',
  })
  async decisions(@Root() entry: CreditListEntry, @Ctx() context: CreditContext): Promise<CreditListDecision[]> {
    return listDecisionsLoader(context).load(entry.id);
  }

  // Reasons are the officers' words: credit officers read them, the others see the facts.
  @Authorized(Permission.CREDIT_WRITE)
  @FieldResolver(() => [CreditListChange], {
    nullable: true,
    description: 'Every change of the entry, oldest first: who, when, what and why. For credit officers.',
  })
  async history(@Root() entry: CreditListEntry, @Ctx() context: CreditContext): Promise<CreditListChange[]> {
    return listHistoryLoader(context).load(entry.id);
  }
}

@Resolver(() => CreditProfile)
export class CreditProfileListResolver {
  @Authorized(Permission.CREDIT_READ)
  @FieldResolver(() => [CreditListEntry], {
    nullable: true,
    description: 'The credit lists the subject is on now (current entries, oldest first); empty when none.',
  })
  async listMemberships(@Root() profile: CreditProfile, @Ctx() context: CreditContext): Promise<CreditListEntry[]> {
    return membershipsLoader(context).load(profile.creditCode);
  }
}
