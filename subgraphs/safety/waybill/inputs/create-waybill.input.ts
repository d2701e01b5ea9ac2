import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PackingGroup } from '../dangerous-goods';
import { Waybill } from '../waybill.entity';

@InputType({ description: 'A hazardous-goods shipment to record before the vehicle leaves.' })
export class CreateWaybillInput {
  @Field({ description: 'Credit code of the carrier, validated with its check character.' })
  carrierCreditCode: string;

  @Field({ description: 'Name of the shipper (1-200 characters).' })
  shipperName: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the consignee (收货人, 1-200 characters); required, nullable only for old clients.',
  })
  consigneeName?: string | null;

  @Field({ description: 'Name of the loader (装货人, 1-200 characters), who loads and checks the goods.' })
  loaderName: string;

  @Field({ description: 'Name of the driver (驾驶人员, 1-50 characters); personal information, sealed at rest.' })
  driverName: string;

  @Field({
    description:
      "The driver's qualification certificate number (从业资格证号): the holder's 18-character resident ID number.",
  })
  driverQualificationNumber: string;

  @Field({ description: 'Name of the escort (押运人员, 1-50 characters); personal information, sealed at rest.' })
  escortName: string;

  @Field({ description: "The escort's qualification certificate number (押运人员从业资格证号), 18 characters." })
  escortQualificationNumber: string;

  @Field({ description: 'Plate number of the carrying vehicle, GA 36 form.' })
  plateNumber: string;

  @Field({ description: 'Proper shipping name of the goods (1-200 characters).' })
  goodsName: string;

  @Field({ description: 'UN number: UN and four digits, e.g. UN1203.' })
  unNumber: string;

  @Field({ description: 'GB 6944 class, optionally with its division, e.g. 3, 2.1, 6.1, 8.' })
  hazardClass: string;

  @Field(() => PackingGroup, { nullable: true, description: 'Packing group, where the class has one.' })
  packingGroup?: PackingGroup | null;

  @Field(() => Int, { description: "Net quantity in kilograms, 1 to 49,000 (a tanker's legal payload)." })
  quantityKg: number;

  @Field({ description: 'GB/T 2260 code of the origin; it becomes part of the waybill number.' })
  originRegionCode: string;

  @Field({ description: 'GB/T 2260 code of the destination.' })
  destinationRegionCode: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Provinces passed through between the origin’s and the destination’s, in order (GB/T 2260 xx0000 codes, at most 10).',
  })
  transitProvinceCodes?: string[] | null;
}

@ObjectType({ description: 'The result of creating a waybill.' })
export class CreateWaybillPayload {
  @Field(() => Waybill, { description: 'The waybill as created.' })
  waybill: Waybill;
}

@ObjectType('WaybillCheckFailure', { description: 'One check a waybill failed (核验未通过项).' })
export class WaybillCheckFailureView {
  @Field({ description: 'Stable code of the check, e.g. CARRIER_PERMIT_SUSPENDED, CLASS_MISMATCH.' })
  code: string;

  @Field({ description: 'The input field at fault, e.g. carrierCreditCode, plateNumber, hazardClass.' })
  field: string;

  @Field({ description: 'What is wrong, in Chinese with English alongside.' })
  message: string;
}

@ObjectType({ description: 'The outcome of checking a waybill before recording it (电子运单预检).' })
export class WaybillCheck {
  @Field({ description: 'True when the waybill passes every check and would be recorded.' })
  passed: boolean;

  @Field(() => [WaybillCheckFailureView], { description: 'Every failed check; empty when it passed.' })
  failures: WaybillCheckFailureView[];
}
