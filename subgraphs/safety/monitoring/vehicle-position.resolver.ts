import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { scopeOf, type SafetyContext } from '../safety.context';
import { SubmitVehiclePositionsInput } from './inputs/submit-vehicle-positions.input';
import { SubmitVehiclePositionsPayload } from './vehicle-position.payload';

@Resolver()
export class VehiclePositionResolver {
  @Authorized(Permission.POSITION_SUBMIT)
  @Mutation(() => SubmitVehiclePositionsPayload, {
    description:
      "Submits key vehicles' positions (重点营运车辆联网联控), for the provincial monitoring platform's machine client. Each position is accepted, recognised as a duplicate or rejected on its own; accepted positions raise speeding, fatigue-driving and night-coach alerts.",
  })
  async submitVehiclePositions(
    @Arg('input', { description: 'The batch of positions.' }) input: SubmitVehiclePositionsInput,
    @Ctx() context: SafetyContext,
  ): Promise<SubmitVehiclePositionsPayload> {
    return context.services.positions.submit(scopeOf(context), input.positions);
  }
}
