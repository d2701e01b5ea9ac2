import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'One detection record of a weigh station (超限检测记录), as the station measured it.' })
export class OverloadRecordInput {
  @Field({
    description:
      "The station's code (检测站点编码): ten digits, the GB/T 2260 code of the county it stands in and a four-digit serial, e.g. 3201150001. The county is the region responsible for the record.",
  })
  stationCode: string;

  @Field({
    description:
      "The station's own id of the record (1-64 visible ASCII characters); sending it again sends the same record.",
  })
  stationRecordId: string;

  @Field({ description: 'When the vehicle was weighed (ISO 8601 with its zone); not in the future.' })
  detectedAt: Date;

  @Field({ description: 'Plate number (号牌号码) as recognised, GA 36 form.' })
  plateNumber: string;

  @Field(() => Int, { description: 'Axles counted (轴数), 2-12.' })
  axleCount: number;

  @Field(() => Int, {
    description: 'Measured gross weight of vehicle and load (车货总质量) in kilograms, 1 000-300 000.',
  })
  grossWeightKg: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'The legal gross-weight limit (限值) in kilograms the station applied; at most what GB 1589-2016 allows for the axles (2: 18 000, 3: 27 000, 4: 36 000, 5: 43 000, 6 or more: 49 000). Omitted, the goods-vehicle limit for the axles applies (3 axles: 25 000, 4: 31 000, otherwise as above).',
  })
  limitKg?: number | null;
}

@InputType({ description: 'A batch of detection records from weigh stations.' })
export class SubmitOverloadRecordsInput {
  @Field(() => [OverloadRecordInput], {
    description: 'The records, 1-1000 per batch; each gets its own result, in the same order.',
  })
  records: OverloadRecordInput[];
}
