import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { chinaToday } from '../../../platform/time/china-time';
import { Enterprise } from '../enterprise/enterprise.reference';
import { scopeOf, type SafetyContext } from '../safety.context';
import { Vehicle } from '../vehicle/vehicle.reference';
import { assertDay } from './monitoring-read.service';
import { SafetyAlert } from './safety-alert.entity';
import { OnlineRate, VehiclePositionView } from './vehicle-position.view';

// Request-scoped loaders: a list of vehicles or enterprises costs one statement per field, not one per row.
function latestPositions(context: SafetyContext) {
  return context.loaders.get('monitoring:latest', () =>
    context.services.monitoring.createLatestPositionLoader(scopeOf(context)),
  );
}
function openAlerts(context: SafetyContext) {
  return context.loaders.get('monitoring:open-alerts', () =>
    context.services.alerts.createOpenAlertsLoader(scopeOf(context)),
  );
}
function alertCounts(context: SafetyContext) {
  return context.loaders.get('monitoring:alerts-30d', () =>
    context.services.alerts.createLast30DaysCountLoader(scopeOf(context)),
  );
}
function onlineRates(context: SafetyContext, day: string) {
  return context.loaders.get(`monitoring:online:${day}`, () =>
    context.services.monitoring.createEnterpriseOnlineRateLoader(scopeOf(context), day),
  );
}

@Resolver(() => Vehicle)
export class VehicleMonitoringResolver {
  @Authorized(Permission.SAFETY_ALERT_READ)
  @FieldResolver(() => VehiclePositionView, {
    nullable: true,
    description:
      'The latest position reported (联网联控); null when none was, or the vehicle is certified outside your region.',
  })
  async lastPosition(@Root() vehicle: Vehicle, @Ctx() context: SafetyContext): Promise<VehiclePositionView | null> {
    return latestPositions(context).load(vehicle.plateNumber);
  }

  @Authorized(Permission.SAFETY_ALERT_READ)
  @FieldResolver(() => [SafetyAlert], {
    nullable: true,
    description: 'Monitoring alerts of the vehicle still open or acknowledged, newest first, within your region.',
  })
  async openAlerts(@Root() vehicle: Vehicle, @Ctx() context: SafetyContext): Promise<SafetyAlert[]> {
    return openAlerts(context).load(vehicle.plateNumber);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseMonitoringResolver {
  @Authorized(Permission.SAFETY_ALERT_READ)
  @FieldResolver(() => Int, {
    nullable: true,
    description: "Monitoring alerts of the enterprise's vehicles in the last 30 days, within your region.",
  })
  async safetyAlertsLast30Days(@Root() enterprise: Enterprise, @Ctx() context: SafetyContext): Promise<number> {
    return alertCounts(context).load(enterprise.creditCode);
  }

  @Authorized(Permission.SAFETY_ALERT_READ)
  @FieldResolver(() => OnlineRate, {
    nullable: true,
    description: "The online rate (上线率) of the enterprise's key vehicles certified in your region on a China day.",
  })
  async onlineRate(
    @Root() enterprise: Enterprise,
    @Arg('day', () => String, { nullable: true, description: 'China date YYYY-MM-DD; today when omitted.' })
    day: string | null,
    @Ctx() context: SafetyContext,
  ): Promise<OnlineRate> {
    const date = day ?? chinaToday();
    assertDay('day', date);
    return onlineRates(context, date).load(enterprise.creditCode);
  }
}
