import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import type { CreditContext } from '../credit.context';
import { CreditProfile } from '../credit-profile/credit-profile';
import { NationalStanding } from './national-standing';

@Resolver(() => CreditProfile)
export class NationalStandingResolver {
  // Read like the profile itself: nationally, by whoever may read credit (partners with a purpose).
  @Authorized(Permission.CREDIT_READ)
  @FieldResolver(() => NationalStanding, {
    description:
      'The subject’s standing on the national credit information sharing platform (全国信用信息共享平台): lists of other authorities (e.g. courts’ 失信被执行人), dated and apart from this credit file. Never fails the query: when the platform is slow it is an older answer or UNAVAILABLE.',
  })
  async nationalStanding(@Root() profile: CreditProfile, @Ctx() context: CreditContext): Promise<NationalStanding> {
    const loader = context.loaders.get('nationalStanding', () =>
      context.services.nationalPlatform.standings.createLoader(),
    );
    return loader.load(profile.creditCode);
  }
}
