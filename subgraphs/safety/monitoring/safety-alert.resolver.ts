import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { actorOf, scopeOf, type SafetyContext } from '../safety.context';
import {
  AcknowledgeSafetyAlertInput,
  CloseSafetyAlertInput,
  EscalateSafetyAlertInput,
  SafetyAlertPayload,
} from './inputs/safety-alert-action.inputs';
import { SafetyAlertConnection } from './safety-alert.connection';
import { SafetyAlert, SafetyAlertStatus } from './safety-alert.entity';
import { OnlineRate } from './vehicle-position.view';

@Resolver(() => SafetyAlert)
export class SafetyAlertResolver {
  @Authorized(Permission.SAFETY_ALERT_READ)
  @Query(() => SafetyAlertConnection, {
    description:
      'Monitoring alerts of vehicles certified in your region (动态监控报警处置), newest first: the safety officers’ work queue.',
  })
  async safetyAlerts(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code of the certifying region; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Arg('status', () => SafetyAlertStatus, { nullable: true, description: 'Only alerts in this status.' })
    status: SafetyAlertStatus | null,
    @Args() page: PageArgs,
    @Ctx() context: SafetyContext,
  ): Promise<SafetyAlertConnection> {
    return context.services.alerts.list(
      scopeOf(context),
      { regionCode: regionCode ?? null, status: status ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.SAFETY_ALERT_READ)
  @Query(() => OnlineRate, {
    description: 'The online rate (上线率) of the key vehicles certified in a region on a China day.',
  })
  async vehicleOnlineRate(
    @Arg('day', { description: 'China date YYYY-MM-DD.' }) day: string,
    @Arg('regionCode', () => String, { nullable: true, description: 'GB/T 2260 code; your region when omitted.' })
    regionCode: string | null,
    @Ctx() context: SafetyContext,
  ): Promise<OnlineRate> {
    return context.services.monitoring.regionOnlineRate(scopeOf(context), regionCode ?? null, day);
  }

  @Authorized(Permission.SAFETY_ALERT_HANDLE)
  @Mutation(() => SafetyAlertPayload, { description: 'Takes an alert (确认): OPEN becomes ACKNOWLEDGED.' })
  async acknowledgeSafetyAlert(
    @Arg('input', { description: 'The alert.' }) input: AcknowledgeSafetyAlertInput,
    @Ctx() context: SafetyContext,
  ): Promise<SafetyAlertPayload> {
    return { alert: await context.services.alerts.acknowledge(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.SAFETY_ALERT_HANDLE)
  @Mutation(() => SafetyAlertPayload, {
    description: 'Closes an alert with how it was dealt with (处置): OPEN or ACKNOWLEDGED becomes CLOSED.',
  })
  async closeSafetyAlert(
    @Arg('input', { description: 'The alert and its disposition.' }) input: CloseSafetyAlertInput,
    @Ctx() context: SafetyContext,
  ): Promise<SafetyAlertPayload> {
    return { alert: await context.services.alerts.close(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.SAFETY_ALERT_HANDLE)
  @Mutation(() => SafetyAlertPayload, {
    description:
      'Hands a serious or repeated alert to enforcement (移交执法): it becomes ESCALATED and enforcement opens a draft case for the certifying region.',
  })
  async escalateSafetyAlert(
    @Arg('input', { description: 'The alert and why it goes to enforcement.' }) input: EscalateSafetyAlertInput,
    @Ctx() context: SafetyContext,
  ): Promise<SafetyAlertPayload> {
    return { alert: await context.services.alerts.escalate(scopeOf(context), input, actorOf(context)) };
  }
}
