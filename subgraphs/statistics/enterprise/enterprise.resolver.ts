import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { enterpriseEntity } from '../../../platform/graphql/shared-entities';
import { EnterpriseYearActivity } from '../activity/enterprise-year-activity.entity';
import { activitySummaryLoader, type StatisticsContext } from '../statistics.context';
import { EARLIEST_YEAR, LATEST_YEAR } from '../statistics-calendar';

export const Enterprise = enterpriseEntity(
  'A market subject (经营业户) in the transport registry; statistics adds its yearly activity.',
);
export type Enterprise = InstanceType<typeof Enterprise>;

@Resolver(() => Enterprise)
export class EnterpriseActivityResolver {
  @Authorized(Permission.STATISTICS_READ)
  @FieldResolver(() => EnterpriseYearActivity, {
    // Nullable like every contributed field, so the rest of the enterprise still answers while statistics is down.
    nullable: true,
    description:
      "What the enterprise did in a year, counted from the departments' events (经营活动统计); zeros when nothing was counted. " +
      'Null only when the statistics service cannot be reached.',
  })
  async activitySummary(
    @Root() enterprise: Enterprise,
    @Arg('year', () => Int, {
      nullable: true,
      description: `Calendar year in China Standard Time (${EARLIEST_YEAR}-${LATEST_YEAR}); defaults to the current year.`,
    })
    year: number | null | undefined,
    @Ctx() context: StatisticsContext,
  ): Promise<EnterpriseYearActivity> {
    return activitySummaryLoader(context, context.services.activity.summaryYear(year)).load(enterprise.creditCode);
  }
}
