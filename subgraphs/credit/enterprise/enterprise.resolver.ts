import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { enterpriseEntity } from '../../../platform/graphql/shared-entities';
import { CreditProfile } from '../credit-profile/credit-profile';
import { profileLoader, type CreditContext } from '../credit.context';

export const Enterprise = enterpriseEntity('A market subject (经营业户); credit adds its credit profile.');
export type Enterprise = InstanceType<typeof Enterprise>;

@Resolver(() => Enterprise)
export class EnterpriseCreditResolver {
  @Authorized(Permission.CREDIT_READ)
  // Nullable like every field a department adds to Enterprise: when credit is down the gateway leaves
  // this part out instead of nulling the whole enterprise.
  @FieldResolver(() => CreditProfile, {
    nullable: true,
    description:
      'Credit standing (信用档案) of the enterprise: score, rating and records; null only when credit cannot answer.',
  })
  async creditProfile(@Root() enterprise: Enterprise, @Ctx() context: CreditContext): Promise<CreditProfile> {
    return profileLoader(context).load(enterprise.creditCode);
  }
}
