import { Arg, Authorized, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { INDICATOR_CATALOGUE } from './indicator-catalogue';
import { definitionView, IndicatorDefinitionType } from './indicator-definition.types';

@Resolver()
export class IndicatorCatalogueResolver {
  @Authorized(Permission.STATISTICS_READ)
  @Query(() => [IndicatorDefinitionType], {
    description: 'The indicator catalogue (统计指标目录): every indicator with its unit, sources and region rule.',
  })
  indicators(
    @Arg('department', () => String, {
      nullable: true,
      description: 'Only the indicators fed by this department: licensing, enforcement, credit or safety.',
    })
    department?: string | null,
  ): IndicatorDefinitionType[] {
    return INDICATOR_CATALOGUE.filter((definition) => !department || definition.department === department).map(
      definitionView,
    );
  }
}
