import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';

@ObjectType('ActivitySummary', {
  description:
    "An enterprise's activity in one calendar year (China Standard Time) as counted from the departments' events (年度经营活动统计).",
})
@Entity({ name: 'enterprise_year_activity' })
@Index('uq_enterprise_year_activity', ['creditCode', 'year'], { unique: true })
export class EnterpriseYearActivity {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Unified social credit code (统一社会信用代码) of the enterprise.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field(() => Int, { description: 'The calendar year counted, China Standard Time.' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: 'Administrative permits issued to the enterprise (取得行政许可数).' })
  @Column({ name: 'permits_issued', type: 'int', default: 0 })
  permitsIssued: number;

  @Field(() => Int, { description: 'Enforcement cases filed against the enterprise (被立案数).' })
  @Column({ name: 'cases_opened', type: 'int', default: 0 })
  casesOpened: number;

  @Field(() => Int, { description: 'Enforcement cases against the enterprise that were decided (作出处罚决定数).' })
  @Column({ name: 'cases_decided', type: 'int', default: 0 })
  casesDecided: number;

  @Field(() => GraphQLSafeInt, { description: 'Fines imposed on the enterprise (罚款金额), in fen (1/100 yuan).' })
  @Column({ name: 'fines_fen', type: 'bigint', default: 0, transformer: BIGINT_AS_NUMBER })
  finesFen: number;

  @Field(() => Int, {
    description: 'Hazardous-goods electronic waybills (电子运单) the enterprise created as carrier.',
  })
  @Column({ name: 'waybills_created', type: 'int', default: 0 })
  waybillsCreated: number;
}

/** What a year with nothing counted reads as. */
export function emptyActivity(creditCode: string, year: number): EnterpriseYearActivity {
  return Object.assign(new EnterpriseYearActivity(), {
    creditCode,
    year,
    permitsIssued: 0,
    casesOpened: 0,
    casesDecided: 0,
    finesFen: 0,
    waybillsCreated: 0,
  });
}
