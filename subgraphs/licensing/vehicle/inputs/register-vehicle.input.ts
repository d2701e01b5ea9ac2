import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { VehicleCategory } from '../../../../platform/codes/vehicle-category';
import { Vehicle, VehicleCertificateStatus } from '../vehicle.entity';

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

  @Field(() => VehicleCategory, { description: 'What the certificate allows the vehicle to carry (车辆经营类别).' })
  category: VehicleCategory;

  @Field(() => Int, {
    nullable: true,
    description: 'Approved load (核定载质量) in kilograms, 1-100,000; required for goods vehicles.',
  })
  approvedLoadKg?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'GB 6944 classes or divisions certified (e.g. ["3", "8"]); required for HAZARDOUS_GOODS only.',
  })
  hazardClasses?: string[] | null;
}

@InputType({ description: 'A decision on a road transport certificate (道路运输证): suspend, restore or revoke it.' })
export class ChangeVehicleCertificateStatusInput {
  @Field({ description: 'Plate number of the vehicle.' })
  plateNumber: string;

  @Field(() => VehicleCertificateStatus, { description: 'The status the certificate moves to.' })
  status: VehicleCertificateStatus;

  @Field({ description: 'Why (1-500 characters), e.g. the decision document number.' })
  reason: string;
}

@ObjectType({ description: 'The vehicle after a decision on its certificate.' })
export class ChangeVehicleCertificateStatusPayload {
  @Field(() => Vehicle, { description: 'The vehicle as it now stands.' })
  vehicle: Vehicle;
}

@ObjectType({ description: 'The result of registering a vehicle.' })
export class RegisterVehiclePayload {
  @Field(() => Vehicle, { description: 'The vehicle as registered.' })
  vehicle: Vehicle;
}
