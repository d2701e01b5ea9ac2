import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { SafetyPlatformDelivery } from './safety-platform-delivery.entity';

@ObjectType({ description: 'A page of reports to the national safety supervision platform, newest first.' })
export class NationalSafetyDeliveryConnection extends ConnectionType(
  SafetyPlatformDelivery,
  'NationalSafetyDelivery',
  'report to the national safety platform',
) {}

@ObjectType({
  description:
    'How the reports to the national safety supervision platform (国家安全生产监管平台) stand within your regions: what waits, since when, what fails.',
})
export class NationalSafetyDeliverySummary {
  @Field(() => Int, { description: 'Versions not yet acknowledged by the platform (待报送).' })
  pendingCount: number;

  @Field(() => Int, { description: 'Versions the platform acknowledged (已报送).' })
  deliveredCount: number;

  @Field(() => Int, { description: 'Versions the platform refused for good (被拒收); later versions wait.' })
  refusedCount: number;

  @Field(() => Int, { description: 'Pending versions whose last attempt failed (报送失败, will retry).' })
  failingCount: number;

  @Field(() => Date, { nullable: true, description: 'When the longest-waiting pending version was recorded (UTC).' })
  oldestPendingSince: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How long the longest-waiting pending version has waited, in seconds.',
  })
  oldestPendingAgeSeconds: number | null;

  @Field(() => Date, { nullable: true, description: 'When the platform last acknowledged a report (UTC).' })
  lastDeliveredAt: Date | null;
}
