import { Field, InputType, ObjectType } from 'type-graphql';
import { Vehicle } from '../vehicle.entity';

@InputType({ description: 'An operating vehicle to enter into the registry.' })
export class RegisterVehicleInput {
  @Field({ description: 'Plate number, GA 36 form.' })
  plateNumber: string;

  @Field({ description: 'Credit code of the owning enterprise, which must be registered.' })
  ownerCreditCode: string;

  @Field({ description: 'Vehicle type as on the certificate (1-50 characters).' })
  vehicleType: string;

  @Field({ description: 'Road transport certificate number (1-64 characters).' })
  transportCertificateNumber: string;

  @Field({ description: 'GB/T 2260 code of the issuing region.' })
  regionCode: string;
}

@ObjectType({ description: 'The result of registering a vehicle.' })
export class RegisterVehiclePayload {
  @Field(() => Vehicle, { description: 'The vehicle as registered.' })
  vehicle: Vehicle;
}
