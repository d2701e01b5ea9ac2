import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { Enterprise } from '../enterprise/enterprise.reference';
import { actorOf, scopeOf, type SafetyContext } from '../safety.context';
import { Vehicle } from '../vehicle/vehicle.reference';
import { CreateWaybillInput, CreateWaybillPayload, WaybillCheck } from './inputs/create-waybill.input';
import { CancelWaybillInput, WaybillActionInput, WaybillPayload } from './inputs/waybill-action.inputs';
import { properShippingNames } from './dangerous-goods-list';
import { WaybillConnection } from './waybill.connection';
import { Waybill, WaybillStatus } from './waybill.entity';

@Resolver(() => Waybill)
export class WaybillResolver {
  @Authorized(Permission.WAYBILL_READ)
  @Query(() => Waybill, {
    nullable: true,
    description: 'One waybill by number; null when there is none or it neither leaves from nor arrives in your region.',
  })
  async waybill(
    @Arg('waybillNumber', { description: 'Waybill number, e.g. YD32010220260101000001.' }) waybillNumber: string,
    @Ctx() context: SafetyContext,
  ): Promise<Waybill | null> {
    return context.services.waybills.find(scopeOf(context), waybillNumber);
  }

  @Authorized(Permission.WAYBILL_READ)
  @Query(() => WaybillConnection, {
    description: 'Waybills leaving from or arriving in your region, newest first, by origin region and status.',
  })
  async waybills(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code of the origin; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Arg('status', () => WaybillStatus, { nullable: true, description: 'Only waybills in this status.' })
    status: WaybillStatus | null,
    @Args() page: PageArgs,
    @Ctx() context: SafetyContext,
  ): Promise<WaybillConnection> {
    return context.services.waybills.list(
      scopeOf(context),
      { regionCode: regionCode ?? null, status: status ?? null },
      pageRequest(page),
    );
  }

  @Authorized(Permission.WAYBILL_WRITE)
  @Query(() => WaybillCheck, {
    description:
      'Checks a waybill against the dangerous goods list and the registry (permit, vehicle, load) without recording it (预检).',
  })
  async checkWaybill(
    @Arg('input', { description: 'The shipment to check.' }) input: CreateWaybillInput,
    @Ctx() context: SafetyContext,
  ): Promise<WaybillCheck> {
    const failures = await context.services.waybills.check(scopeOf(context), input);
    return { passed: failures.length === 0, failures };
  }

  @Authorized(Permission.WAYBILL_WRITE)
  @Mutation(() => CreateWaybillPayload, {
    description: 'Records a hazardous-goods shipment before loading (填报电子运单) and numbers it.',
  })
  async createWaybill(
    @Arg('input', { description: 'The shipment to record.' }) input: CreateWaybillInput,
    @Ctx() context: SafetyContext,
  ): Promise<CreateWaybillPayload> {
    return { waybill: await context.services.waybills.create(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.WAYBILL_WRITE)
  @Mutation(() => WaybillPayload, {
    description: 'Records that the vehicle has left with the goods: CREATED becomes IN_TRANSIT.',
  })
  async departWaybill(
    @Arg('input', { description: 'The waybill whose vehicle has left.' }) input: WaybillActionInput,
    @Ctx() context: SafetyContext,
  ): Promise<WaybillPayload> {
    return { waybill: await context.services.waybills.depart(scopeOf(context), input) };
  }

  @Authorized(Permission.WAYBILL_WRITE)
  @Mutation(() => WaybillPayload, { description: 'Records that the goods have arrived: IN_TRANSIT becomes ARRIVED.' })
  async arriveWaybill(
    @Arg('input', { description: 'The waybill whose goods have arrived.' }) input: WaybillActionInput,
    @Ctx() context: SafetyContext,
  ): Promise<WaybillPayload> {
    return { waybill: await context.services.waybills.arrive(scopeOf(context), input) };
  }

  @Authorized(Permission.WAYBILL_WRITE)
  @Mutation(() => WaybillPayload, {
    description: 'Cancels a waybill whose vehicle has not left, with a reason: CREATED becomes CANCELLED.',
  })
  async cancelWaybill(
    @Arg('input', { description: 'The waybill to cancel and why.' }) input: CancelWaybillInput,
    @Ctx() context: SafetyContext,
  ): Promise<WaybillPayload> {
    return { waybill: await context.services.waybills.cancel(scopeOf(context), input) };
  }

  @Authorized(Permission.WAYBILL_READ)
  @FieldResolver(() => [String], {
    description:
      'The proper shipping names the UN dangerous goods list gives for the UN number (English, 49 CFR 172.101), beside the declared name.',
  })
  properShippingNames(@Root() waybill: Waybill): readonly string[] {
    return properShippingNames(waybill.unNumber);
  }

  @Authorized(Permission.WAYBILL_READ)
  @FieldResolver(() => Enterprise, {
    nullable: true,
    description:
      'The carrier (resolved by the registry); null, without an error, when the registry does not hold it or the caller may not read it (registered outside their region).',
  })
  carrier(@Root() waybill: Waybill): Pick<Enterprise, 'creditCode'> {
    return { creditCode: waybill.carrierCreditCode };
  }

  @Authorized(Permission.WAYBILL_READ)
  @FieldResolver(() => Vehicle, {
    nullable: true,
    description:
      'The carrying vehicle (resolved by the registry); null, without an error, when the registry does not hold it or the caller may not read it (registered outside their region).',
  })
  vehicle(@Root() waybill: Waybill): Pick<Vehicle, 'plateNumber'> {
    return { plateNumber: waybill.plateNumber };
  }
}
