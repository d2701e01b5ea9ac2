import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { VehiclePositionView } from '../monitoring/vehicle-position.view';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { actorOf, scopeOf, type SafetyContext } from '../safety.context';
import { Waybill } from '../waybill/waybill.entity';
import { AccidentSeverity } from './accident-severity';
import { AccidentConnection } from './accident.connection';
import { Accident, AccidentReportVersion } from './accident.entity';
import { AccidentPayload, ReportAccidentInput, UpdateAccidentReportInput } from './inputs/accident.inputs';

const READ = [Permission.ACCIDENT_READ, Permission.ACCIDENT_WRITE];

/** How far back an accident's track reaches, and how many positions it shows at most. */
const TRACK_MINUTES = 30;
const TRACK_POSITIONS = 60;

@Resolver(() => Accident)
export class AccidentResolver {
  @Authorized(...READ)
  @Query(() => Accident, {
    nullable: true,
    description: 'One accident report by id; null when there is none or it happened outside your region.',
  })
  async accident(
    @Arg('id', () => ID, { description: 'The accident’s id.' }) id: string,
    @Ctx() context: SafetyContext,
  ): Promise<Accident | null> {
    return context.services.accidents.find(scopeOf(context), id);
  }

  @Authorized(...READ)
  @Query(() => AccidentConnection, {
    description: 'Accident reports of your region (where they happened), newest first, by region and grade.',
  })
  async accidents(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code of where it happened; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Arg('severity', () => AccidentSeverity, { nullable: true, description: 'Only accidents of this grade.' })
    severity: AccidentSeverity | null,
    @Args() page: PageArgs,
    @Ctx() context: SafetyContext,
  ): Promise<AccidentConnection> {
    return context.services.accidents.list(
      scopeOf(context),
      { regionCode: regionCode ?? null, severity: severity ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.ACCIDENT_WRITE)
  @Mutation(() => AccidentPayload, {
    description:
      'Reports an accident (事故快报) of a vehicle and/or an enterprise; version 1 goes to the national platform.',
  })
  async reportAccident(
    @Arg('input', { description: 'The accident as first known.' }) input: ReportAccidentInput,
    @Ctx() context: SafetyContext,
  ): Promise<AccidentPayload> {
    return { accident: await context.services.accidents.report(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.ACCIDENT_WRITE)
  @Mutation(() => AccidentPayload, {
    description:
      'Adds a follow-up report (续报) with the figures as now known; the next version goes to the national platform.',
  })
  async updateAccidentReport(
    @Arg('input', { description: 'The accident, the figures and what is new.' }) input: UpdateAccidentReportInput,
    @Ctx() context: SafetyContext,
  ): Promise<AccidentPayload> {
    return { accident: await context.services.accidents.update(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(...READ)
  @FieldResolver(() => [AccidentReportVersion], {
    description: 'Every version reported: the first report, then each follow-up, oldest first.',
  })
  async reports(@Root() accident: Accident, @Ctx() context: SafetyContext): Promise<AccidentReportVersion[]> {
    return context.loaders
      .get('accidents:versions', () => context.services.accidents.createVersionsLoader())
      .load(accident.id);
  }

  @Authorized(Permission.WAYBILL_READ)
  @FieldResolver(() => Waybill, {
    nullable: true,
    description:
      'The waybill of the goods carried; null when there is none or it neither leaves from nor arrives in your region.',
  })
  async waybill(@Root() accident: Accident, @Ctx() context: SafetyContext): Promise<Waybill | null> {
    if (accident.waybillNumber === null) return null;
    return context.loaders
      .get('accidents:waybill', () => context.services.accidents.createWaybillLoader(scopeOf(context)))
      .load(accident.waybillNumber);
  }

  @Authorized(Permission.SAFETY_ALERT_READ)
  @FieldResolver(() => [VehiclePositionView], {
    description:
      'The vehicle’s positions in the 30 minutes before the accident, newest first (at most 60), from networked monitoring (联网联控); empty without a plate or outside your region.',
  })
  async lastPositions(@Root() accident: Accident, @Ctx() context: SafetyContext): Promise<VehiclePositionView[]> {
    if (accident.plateNumber === null) return [];
    return context.loaders
      .get('accidents:track', () =>
        context.services.monitoring.createTrackBeforeLoader(scopeOf(context), TRACK_MINUTES, TRACK_POSITIONS),
      )
      .load({ plateNumber: accident.plateNumber, before: accident.occurredAt });
  }
}
